/**
 * Drafting a new article for the knowledge base (`npm run kb:add`).
 *
 * From an article's text it proposes the metadata (`articles/<id>.yaml`: what the text tells, `TODO`
 * placeholders and comments for the rest) and one DRAFT fact (`facts/<id>.yaml`) for every sentence
 * with a figure, a date or a named party, quoting it verbatim (sentences.ts cuts it from the text).
 * Drafts are never served until a curator reviews them. The reading is src/text's (dates, figures,
 * names, countries); the wording of the files is in knowledge/templates/ (templates.ts writes them).
 */
import { figureKind } from '../engine/normalise.ts';
import { findCountries } from '../text/countries.ts';
import { findDates } from '../text/dates.ts';
import type { FoundDate } from '../text/dates.ts';
import { findFigures, withoutScale } from '../text/figures.ts';
import type { FoundFigure } from '../text/figures.ts';
import { findNames } from '../text/names.ts';
import { ANSWER_TYPES } from './schema.ts';
import type { AnswerType } from '../engine/types.ts';
import type { FactInput } from './schema.ts';
import { MIN_STATEMENT_WORDS, splitSentences, wordCount } from './sentences.ts';
import { writeFacts, writeMetadata } from './templates.ts';

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
const AGENCIES = ['IRNA', 'IRIB', 'ISNA', 'Mehr', 'Tasnim', 'Fars'] as const;
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

/** The metadata (in the wording of templates/article.yaml) and what is left for the curator, one line each. */
function draftMetadata(
  id: string,
  source: string,
  text: string,
  headline: string | null,
  templates?: string,
) {
  const date = findArticleDate(text);
  const { dateline, agency } = findDateline(text);
  const credits = findCredits(text);
  const values = {
    id,
    source,
    agencies: AGENCIES,
    headline,
    date: date?.iso,
    dateText: date?.text,
    dateIs: date?.text.startsWith('date ') ? 'opens with' : 'is dated',
    agency,
    credits,
    dateline,
  };
  // The fields the text tells, which the template's second part writes.
  const told = {
    title: headline,
    titleIsHeadline: headline,
    date,
    dateNote: date,
    outlet: agency,
    outletNote: agency,
    credits: credits.length,
    dateline,
  };
  const yaml = writeMetadata(values, told, templates);
  const todos = [
    ...(headline ? [] : ['title: write a descriptive title (the text has no headline)']),
    date
      ? 'dateNote: say what happened when ("on Tuesday" → which day)'
      : 'date / dateNote / impliedDate: the text has no date; state the date it implies',
    ...(agency ? [] : ['outlet / outletNote: name the outlet and say how it is known']),
    ...(credits.length ? [] : ['credits: no agency found in the text; check']),
    ...(dateline || agency ? [] : ['dateline: none found; check']),
  ];
  return { yaml, todos };
}

export interface DraftOptions {
  /** The article id; default: a slug of the headline or the first words. */
  id?: string | undefined;
  /** The file the text came from, for `source:`. */
  source: string;
  /** The folder of the templates; default: the project's knowledge/templates. */
  templates?: string | undefined;
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

/**
 * Drafts the metadata and the facts of a new article. Throws DraftError when it cannot, and
 * TemplateError (templates.ts) when a template cannot be used.
 */
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

  const meta = draftMetadata(id, options.source, text, headline, options.templates);
  const counts = { id, drafts: facts.length, sentences: statements.length, answerTypes: ANSWER_TYPES };
  return {
    id,
    facts,
    todos: [...meta.todos, `facts: review ${facts.length} draft(s) and set status: reviewed`],
    metaYaml: meta.yaml,
    factsYaml: writeFacts(facts, counts, options.templates),
  };
}
