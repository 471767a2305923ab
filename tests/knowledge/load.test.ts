import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

describe('readKnowledgeBase: what a fact gives', () => {
  const JANE = `    gives: [person, role]
    people: [{ name: Jane Doe, role: head of the Widget Council }]
    places: []
`;
  /** The facts file with jane-doe's new fields replaced. */
  const janeWith = (fields: string) => FACTS_YAML.replace(JANE, fields);

  it('loads gives, people, places and period into the facts', () => {
    const { kb } = readKnowledgeBase(writeKbDir());
    expect(kb.facts[0]).toMatchObject({ gives: ['count'], places: ['Widgetland'], period: ['2021'] });
    expect(kb.facts[1]).toMatchObject({
      gives: ['person', 'role'],
      places: [],
      people: [{ name: 'Jane Doe', role: 'head of the Widget Council' }],
    });
  });

  it("reports a speaker, person, party or place that the fact's own words do not name", () => {
    const broken = janeWith(`    gives: [person, statement]
    speaker: John Roe
    people: [{ name: Jane Doe, role: head }, { name: Max Mustermann, role: deputy }]
    places: [Widgetland, Gizmoland]
    agreement: { kind: MOU, parties: [Widget Council, Gizmo Ltd], subject: widgets }
`);
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': broken }));
    expect(problems.map((p) => [p.factId, p.field, p.message])).toEqual([
      ['jane-doe', 'speaker', '"John Roe" is not in the fact\'s quote, answer or entities'],
      ['jane-doe', 'people.1.name', '"Max Mustermann" is not in the fact\'s quote, answer or entities'],
      ['jane-doe', 'agreement.parties.1', '"Gizmo Ltd" is not in the fact\'s quote, answer or entities'],
      ['jane-doe', 'places.0', '"Widgetland" is not in the fact\'s quote, answer or entities'],
      ['jane-doe', 'places.1', '"Gizmoland" is not in the fact\'s quote, answer or entities'],
    ]);
    expect(problems[0]?.file).toMatch(/facts\/widgets\.yaml$/);
  });

  it('finds names in the entities too, and an acronym by its long name', () => {
    const fields = `    entities: [Gizmo Ltd, Widget Council]
    gives: [organisation]
    places: []
    agreement: { kind: MOU, parties: [WC, Gizmo Ltd], subject: widgets }
`;
    const aliases = 'groups:\n  - canonical: wc\n    variants: [WC, Widget Council]\n';
    const { problems } = readKnowledgeBase(
      writeKbDir({ 'facts/widgets.yaml': janeWith(fields), 'aliases.yaml': aliases }),
    );
    expect(problems).toEqual([]);
  });

  it("reports an agreement date that is not the fact's date", () => {
    const fields = `    entities: [Gizmo Ltd]
    gives: [organisation]
    places: []
    date: 2021-05
    agreement: { kind: MOU, parties: [Widget Council, Gizmo Ltd], date: 2021-06-01, subject: widgets }
`;
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': janeWith(fields) }));
    expect(problems).toEqual([
      expect.objectContaining({
        factId: 'jane-doe',
        field: 'agreement.date',
        message: "2021-06-01 is not the fact's date (2021-05)",
      }),
    ]);
    const agreeing = janeWith(fields.replace('2021-06-01', '2021-05-20'));
    expect(readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': agreeing })).problems).toEqual([]);
  });

  it('reports an agreement carried by two facts', () => {
    const agreement =
      '    agreement: { kind: MOU, parties: [Widget Council, Widgetland], subject: widgets }\n';
    const twice = janeWith(`${JANE}    entities: [Widgetland]\n${agreement}`).replace(
      '    period:',
      `    entities: [Widget Council]\n${agreement}    period:`,
    );
    const { problems } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': twice }));
    expect(problems).toEqual([
      expect.objectContaining({
        factId: 'jane-doe',
        field: 'agreement',
        message: expect.stringMatching(/the same agreement as fact widget-factories/),
      }),
    ]);
  });
});

describe('readKnowledgeBase: article metadata', () => {
  it('reports a dateQuote that is not verbatim in the article text, and accepts one that is', () => {
    const meta = (quote: string) =>
      readFileSync(join(writeKbDir(), 'articles/widgets.yaml'), 'utf8').replace(
        'dateNote: Dated 1 May 2021.',
        `dateNote: Dated 1 May 2021.\ndateQuote: '${quote}'`,
      );
    const bad = readKnowledgeBase(writeKbDir({ 'articles/widgets.yaml': meta('May 1, 2021') })).problems;
    expect(bad).toContainEqual(expect.objectContaining({ field: 'dateQuote' }));
    const good = readKnowledgeBase(
      writeKbDir({ 'articles/widgets.yaml': meta('Widgetland has 120') }),
    ).problems;
    expect(good).toEqual([]);
  });
});

describe('readKnowledgeBase: TODOs and about.yaml', () => {
  it('fails on a TODO left in article metadata, naming the file and the field', () => {
    const meta = readFileSync(join(writeKbDir(), 'articles/widgets.yaml'), 'utf8')
      .replace('outlet: Widget Times', "outlet: 'TODO: the outlet'")
      .replace('dateline: WIDGETVILLE', 'dateline: WIDGETVILLE # TODO: check');
    const { problems } = readKnowledgeBase(writeKbDir({ 'articles/widgets.yaml': meta }));
    expect(problems.map((p) => [p.file.split('/').slice(-2).join('/'), p.field, p.message])).toEqual([
      [
        'articles/widgets.yaml',
        'outlet',
        'still says TODO: "TODO: the outlet" (fill it in and remove the TODO)',
      ],
      [
        'articles/widgets.yaml',
        'dateline',
        'still says TODO: "# TODO: check" (fill it in and remove the TODO)',
      ],
    ]);
  });

  it('fails on a TODO left in a reviewed fact but only counts a draft that has one', () => {
    const todo = FACTS_YAML.replace('gives: [person, role]', 'gives: [person, role] # TODO: check');
    const reviewed = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': todo })).problems;
    expect(reviewed).toEqual([
      expect.objectContaining({ factId: 'jane-doe', field: 'gives', message: expect.stringMatching(/TODO/) }),
    ]);
    const draft = todo.replace('  - id: jane-doe', '  - id: jane-doe\n    status: draft # TODO: review');
    const { problems, kb } = readKnowledgeBase(writeKbDir({ 'facts/widgets.yaml': draft }));
    expect(problems).toEqual([]);
    expect(kb.facts.filter((f) => f.status === 'draft')).toHaveLength(1);
  });

  it('loads about.yaml into the knowledge base', () => {
    const { kb } = readKnowledgeBase(writeKbDir());
    expect(kb.about).toEqual({ homeCountry: 'Widgetland', subject: "Widgetland's widget industry" });
  });

  it('reports a missing or invalid about.yaml', () => {
    const dir = writeKbDir();
    rmSync(join(dir, 'about.yaml'));
    expect(readKnowledgeBase(dir).problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/about\.yaml$/),
        message: expect.stringMatching(/missing/),
      }),
    ]);
    const { problems } = readKnowledgeBase(writeKbDir({ 'about.yaml': 'homeCountry: Widgetland\n' }));
    expect(problems).toEqual([expect.objectContaining({ field: 'subject' })]);
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
