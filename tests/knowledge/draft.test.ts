import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  draftArticle,
  draftQuestion,
  analyseSentence,
  findArticleDate,
  findCredits,
  findDateline,
  findHeadline,
  findParties,
  isDraftable,
  slugify,
  splitStatements,
} from '../../src/knowledge/draft.ts';
import { articleMetaSchema, factFileSchema } from '../../src/knowledge/schema.ts';

const FIXTURE = readFileSync(new URL('../fixtures/new-article.txt', import.meta.url), 'utf8');

describe('sentence splitting', () => {
  it('splits paragraphs into sentences, leaving out the headline, timestamps and sign-offs', () => {
    const s = splitStatements(
      'Widgets boom in Widgetland\n\nJune 18, 2021 - 11:28\n\nTEHRAN- The council met on Monday. It approved 12 new parks.\n\nEF/MA',
    );
    expect(s).toEqual(['The council met on Monday.', 'It approved 12 new parks.']);
  });

  it('drops a leading "date …" marker and the dateline but keeps the sentence verbatim', () => {
    const s = splitStatements(
      ' date 2021-07-13 TEHRAN – Iran’s ISIPO has signed a “memorandum” with Armenia.',
    );
    expect(s).toEqual(['Iran’s ISIPO has signed a “memorandum” with Armenia.']);
  });

  it('splits after a closing quote and keeps abbreviations together', () => {
    expect(
      splitStatements('“We will grow,” he said. The U.S. Congress met Dr. Smith in Tehran today.'),
    ).toEqual(['“We will grow,” he said.', 'The U.S. Congress met Dr. Smith in Tehran today.']);
  });

  it('finds a headline only when the first line reads as one', () => {
    expect(findHeadline('South Korea ready to train Iran’s small industries\n\nIRNA – Text here.')).toBe(
      'South Korea ready to train Iran’s small industries',
    );
    expect(findHeadline(' date 2021-07-13 TEHRAN – ISIPO has signed an MOU.\n\nMore.')).toBeNull();
    expect(findHeadline('TEHRAN - Iranian SMEs exported more than $1.6 billion worth of goods.')).toBeNull();
    expect(findHeadline('One line that runs on\ninto the next line')).toBeNull();
  });

  it('makes kebab-case slugs', () => {
    expect(slugify('Iranian SMEs to expand international cooperation')).toBe(
      'iranian-smes-to-expand-international-cooperation',
    );
    expect(slugify('South Korea ready to train Iran’s small industries')).toBe(
      'south-korea-ready-to-train-irans',
    );
    expect(slugify('Qazvin: 1,200 hectares for SMEs!', 3)).toBe('qazvin-1-200');
  });
});

describe('the article date', () => {
  it('takes the article date from a "date" marker or a timestamp line, not from the body', () => {
    expect(findArticleDate(' date 2021-07-13 TEHRAN – ISIPO signed.')?.iso).toBe('2021-07-13');
    expect(findArticleDate('Headline here\n\nJune 18, 2021 - 11:28\n\nBody.')?.iso).toBe('2021-06-18');
    expect(findArticleDate('TEHRAN - Exports rose (March 21-December 21, 2019), IRNA reported.')).toBeNull();
  });
});

describe('party detection', () => {
  it('finds organisations by acronym, but not SMEs or MOU', () => {
    expect(findParties('ISIPO signed an MOU to help SMEs, IRNA and Tasnim reported.')).toEqual([
      'ISIPO',
      'IRNA',
      'Tasnim',
    ]);
  });

  it('lists every party of a sentence', () => {
    expect(
      findParties('Iran Small Industries and Industrial Parks Organization (ISIPO) met Armenia.'),
    ).toEqual(['Iran Small Industries and Industrial Parks Organization', 'ISIPO', 'Iran', 'Armenia']);
  });

  it('finds credited agencies and the dateline', () => {
    expect(findCredits('… IRNA reported. Mehr said. In Fars province …')).toEqual(['IRNA', 'Mehr']);
    expect(findDateline(' date 2021-07-13 TEHRAN – ISIPO has signed.')).toEqual({
      dateline: 'TEHRAN',
      agency: null,
    });
    expect(findDateline('Headline\n\nIRNA – Iran’s minister said.')).toEqual({
      dateline: null,
      agency: 'IRNA',
    });
    expect(findDateline('No dateline here.')).toEqual({ dateline: null, agency: null });
  });
});

