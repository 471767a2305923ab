/**
 * Drafting a new article for the knowledge base (`npm run kb:add`), as pure functions: no I/O.
 *
 * From an article's text it proposes the metadata (`articles/<id>.yaml`: what the text tells, `TODO`
 * placeholders and comments for the rest) and one DRAFT fact (`facts/<id>.yaml`) for every sentence
 * with a figure, a date or a named party, quoting it verbatim (sentences.ts cuts it from the text).
 * Drafts are never served until a curator reviews them. The reading is src/text's (dates, figures,
 * names, countries); the files are written with the `yaml` Document API.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import { figureKind } from '../engine/normalise.ts';
import { findCountries } from '../text/countries.ts';
import { findDates } from '../text/dates.ts';
import type { FoundDate } from '../text/dates.ts';
import { findFigures, withoutScale } from '../text/figures.ts';
import type { FoundFigure } from '../text/figures.ts';
import { findNames } from '../text/names.ts';
import { ANSWER_TYPES } from './schema.ts';
import type { AnswerType } from '../engine/types.ts';
import type { ArticleMeta, FactInput } from './schema.ts';
import { MIN_STATEMENT_WORDS, splitSentences, wordCount } from './sentences.ts';

/** The schema's minimum length for an answer. */
const MIN_ANSWER_CHARS = 20;
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const unique = <T>(items: T[]): T[] => [...new Set(items)];
const paragraphs = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** Lowercase kebab-case of at most `maxWords` words: "Iran’s SMEs grow" → "irans-smes-grow". */
export function slugify(text: string, maxWords = 6): string {
  const out: string[] = [];
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'\u2018\u2019]/g, '')
    .toLowerCase();
  for (const w of plain.split(/[^a-z0-9]+/).filter(Boolean)) {
    if (out.length >= maxWords || out.join('-').length + w.length > 60) break;
    out.push(w);
  }
  return out.join('-');
}

const LEAD_DATE = /^date\s+(\d{4}-\d{2}-\d{2})\s*/i;
const LEAD_DATELINE = /^([A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+)*)\s*[-\u2013\u2014]\s*/;

/** A paragraph's dateline ("TEHRAN –", "IRNA –"; after any "date …" marker) and the rest of it. */
function lead(paragraph: string): { dateline: string | null; rest: string } {
  const p = paragraph.trimStart().replace(LEAD_DATE, '');
  const m = LEAD_DATELINE.exec(p);
  if (!m?.[1] || m[1].replace(/\./g, '').length < 3) return { dateline: null, rest: p };
  return { dateline: m[1], rest: p.slice(m[0].length) };
}

