import { describe, expect, it } from 'vitest';
import { KnowledgeBaseError, loadKnowledgeBase, readKnowledgeBase } from '../../src/knowledge/load.ts';
import { FACTS_YAML, writeKbDir } from '../helpers/kb-dir.ts';

describe('readKnowledgeBase', () => {
  it('loads a valid folder with no problems', () => {
    const { kb, problems } = readKnowledgeBase(writeKbDir());
    expect(problems).toEqual([]);
    expect(kb.articles.map((a) => a.id)).toEqual(['widgets']);
    expect(kb.facts.map((f) => f.id)).toEqual(['widget-factories', 'jane-doe']);
    expect(kb.facts[0]?.articleId).toBe('widgets');
  });

  it('keeps an unquoted YAML date as a YYYY-MM-DD string', () => {
    const { kb } = readKnowledgeBase(writeKbDir());
    expect(kb.articles[0]?.date).toBe('2021-05-01');
  });

  it('names the file of a facts file that does not parse', () => {
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': 'article: [unclosed' }));
    expect(problems[0]?.file).toMatch(/facts\/widgets\.yaml$/);
    expect(problems[0]?.message).toMatch(/does not parse/);
  });

  it('names the file, fact id and field of a schema violation', () => {
    const broken = FACTS_YAML.replace('questions: [Who is Jane Doe?]', 'questions: []');
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        factId: 'jane-doe',
        field: 'questions',
        file: expect.stringMatching(/widgets\.yaml$/),
      }),
    );
  });

  it('rejects an unknown field in a fact', () => {
    const broken = FACTS_YAML.replace('  - id: jane-doe', '  - id: jane-doe\n    anwser: typo field');
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems.some((p) => p.factId === 'jane-doe')).toBe(true);
  });

  it('reports two facts that share an id', () => {
    const broken = FACTS_YAML.replace('id: jane-doe', 'id: widget-factories');
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems).toContainEqual(expect.objectContaining({ factId: 'widget-factories', field: 'id' }));
  });

  it('reports a quote that is not verbatim in its article', () => {
    const broken = FACTS_YAML.replace(
      'quote: Jane Doe is the head of the Widget Council.',
      'quote: Jane Doe is the chair of the Widget Council.',
    );
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems).toEqual([
      expect.objectContaining({
        factId: 'jane-doe',
        field: 'quote',
        message: expect.stringMatching(/not found verbatim/),
      }),
    ]);
  });

  it('accepts a quote that differs only in whitespace and typographic quotes', () => {
    const text = 'He said: “Widgets  are\nbooming” in Widgetland’s north.';
    const facts = FACTS_YAML.replace(
      'quote: Jane Doe is the head of the Widget Council.',
      `quote: 'He said: "Widgets are booming" in Widgetland''s north.'`,
    );
    const { problems } = readKnowledgeBase(
      writeKbDir({
        'articles/widgets.txt': `Widgetland has 120 widget factories.\n${text}`,
        'facts/widgets.yaml': facts,
      }),
    );
    expect(problems).toEqual([]);
  });

  it('reports facts that name an unknown article', () => {
    const broken = FACTS_YAML.replace('article: widgets', 'article: gadgets');
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        field: 'article',
        message: expect.stringMatching(/unknown article "gadgets"/),
      }),
    );
  });

  it('reports an article that has no facts', () => {
    const { problems } = readKnowledgeBase(
      writeKbDir({ 'facts/widgets.yaml': 'article: widgets\nfacts: []\n' }),
    );
    expect(problems.some((p) => /has no facts/.test(p.message) || p.field === 'facts')).toBe(true);
  });

  it('reports a fact whose topic is not defined', () => {
    const broken = FACTS_YAML.replace('    quote: Jane Doe', '    topic: no-such-topic\n    quote: Jane Doe');
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems).toContainEqual(expect.objectContaining({ factId: 'jane-doe', field: 'topic' }));
  });
});

describe('loadKnowledgeBase', () => {
  it('throws one error that lists every problem', () => {
    const broken = FACTS_YAML.replace('id: jane-doe', 'id: widget-factories').replace(
      'article: widgets',
      'article: gadgets',
    );
    expect(() => loadKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }))).toThrow(KnowledgeBaseError);
  });
});