describe('drafting', () => {
  it('drafts only sentences with a figure, a date or a named party', () => {
    expect(isDraftable(analyseSentence('The council meets every spring in the capital city.'))).toBe(false);
    expect(isDraftable(analyseSentence('The council opened 12 new parks last year.'))).toBe(true);
    expect(isDraftable(analyseSentence('The council met in August 2019 to decide.'))).toBe(true);
    expect(isDraftable(analyseSentence('The council met Ali Rasoulian to decide.'))).toBe(true);
  });

  it('generates a first question', () => {
    expect(draftQuestion(analyseSentence('Qazvin has 24 industrial parks and zones.'))).toBe(
      'How many industrial parks?',
    );
    expect(draftQuestion(analyseSentence('The council met Ali Rasoulian in August 2019.'))).toBe(
      'What happened in August 2019?',
    );
    const plain = 'The council meets every spring in the capital city.';
    expect(draftQuestion(analyseSentence(plain))).toBe(plain);
  });

  it('drafts schema-valid metadata and facts for an unseen article', () => {
    const d = draftArticle(FIXTURE, { source: 'new-article.txt' });
    expect(d.id).toBe('qazvin-industrial-park-to-host-120');
    const meta = articleMetaSchema.parse(parse(d.metaYaml));
    expect(meta).toMatchObject({
      id: d.id,
      source: 'new-article.txt',
      title: 'Qazvin industrial park to host 120 new knowledge-based SMEs',
      titleIsHeadline: true,
      date: '2021-09-07',
      credits: ['IRNA', 'ISNA'],
      dateline: 'TEHRAN',
    });
    expect(d.metaYaml).toMatch(/# TODO/);
    const facts = factFileSchema.parse(parse(d.factsYaml));
    expect(facts.article).toBe(d.id);
    expect(facts.facts.length).toBe(8);
    const flat = FIXTURE.replace(/\s+/g, ' ');
    for (const [i, f] of facts.facts.entries()) {
      expect(f.id).toBe(`${d.id}-draft-${i + 1}`);
      expect(f.status).toBe('draft');
      expect(flat).toContain(f.quote);
      expect(f.answer).toBe(f.quote);
    }
    expect(facts.facts[2]).toMatchObject({
      entities: ['Bank of Industry and Mine'],
      figures: [
        { value: 5.2, unit: 'trillion rials' },
        { value: 124, unit: 'million US dollars', qualifier: 'about' },
      ],
    });
  });

  it('quotes every draft verbatim from the text, whitespace aside', () => {
    const text =
      'Iran and Iraq sign a deal\n\nTEHRAN –  Iran’s ISIPO  signed an MOU with Iraq. Acme Inc. Chairman Ali Ahmadi ' +
      'said “exports rose 12 percent” on Monday. Trade with the U.S. Treasury’s  partners fell in 2019.\n\nEF/MA\n';
    const { facts } = draftArticle(text, { source: 'a.txt' });
    expect(facts).toHaveLength(3);
    for (const f of facts) expect(text.replace(/\s+/g, ' ')).toContain(f.quote);
  });

  it('writes placeholders that still pass the schema when the text gives no headline, date or credit', () => {
    const d = draftArticle('Widget makers opened 12 new factories in Widgetland last spring.', {
      source: 'w.txt',
    });
    const meta = articleMetaSchema.parse(parse(d.metaYaml));
    expect(meta.titleIsHeadline).toBe(false);
    expect(meta.date).toBeNull();
    expect(meta.dateNote).toMatch(/^TODO:/);
    expect(meta.outlet).toMatch(/^TODO:/);
    expect(meta.credits).toEqual([]);
    expect(d.metaYaml).toContain('# impliedDate: YYYY-MM-DD');
    expect(d.id).toBe('widget-makers-opened-12-new-factories');
  });

  it('uses the given id and rejects a bad one or a text with no sentences', () => {
    expect(draftArticle(FIXTURE, { id: 'qazvin-park', source: 'a.txt' }).facts[0]?.id).toBe(
      'qazvin-park-draft-1',
    );
    expect(() => draftArticle(FIXTURE, { id: 'Qazvin Park', source: 'a.txt' })).toThrow(/kebab-case/);
    expect(() => draftArticle('   \n', { source: 'a.txt' })).toThrow(/empty/);
    expect(() => draftArticle('EF/MA', { source: 'a.txt' })).toThrow(/no sentences/);
  });

  it('writes files prettier leaves as they are, which read back as the text gave them', async () => {
    const text =
      'Widgets: a “boom” in Widgetland\n\nThe minister said: "it\'s #1" while exports rose 12 percent in 2018 to Iraq.\n';
    const options = { ...(await resolveConfig('knowledge/facts/x.yaml')), parser: 'yaml' };
    for (const d of [
      draftArticle(FIXTURE, { source: 'a.txt' }),
      draftArticle(text, { source: "it's: #1.txt" }),
    ]) {
      expect(await format(d.metaYaml, options)).toBe(d.metaYaml);
      expect(await format(d.factsYaml, options)).toBe(d.factsYaml);
    }
    const d = draftArticle(text, { source: "it's: #1.txt" });
    expect(parse(d.metaYaml)).toMatchObject({
      source: "it's: #1.txt",
      title: 'Widgets: a “boom” in Widgetland',
    });
    expect(parse(d.factsYaml).facts[0]).toMatchObject({
      quote: d.facts[0]?.quote,
      date: '2018',
      places: ['Iraq'],
    });
  });
});