/** The first line, if it reads as a headline: short, on its own, no closing full stop, no dateline. */
export function findHeadline(text: string): string | null {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const line = collapse(lines[first] ?? '');
  const words = line.split(' ').length;
  if (first < 0 || (lines[first + 1] ?? '').trim() !== '' || words < 3 || words > 20) return null;
  if (line.length > 150 || /[.:;,]$/.test(line) || !/^[\p{Lu}\d"'\u2018\u201c]/u.test(line)) return null;
  if (LEAD_DATE.test(line) || lead(line).rest !== line) return null;
  if (findDates(line).some((d) => d.iso) && wordCount(line) < MIN_STATEMENT_WORDS + 2) return null;
  return line;
}

/** The statements, verbatim (whitespace collapsed), without the headline, short lines and the dateline. */
export function splitStatements(text: string, headline: string | null = findHeadline(text)): string[] {
  const top = headline === null ? null : collapse(headline);
  return splitSentences(text, {
    normalise: collapse,
    skip: (p) => p === top,
    stripLead: (p) => lead(p).rest,
  });
}

/** The article's own date: a "date 2021-07-13" marker, or an early line that opens with a full date. */
export function findArticleDate(text: string): FoundDate | null {
  const marker = /(?:^|\n)\s*date\s+(\d{4}-\d{2}-\d{2})\b/i.exec(text);
  if (marker?.[1])
    return { text: `date ${marker[1]}`, iso: marker[1], span: [marker.index, marker[0].length] };
  for (const line of paragraphs(text).slice(0, 3)) {
    const d = findDates(line.trim())[0];
    if (d?.iso?.length === 10 && d.span[0] === 0) return d; // dates inside the body are events
  }
  return null;
}

/** News agencies an article may credit ("IRNA reported"). Fars is also a province. */
export const AGENCIES = ['IRNA', 'IRIB', 'ISNA', 'Mehr', 'Tasnim', 'Fars'] as const;
export const findCredits = (text: string) =>
  AGENCIES.filter((a) => new RegExp(`\\b${a}\\b(?!\\s+[Pp]rovince)`).test(text));

/** The dateline ("TEHRAN") or the agency credit standing in its place ("IRNA –"), from the first paragraphs. */
export function findDateline(text: string): { dateline: string | null; agency: string | null } {
  const dateline =
    paragraphs(text)
      .slice(0, 4)
      .map((p) => lead(p).dateline)
      .find(Boolean) ?? null;
  const agency = AGENCIES.find((a) => a.toUpperCase() === dateline?.toUpperCase()) ?? null;
  return agency ? { dateline: null, agency } : { dateline, agency };
}

/** Names, acronyms ("ISIPO", not "SMEs" or "MOU"), agencies and countries; not the head of a longer name. */
export function findParties(sentence: string): string[] {
  const names = findNames(sentence);
  const countries = findCountries(sentence);
  const acronyms = [...sentence.matchAll(/\b[A-Z][A-Z&]+[a-z]?\b/g)].map(([a]) => a);
  const generic = (a: string) =>
    /^(?:SMES?|MOUS?|CEO|GDP|TV|AM|PM|EF|MA|ID)$/.test(a.toUpperCase()) || /^[A-Z]s$/.test(a);
  return unique([
    ...names,
    ...acronyms.filter((a) => !generic(a)),
    ...findCredits(sentence),
    ...countries,
  ]).filter((p) => countries.includes(p) || !names.some((n) => n !== p && n.startsWith(`${p} `)));
}

export interface SentenceFindings {
  sentence: string;
  figures: FoundFigure[];
  dates: FoundDate[];
  parties: string[];
}

export const analyseSentence = (sentence: string): SentenceFindings => ({
  sentence,
  figures: findFigures(sentence),
  dates: findDates(sentence),
  parties: findParties(sentence),
});

/** Worth a draft: the sentence carries a figure, a date or a named party. */
export const isDraftable = (f: SentenceFindings) =>
  f.sentence.length >= MIN_ANSWER_CHARS && f.figures.length + f.dates.length + f.parties.length > 0;

/** A first question for the curator to improve on, or the sentence itself. */
export function draftQuestion(f: SentenceFindings): string {
  const unit = withoutScale(f.figures[0]?.unit ?? '');
  const money = /\b(?:dollars|rials|euros|pounds|tomans|yuan)\b/.exec(unit);
  const dated = f.dates.find((d) => d.iso !== null);
  const party = f.parties.find((p) => !findCountries(p).includes(p)) ?? f.parties[0];
  if (unit.startsWith('percent of ')) return `What percentage of ${unit.slice('percent of '.length)}?`;
  if (money) return `How much in ${unit.slice(0, money.index + money[0].length)}?`;
  if (unit && unit !== 'percent') return `How many ${unit}?`;
  if (dated) return `What happened ${dated.iso!.length === 10 ? 'on' : 'in'} ${dated.text}?`;
  return party ? `What about ${party}?` : f.sentence;
}

/** A first guess at the kinds of answer a sentence gives: its figures' kinds, a date, a reported statement. */
function draftGives(f: SentenceFindings): AnswerType[] {
  const gives: AnswerType[] = f.figures.map((g) => figureKind(g.unit));
  if (f.dates.some((d) => d.iso !== null)) gives.push('date');
  if (/\b(?:said|says|told|stated|added|announced|stressed|noted|explained|expressed)\b/.test(f.sentence))
    gives.push('statement');
  return gives.length > 0 ? unique(gives) : ['description'];
}

/** A YAML field: its key and value, the comment after the value and the comment lines above the key. */
type Field = [key: string, value: unknown, after: string, above: string[]];
function field(key: string, value: unknown, after = '', ...above: string[]): Field {
  return [key, value, after, above];
}

/** The metadata, with a `TODO` wherever the text does not tell: kb:check fails on each until it is done. */
function metaFields(id: string, source: string, text: string, headline: string | null): Field[] {
  const date = findArticleDate(text);
  const { dateline, agency } = findDateline(text);
  const credits = findCredits(text);
  const implied = [
    'TODO: if undated, uncomment and give the earliest date the text allows (used only to order it):',
    'impliedDate: YYYY-MM-DD',
  ];
  const outlet = [
    'TODO: the outlet, and how it is known (named in the text, or inferred from its house style,',
    'e.g. a "TEHRAN –" dateline and an "EF/MA" sign-off are Tehran Times).',
  ];
  return [
    field(
      'id',
      id,
      '',
      `Metadata for ${id}.txt (the article text, verbatim as received).`,
      'Drafted by `npm run kb:add`: fill in what the comments below ask (see CONTRIBUTING.md) and',
      'delete each of those comments; `npm run kb:check` lists what is left.',
    ),
    field('source', source),
    headline
      ? field('title', headline)
      : field('title', 'TODO: a descriptive title', 'TODO: the text has no headline; describe it in a line'),
    headline
      ? field('titleIsHeadline', true, 'the first line of the text is its headline')
      : field('titleIsHeadline', false, 'the text as received has no headline; the title is descriptive'),
    ...(date
      ? [
          field('date', date.iso, `the text has "${date.text.replace(/"/g, "'")}"`),
          field(
            'dateNote',
            `The text ${date.text.startsWith('date ') ? 'opens with' : 'is dated'} "${date.text}".`,
            '',
            'TODO: check the date; in dateNote say when the events happened ("on Tuesday" → the day).',
          ),
        ]
      : [
          field('date', null, 'TODO: no date found in the text'),
          field(
            'dateNote',
            'TODO: undated; say what the text implies about when it was published.',
            '',
            'TODO: say what the text implies ("the current Iranian calendar year", "on Monday", …).',
          ),
        ]),
    ...(agency
      ? [
          field('outlet', agency, 'TODO: check', ...(date ? [] : implied)),
          field('outletNote', `The text opens with the ${agency} credit in place of a dateline.`),
        ]
      : [
          field('outlet', 'TODO: the outlet', '', ...(date ? [] : implied), ...outlet),
          field(
            'outletNote',
            'TODO: say how the outlet is known (named in the text, or inferred from its house style).',
          ),
        ]),
    credits.length
      ? field('credits', credits, 'TODO: keep only the agencies the text credits ("IRNA reported")')
      : field('credits', [], `TODO: no agency (${AGENCIES.join(', ')}) found in the text`),
    field('dateline', dateline, dateline ? '' : 'TODO: no dateline ("TEHRAN –") found; check'),
  ];
}

const FACTS_HELP = [
  'written by `npm run kb:add`. Drafts are never served. Review each one (see CONTRIBUTING.md):',
  '  1. rewrite `answer` as a self-contained sentence saying who, what and when;',
  '  2. write 4-7 `questions` people would really ask, terse ones too ("armenia mou");',
  '  3. add `keywords` (words people use that the answer does not), check `entities`, `figures`',
  '     (add asOf) and `date`, and add a `topic` from topics.yaml if one fits; check `gives` and',
  '     `places`, and add `speaker`, `people`, `period` and `agreement` where they apply;',
  '  4. split a sentence with several claims into several facts, each quoting its part; delete',
  '     drafts not worth asking about; rename ids if you like (stable, kebab-case, unique);',
  '  5. set `status: reviewed`. Keep `quote` verbatim. Then `npm run kb:check`.',
];
const FACT_TODOS: Record<string, string> = {
  status: 'TODO: review, then set to reviewed',
  gives: `TODO: check; any of ${ANSWER_TYPES.join(', ')}`,
  places: 'TODO: the countries, provinces and cities it is about',
};

/** A YAML map of `fields` in order: short lists in flow style, answers and quotes folded. */
function yamlMap(doc: Document, fields: Field[]): YAMLMap {
  const map = new YAMLMap();
  for (const [key, value, after, above] of fields) {
    const k = doc.createNode(key);
    const v = doc.createNode(value, { flow: ['credits', 'gives', 'places'].includes(key) }) as Node;
    if (key === 'answer' || key === 'quote') (v as Scalar).type = Scalar.BLOCK_FOLDED;
    if (above.length) k.commentBefore = above.map((line) => ` ${line}`).join('\n');
    if (after) v.comment = ` ${after}`;
    map.items.push(new Pair(k, v));
  }
  return map;
}

/** What is left for the curator, one line each (kb:add prints them). */
function todos(meta: ArticleMeta): string[] {
  return [
    ...(meta.titleIsHeadline ? [] : ['title: write a descriptive title (the text has no headline)']),
    meta.date
      ? 'dateNote: say what happened when ("on Tuesday" → which day)'
      : 'date / dateNote / impliedDate: the text has no date; state the date it implies',
    ...(meta.outlet.startsWith('TODO')
      ? ['outlet / outletNote: name the outlet and say how it is known']
      : []),
    ...(meta.credits.length ? [] : ['credits: no agency found in the text; check']),
    ...(meta.dateline || !meta.outlet.startsWith('TODO') ? [] : ['dateline: none found; check']),
  ];
}

export interface DraftOptions {
  /** The article id; default: a slug of the headline or the first words. */
  id?: string | undefined;
  /** The file the text came from, for `source:`. */
  source: string;
}

export interface ArticleDraft {
  id: string;
  facts: FactInput[];
  /** What the curator must still fill in, one line each. */
  todos: string[];
  metaYaml: string;
  factsYaml: string;
}

export class DraftError extends Error {
  override name = 'DraftError';
}

/** Drafts the metadata and the facts of a new article. Throws DraftError when it cannot. */
export function draftArticle(text: string, options: DraftOptions): ArticleDraft {
  if (text.trim() === '') throw new DraftError('the article is empty');
  const headline = findHeadline(text);
  const statements = splitStatements(text, headline);
  if (statements.length === 0)
    throw new DraftError('found no sentences in the article (is it plain text, one paragraph a line?)');
  const id = options.id ?? slugify(headline ?? statements[0] ?? '');
  if (!id) throw new DraftError('cannot make an id from the text; give one with --id');
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id))
    throw new DraftError(`the id "${id}" must be lowercase kebab-case, e.g. "armenia-mou"`);

  const analysed = statements.map(analyseSentence);
  let chosen = analysed.filter(isDraftable);
  if (chosen.length === 0) chosen = analysed.filter((f) => f.sentence.length >= MIN_ANSWER_CHARS);
  if (chosen.length === 0) throw new DraftError('found no sentence long enough to draft a fact from');
  const facts = chosen.map((f, i): FactInput => {
    const date = f.dates.flatMap((d) => d.iso ?? []).sort((a, b) => b.length - a.length)[0]; // the most precise
    return {
      id: `${id}-draft-${i + 1}`,
      status: 'draft',
      answer: f.sentence,
      questions: [draftQuestion(f)],
      keywords: [],
      entities: f.parties,
      figures: f.figures,
      ...(date ? { date } : {}),
      gives: draftGives(f),
      places: findCountries(f.sentence),
      quote: f.sentence,
    };
  });

  const meta = new Document();
  meta.contents = yamlMap(meta, metaFields(id, options.source, text, headline));
  const drafts = new Document();
  const list = new YAMLSeq();
  list.items = facts.map((f, i) => {
    const map = yamlMap(
      drafts,
      Object.entries(f).map(([key, value]) => field(key, value, FACT_TODOS[key])),
    );
    return Object.assign(map, { spaceBefore: i > 0 });
  });
  const intro = `Facts from knowledge/articles/${id}.txt: ${facts.length} DRAFT(S) from its ${statements.length} sentences,`;
  drafts.contents = yamlMap(drafts, [field('article', id, '', intro, ...FACTS_HELP), field('facts', list)]);
  // Answers and quotes fold at 104 columns, inside prettier's 110; prettier's single quotes, no padding.
  const write = { lineWidth: 104, singleQuote: true, flowCollectionPadding: false } as const;
  return {
    id,
    facts,
    todos: [
      ...todos(meta.toJS() as ArticleMeta),
      `facts: review ${facts.length} draft(s) and set status: reviewed`,
    ],
    metaYaml: meta.toString(write),
    factsYaml: drafts.toString(write),
  };
}
