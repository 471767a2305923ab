/**
 * Drafting a new article for the knowledge base (`npm run kb:add`), as pure functions: no I/O.
 *
 * From an article's text it proposes the metadata (`articles/<id>.yaml`: a headline, a date, the
 * credited agencies and the dateline where the text gives them, `TODO` placeholders elsewhere) and
 * one DRAFT fact (`facts/<id>.yaml`) for every sentence that carries a figure, a date or a named
 * party. Drafts quote their sentence verbatim, so the knowledge base keeps loading, and are never
 * served until a curator rewrites them and sets `status: reviewed`.
 */
import { MONTH_NAMES as MONTHS, figureKind } from '../engine/normalise.ts';
import { ANSWER_TYPES } from './schema.ts';
import type { AnswerType } from '../engine/types.ts';
import type { ArticleMeta, Figure, FactInput } from './schema.ts';
import { MIN_STATEMENT_WORDS, splitSentences, wordCount } from './sentences.ts';

/** The schema's minimum length for an answer. */
const MIN_ANSWER_CHARS = 20;

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** Dashes a dateline or a credit is followed by: hyphen, en dash, em dash. */
const DASH = '[-\u2013\u2014]';

/** News agencies an article may credit ("IRNA reported"). */
export const AGENCIES = ['IRNA', 'IRIB', 'ISNA', 'Mehr', 'Tasnim', 'Fars'] as const;
const AGENCY_PATTERNS: Record<(typeof AGENCIES)[number], RegExp> = {
  IRNA: /\bIRNA\b/,
  IRIB: /\bIRIB\b/,
  ISNA: /\bISNA\b/,
  Mehr: /\bMehr\b/,
  Tasnim: /\bTasnim\b/,
  // Fars is also a province.
  Fars: /\bFars\b(?!\s+[Pp]rovince)/,
};

/** Organisations named by their acronym in this material. */
const KNOWN_ORGANISATIONS = ['ISIPO', ...AGENCIES];
/** Acronyms that name a kind of thing, not a party. */
const GENERIC_ACRONYMS = new Set([
  'SME',
  'SMES',
  'MOU',
  'MOUS',
  'CEO',
  'GDP',
  'TV',
  'AM',
  'PM',
  'EF',
  'MA',
  'ID',
]);
/** Country names Intl.DisplayNames spells differently or leaves out. */
const EXTRA_COUNTRIES = ['Turkey', 'U.S.', 'US', 'USA', 'UK', 'Korea'];

// ---------------------------------------------------------------------------------------------
// Text: lines, headline, sentences.

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lowercase kebab-case: "Iranian SMEs to expand…" → "iranian-smes-to-expand…", at most `maxWords` words. */
export function slugify(text: string, maxWords = 6): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2018\u2019]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= maxWords || out.join('-').length + w.length > 60) break;
    out.push(w);
  }
  return out.join('-');
}

/** The kebab-case ids the schema accepts. */
export function isValidId(id: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);
}

/** "date 2021-07-13 " and "TEHRAN – " / "IRNA – " at the start of a paragraph. */
const LEAD_DATE = /^date\s+(\d{4}-\d{2}-\d{2})\s*/i;
const LEAD_DATELINE = new RegExp(`^([A-Z][A-Z.]+(?:\\s+[A-Z][A-Z.]+)*)\\s*${DASH}\\s*`);

/** The paragraph without its leading "date …" marker and dateline ("TEHRAN –"). */
export function stripLead(paragraph: string): string {
  let p = paragraph.trimStart().replace(LEAD_DATE, '');
  const m = LEAD_DATELINE.exec(p);
  if (m && m[1] && m[1].replace(/\./g, '').length >= 3) p = p.slice(m[0].length);
  return p;
}

/** The first line, if it reads as a headline: short, on its own, no closing full stop, no dateline. */
export function findHeadline(text: string): string | null {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return null;
  const line = collapse(lines[first] ?? '');
  const next = lines[first + 1];
  const words = line.split(' ').length;
  if (next !== undefined && next.trim() !== '') return null; // a headline stands on its own line
  if (words < 3 || words > 20 || line.length > 150) return null;
  if (/[.:;,]$/.test(line) || !/^[\p{Lu}\d"'\u2018\u201c]/u.test(line)) return null;
  if (LEAD_DATE.test(line) || stripLead(line) !== line) return null;
  if (findDates(line).some((d) => d.iso !== null) && wordCount(line) < MIN_STATEMENT_WORDS + 2) return null;
  return line;
}

/**
 * The article's statements, each verbatim from the text (whitespace collapsed): paragraphs split
 * into sentences by the splitter coverage uses (sentences.ts), without the headline, short lines (a timestamp, a
 * sign-off) or the leading "date …" marker and dateline.
 */
export function splitStatements(text: string, headline: string | null = findHeadline(text)): string[] {
  const top = headline === null ? null : collapse(headline);
  return splitSentences(text, { normalise: collapse, skip: (p) => p === top, stripLead });
}

// ---------------------------------------------------------------------------------------------
// Dates.

export interface FoundDate {
  /** As written: "June 18, 2021", "August 2019", "2018", "Tuesday". */
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no year (a weekday, "March 20"). */
  iso: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthNo = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;

const DATE_PATTERNS: { re: RegExp; iso: (m: RegExpExecArray) => string | null }[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, iso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  {
    re: new RegExp(`\\b(${MONTH})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'g'),
    iso: (m) => `${m[3]}-${pad(monthNo(m[1]!))}-${pad(Number(m[2]))}`,
  },
  {
    re: new RegExp(`\\b(\\d{1,2})\\s+(${MONTH}),?\\s+(\\d{4})\\b`, 'g'),
    iso: (m) => `${m[3]}-${pad(monthNo(m[2]!))}-${pad(Number(m[1]))}`,
  },
  { re: new RegExp(`\\b(${MONTH}),?\\s+(\\d{4})\\b`, 'g'), iso: (m) => `${m[2]}-${pad(monthNo(m[1]!))}` },
  { re: new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g'), iso: () => null },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\b`, 'g'), iso: () => null },
  { re: /\b(?:19|20)\d{2}\b/g, iso: (m) => m[0] },
  { re: new RegExp(`\\b${WEEKDAY}\\b`, 'g'), iso: () => null },
];

/** Every date the text mentions, in order, the most precise reading of each span first. */
export function findDates(text: string): FoundDate[] {
  const taken: [number, number][] = [];
  const found: (FoundDate & { at: number })[] = [];
  for (const { re, iso } of DATE_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      found.push({ text: m[0], iso: iso(m), at: start });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ text: t, iso }) => ({ text: t, iso }));
}

/**
 * The article's own date: a "date 2021-07-13" marker, or a line that starts with a date (a
 * timestamp such as "June 18, 2021 - 11:28") before the body. Dates inside the body are events,
 * not the article's date.
 */
export function findArticleDate(text: string): FoundDate | null {
  const marker = /(?:^|\n)\s*date\s+(\d{4}-\d{2}-\d{2})\b/i.exec(text);
  if (marker?.[1]) return { text: `date ${marker[1]}`, iso: marker[1] };
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (const line of lines.slice(0, 3)) {
    const d = findDates(line)[0];
    if (d?.iso && d.iso.length === 10 && line.trim().startsWith(d.text)) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Credits and dateline.

/** The news agencies the text names, in the order of AGENCIES. */
export function findCredits(text: string): string[] {
  return AGENCIES.filter((a) => AGENCY_PATTERNS[a].test(text));
}

/** The dateline ("TEHRAN") or the agency credit standing in its place ("IRNA –"), from the first paragraphs. */
export function findDateline(text: string): { dateline: string | null; agency: string | null } {
  const paragraphs = text.split(/\n/).filter((p) => p.trim() !== '');
  for (const p of paragraphs.slice(0, 4)) {
    const m = LEAD_DATELINE.exec(p.trimStart().replace(LEAD_DATE, ''));
    const word = m?.[1];
    if (!word || word.replace(/\./g, '').length < 3) continue;
    const agency = AGENCIES.find((a) => a.toUpperCase() === word.toUpperCase());
    if (agency) return { dateline: null, agency };
    return { dateline: word, agency: null };
  }
  return { dateline: null, agency: null };
}

// ---------------------------------------------------------------------------------------------
// Figures.

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};
const SCALES = ['thousand', 'million', 'billion', 'trillion'];
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'US dollars', '€': 'euros', '£': 'pounds' };
const QUALIFIERS = [
  'more than',
  'less than',
  'fewer than',
  'at least',
  'up to',
  'over',
  'nearly',
  'almost',
  'about',
  'around',
  'approximately',
  'roughly',
  'some',
  'only',
];
/** Words that end a unit: function words, verbs and the like. */
const UNIT_STOP = new Set(
  (
    'a an the and or of in on at to for from by with as is are was were be been being has have had ' +
    'that which who whom this these those it its their his her they he she we our than then so ' +
    'active operating working worth said says will would could should may might can must not also ' +
    'up down out into during since until across per each every between about over under'
  ).split(' '),
);

/** Numbers with their units: "more than 900 industrial parks", "$1.6 billion", "92 percent of …". */
export function findFigures(sentence: string): Figure[] {
  // Dates are not figures: blank them out first (keeping offsets).
  let text = sentence;
  for (const d of findDates(sentence)) text = text.replace(d.text, ' '.repeat(d.text.length));
  text = text.replace(/\b\d{1,2}:\d{2}\b/g, (t) => ' '.repeat(t.length)); // times

  const figures: Figure[] = [];
  const numberRe = new RegExp(
    `([$€£])?\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\\b(%)?`,
    'gi',
  );
  for (let m = numberRe.exec(text); m; m = numberRe.exec(text)) {
    const [whole, symbol, rawNumber = '', percentSign] = m;
    const isWord = /^[a-z]+$/i.test(rawNumber);
    const before = text.slice(0, m.index).trimEnd();
    const after = text.slice(m.index + whole.length);
    const rest = after.match(/^[\s\u00a0]*([\p{L}\p{N}'\u2019-]+(?:\s+[\p{L}\p{N}'\u2019-]+){0,5})/u);
    const words = rest?.[1]?.split(/\s+/) ?? [];
    const nextWord = (words[0] ?? '').toLowerCase();
    if (isWord) {
      // "one of the programs", "the two sides": not figures.
      if (/\bthe$/i.test(before) || (rawNumber.toLowerCase() === 'one' && !SCALES.includes(nextWord)))
        continue;
      if (/^[A-Z]/.test(rawNumber) && nextWord === 'of') continue;
    }
    const value = isWord ? (NUMBER_WORDS[rawNumber.toLowerCase()] ?? 0) : Number(rawNumber.replace(/,/g, ''));
    const unitWords: string[] = [];
    let i = 0;
    if (SCALES.includes(nextWord)) unitWords.push(words[i++]!.toLowerCase());
    let percent = percentSign !== undefined;
    if (!percent && /^(?:percent|per cent)$/i.test(words[i] ?? '')) {
      percent = true;
      i++;
    }
    if (percent) {
      unitWords.push('percent');
      if ((words[i] ?? '').toLowerCase() === 'of') {
        const ofWords = takeUnitWords(words.slice(i + 1), 3, true);
        if (ofWords.length) unitWords.push('of', ...ofWords);
      }
    } else if (symbol) {
      unitWords.push(CURRENCY_SYMBOLS[symbol] ?? symbol);
    } else {
      unitWords.push(...takeUnitWords(words.slice(i), 3, false));
    }
    if (unitWords.length === 0 || (!symbol && !percent && unitWords.every((w) => SCALES.includes(w))))
      continue;
    const qualifier = QUALIFIERS.find((q) => new RegExp(`\\b${q}$`, 'i').test(before));
    const figure: Figure = { value, unit: unitWords.join(' ') };
    if (qualifier) figure.qualifier = qualifier;
    figures.push(figure);
  }
  return figures;
}

function takeUnitWords(words: string[], max: number, allowCapitals: boolean): string[] {
  const out: string[] = [];
  for (const raw of words) {
    const w = raw.replace(/[,;:.)]+$/, '');
    if (out.length >= max || w === '' || UNIT_STOP.has(w.toLowerCase()) || /^\d/.test(w)) break;
    if (!allowCapitals && /^\p{Lu}/u.test(w) && out.length > 0) break;
    out.push(w);
    if (w !== raw) break; // punctuation ends the unit
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Named parties.

let countryPattern: RegExp | undefined;

/** Country names from the runtime's ICU data (Intl.DisplayNames) plus a few common spellings. */
function countries(): RegExp {
  if (countryPattern) return countryPattern;
  const names = new Set<string>(EXTRA_COUNTRIES);
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters) {
      const name = display.of(a + b);
      if (name && name !== a + b && /^[\p{L} .'-]+$/u.test(name) && name.length >= 4) names.add(name);
    }
  const escaped = [...names]
    .sort((x, y) => y.length - x.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  countryPattern = new RegExp(`(?<![\\p{L}.])(?:${escaped.join('|')})(?![\\p{L}])`, 'gu');
  return countryPattern;
}

/** The countries a sentence names ("Iran", "South Korea"), in order of first mention. */
export function findCountries(sentence: string): string[] {
  const re = countries();
  re.lastIndex = 0;
  return unique([...sentence.matchAll(re)].map((m) => (m[0] === 'US' || m[0] === 'USA' ? 'U.S.' : m[0])));
}

/** Words that open a sentence without being part of a name. */
const STARTERS = new Set(
  (
    'The A An In On At As According Back Since So Over Up This That These Those It He She They We His ' +
    'Her Their Its One Meanwhile Also However Moreover Under With By For From After Before During While ' +
    'Besides Following Earlier Later Last Next Both Some All Each Many Most If When Where Why How What Who ' +
    'Today Yesterday Such Other Another There Here Then Thus Therefore'
  ).split(' '),
);
/** The last word of an organisation's name, which may hold an "and": "… Industrial Parks Organization". */
const ORGANISATION_HEADS =
  /\b(?:Organi[sz]ation|Ministry|Cent(?:er|re)|Association|Institute|University|Bank|Council|Company|Agency|Fund|Mine|Trade|Department|Office|Chamber|Parks|Zones|Manufacturers|Corporation|Group|Committee|Commission|Authority|Foundation|Technology|Affairs)\b/;
const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'al', 'on']);
const NOT_NAMES = new Set([
  ...MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)),
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]);

/**
 * Capitalised multi-word names ("Ali Rasoulian", "Armenia’s Investor Support Center", "Iran Small
 * Industries and Industrial Parks Organization"), joined by "of", "and", "for", "the".
 */
export function findNames(sentence: string): string[] {
  const tokens = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*/gu)];
  const names: string[] = [];
  let run: { word: string; start: number; end: number }[] = [];
  const flush = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]!.word)) run.pop();
    const capitals = run.filter((t) => !CONNECTORS.has(t.word));
    if (capitals.length >= 2) {
      const name = sentence.slice(run[0]!.start, run[run.length - 1]!.end);
      // "Iran and Armenia" are two parties; "Bank of Industry and Mine" is one.
      if (/ and /.test(name) && !ORGANISATION_HEADS.test(name.slice(name.lastIndexOf(' and ')))) {
        for (const part of name.split(' and ')) if (part.includes(' ')) names.push(part);
      } else names.push(name);
    }
    run = [];
  };
  tokens.forEach((m, i) => {
    const word = m[0].replace(/\.$/, '');
    const start = m.index;
    const end = start + word.length;
    const gap = i === 0 ? '' : sentence.slice(tokens[i - 1]!.index + tokens[i - 1]![0].length, start);
    if (run.length && gap.trim() !== '') flush(); // punctuation between words ends a name
    const capital = /^\p{Lu}/u.test(word) && !NOT_NAMES.has(word);
    const atStart = sentence.slice(0, start).replace(/["'\u201c\u2018(\s]/g, '') === '';
    if (capital && atStart && (STARTERS.has(word) || /ing$/.test(word))) return;
    if (capital) run.push({ word, start, end });
    else if (run.length && CONNECTORS.has(word)) run.push({ word, start, end });
    else flush();
  });
  flush();
  return unique(names);
}

/** Acronyms of organisations ("ISIPO", "IRNA") and known agencies, leaving out "SMEs", "MOU". */
export function findOrganisations(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(/\b[A-Z][A-Z&]{1,}[a-z]?\b/g)) {
    const acronym = m[0];
    if (GENERIC_ACRONYMS.has(acronym.toUpperCase()) || /^[A-Z]s$/.test(acronym)) continue;
    out.push(acronym);
  }
  for (const org of KNOWN_ORGANISATIONS) {
    const re = AGENCY_PATTERNS[org as (typeof AGENCIES)[number]] ?? new RegExp(`\\b${org}\\b`);
    if (re.test(sentence)) out.push(org);
  }
  return unique(out);
}

/** Every named party: names, organisations and countries, without one that is part of a longer one. */
export function findParties(sentence: string): string[] {
  const names = findNames(sentence);
  const all = unique([...names, ...findOrganisations(sentence), ...findCountries(sentence)]);
  // "Iran" stays beside "Iran Small Industries and Industrial Parks Organization" (it names the
  // country too), but a name that is just a longer name's tail or head is dropped.
  return all.filter((p) => !names.some((n) => n !== p && n.startsWith(`${p} `) && !findCountries(p).length));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------------------------
// Drafts.

export interface SentenceFindings {
  sentence: string;
  figures: Figure[];
  dates: FoundDate[];
  parties: string[];
}

export function analyseSentence(sentence: string): SentenceFindings {
  return {
    sentence,
    figures: findFigures(sentence),
    dates: findDates(sentence),
    parties: findParties(sentence),
  };
}

/** Worth a draft: the sentence carries a figure, a date or a named party. */
export function isDraftable(f: SentenceFindings): boolean {
  return (
    f.sentence.length >= MIN_ANSWER_CHARS &&
    (f.figures.length > 0 || f.dates.length > 0 || f.parties.length > 0)
  );
}

const MONEY_UNITS = /\b(?:dollars|rials|euros|pounds|tomans|yuan)\b/;

/** A first question for the curator to improve on, or the sentence itself. */
export function draftQuestion(f: SentenceFindings): string {
  const figure = f.figures[0];
  if (figure) {
    const unit = figure.unit
      .split(' ')
      .filter((w) => !SCALES.includes(w))
      .join(' ');
    const percentOf = /^percent of (.+)$/.exec(unit);
    if (percentOf) return `What percentage of ${percentOf[1]}?`;
    const money = MONEY_UNITS.exec(unit);
    if (money) return `How much in ${unit.slice(0, money.index + money[0].length)}?`;
    if (unit && unit !== 'percent') return `How many ${unit}?`;
  }
  const dated = f.dates.find((d) => d.iso !== null);
  if (dated) return `What happened ${dated.iso!.length === 10 ? 'on' : 'in'} ${dated.text}?`;
  const party = f.parties.find((p) => !findCountries(p).includes(p)) ?? f.parties[0];
  if (party) return `What about ${party}?`;
  return f.sentence;
}

const SAYING = /\b(?:said|says|told|stated|added|announced|stressed|noted|explained|expressed)\b/;

/**
 * A first guess at the kinds of answer a sentence gives, for the curator to check: its figures'
 * kinds, a date, a statement when someone is reported speaking; else a description.
 */
export function draftGives(f: SentenceFindings): AnswerType[] {
  const gives: AnswerType[] = f.figures.map((g) => figureKind(g.unit));
  if (f.dates.some((d) => d.iso !== null)) gives.push('date');
  if (SAYING.test(f.sentence)) gives.push('statement');
  return gives.length > 0 ? unique(gives) : ['description'];
}

/** The most precise date with a year that the sentence gives, as the schema writes it. */
function factDate(f: SentenceFindings): string | undefined {
  const isos = f.dates.map((d) => d.iso).filter((d): d is string => d !== null);
  return isos.sort((a, b) => b.length - a.length)[0];
}

export interface DraftOptions {
  /** The article id; default: a slug of the headline or the first words. */
  id?: string | undefined;
  /** The file the text came from, for `source:`. */
  source: string;
}

export interface ArticleDraft {
  id: string;
  meta: ArticleMeta;
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
  if (!isValidId(id)) throw new DraftError(`the id "${id}" must be lowercase kebab-case, e.g. "armenia-mou"`);

  const articleDate = findArticleDate(text);
  const { dateline, agency } = findDateline(text);
  const credits = findCredits(text);
  const todos: string[] = [];

  const meta: ArticleMeta = {
    id,
    source: options.source,
    title: headline ?? 'TODO: a descriptive title',
    titleIsHeadline: headline !== null,
    date: articleDate?.iso ?? null,
    dateNote: articleDate
      ? `The text ${articleDate.text.startsWith('date ') ? 'opens with' : 'is dated'} "${articleDate.text}".`
      : 'TODO: undated; say what the text implies about when it was published.',
    outlet: agency ?? 'TODO: the outlet',
    outletNote: agency
      ? `The text opens with the ${agency} credit in place of a dateline.`
      : 'TODO: say how the outlet is known (named in the text, or inferred from its house style).',
    credits,
    dateline,
  };
  if (!headline) todos.push('title: write a descriptive title (the text has no headline)');
  if (articleDate) todos.push('dateNote: say what happened when ("on Tuesday" → which day)');
  else todos.push('date / dateNote / impliedDate: the text has no date; state the date it implies');
  if (!agency) todos.push('outlet / outletNote: name the outlet and say how it is known');
  if (credits.length === 0) todos.push('credits: no agency found in the text; check');
  if (!dateline && !agency) todos.push('dateline: none found; check');

  const analysed = statements.map(analyseSentence);
  let chosen = analysed.filter(isDraftable);
  if (chosen.length === 0) chosen = analysed.filter((f) => f.sentence.length >= MIN_ANSWER_CHARS);
  if (chosen.length === 0) throw new DraftError('found no sentence long enough to draft a fact from');

  const facts: FactInput[] = chosen.map((f, i) => {
    const fact: FactInput = {
      id: `${id}-draft-${i + 1}`,
      status: 'draft',
      answer: f.sentence,
      questions: [draftQuestion(f)],
      keywords: [],
      entities: f.parties,
      figures: f.figures,
      quote: f.sentence,
      gives: draftGives(f),
      places: findCountries(f.sentence),
    };
    const date = factDate(f);
    if (date) fact.date = date;
    return fact;
  });
  todos.push(`facts: review ${facts.length} draft(s) and set status: reviewed`);

  return {
    id,
    meta,
    facts,
    todos,
    metaYaml: metaToYaml(meta, { articleDate, agency, headline }),
    factsYaml: factsToYaml(id, facts, statements.length),
  };
}

// ---------------------------------------------------------------------------------------------
// YAML, written by hand so it carries comments and passes prettier as it is.

/** A quoted YAML scalar, quoted as prettier (singleQuote) would: single quotes unless they need more escapes. */
export function yamlString(s: string): string {
  if (isPlainSafe(s)) return s;
  const singles = (s.match(/'/g) ?? []).length;
  const doubles = (s.match(/"/g) ?? []).length;
  if (singles > doubles) return JSON.stringify(s);
  return `'${s.replace(/'/g, "''")}'`;
}

/** Plain (unquoted) when YAML reads it back as the same string: words, no ": ", " #" or flow characters. */
function isPlainSafe(s: string): boolean {
  return (
    /^[\p{L}][\p{L}\p{N} \u2019'.()&/-]*[\p{L}\p{N}.)?]$/u.test(s) &&
    !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(s)
  );
}

/** A folded block scalar (`>-`) wrapped at about 100 columns; folding turns each line break back into a space. */
function folded(s: string, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of collapse(s).split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > 104) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `>-\n${lines.map((l) => indent + l).join('\n')}`;
}

function list(items: readonly string[], indent: string): string {
  return items.length === 0 ? ' []' : `\n${items.map((i) => `${indent}- ${yamlString(i)}`).join('\n')}`;
}

function metaToYaml(
  meta: ArticleMeta,
  found: { articleDate: FoundDate | null; agency: string | null; headline: string | null },
): string {
  const out = [
    `# Metadata for ${meta.id}.txt (the article text, verbatim as received).`,
    '# Drafted by `npm run kb:add`: fill in what the comments below ask (see CONTRIBUTING.md) and',
    '# delete each of those comments; `npm run kb:check` lists what is left.',
    `id: ${meta.id}`,
    `source: ${yamlString(meta.source)}`,
    found.headline
      ? `title: ${yamlString(meta.title)}`
      : `title: ${yamlString(meta.title)} # TODO: the text has no headline; describe it in a line`,
    found.headline
      ? 'titleIsHeadline: true # the first line of the text is its headline'
      : 'titleIsHeadline: false # the text as received has no headline; the title is descriptive',
  ];
  if (found.articleDate) {
    out.push(`date: ${meta.date} # the text has "${found.articleDate.text.replace(/"/g, "'")}"`);
    out.push(
      '# TODO: check the date; in dateNote say when the events happened ("on Tuesday" → the day).',
      `dateNote: ${yamlString(meta.dateNote)}`,
    );
  } else {
    out.push(
      'date: null # TODO: no date found in the text',
      '# TODO: say what the text implies ("the current Iranian calendar year", "on Monday", …).',
      `dateNote: ${yamlString(meta.dateNote)}`,
      '# TODO: if undated, uncomment and give the earliest date the text allows (used only to order it):',
      '# impliedDate: YYYY-MM-DD',
    );
  }
  if (found.agency) {
    out.push(
      `outlet: ${yamlString(meta.outlet)} # TODO: check`,
      `outletNote: ${yamlString(meta.outletNote ?? '')}`,
    );
  } else {
    out.push(
      '# TODO: the outlet, and how it is known (named in the text, or inferred from its house style,',
      '# e.g. a "TEHRAN –" dateline and an "EF/MA" sign-off are Tehran Times).',
      `outlet: ${yamlString(meta.outlet)}`,
      `outletNote: ${yamlString(meta.outletNote ?? '')}`,
    );
  }
  out.push(
    meta.credits.length
      ? `credits: [${meta.credits.join(', ')}] # TODO: keep only the agencies the text credits ("IRNA reported")`
      : 'credits: [] # TODO: no agency (IRNA, IRIB, ISNA, Mehr, Tasnim, Fars) found in the text',
    meta.dateline
      ? `dateline: ${yamlString(meta.dateline)}`
      : 'dateline: null # TODO: no dateline ("TEHRAN –") found; check',
  );
  return `${out.join('\n')}\n`;
}

function factsToYaml(id: string, facts: readonly FactInput[], statements: number): string {
  const out = [
    `# Facts from knowledge/articles/${id}.txt: ${facts.length} DRAFT(S) from its ${statements} sentences,`,
    '# written by `npm run kb:add`. Drafts are never served. Review each one (see CONTRIBUTING.md):',
    '#   1. rewrite `answer` as a self-contained sentence saying who, what and when;',
    '#   2. write 4-7 `questions` people would really ask, terse ones too ("armenia mou");',
    '#   3. add `keywords` (words people use that the answer does not), check `entities`, `figures`',
    '#      (add asOf) and `date`, and add a `topic` from topics.yaml if one fits; check `gives` and',
    '#      `places`, and add `speaker`, `people`, `period` and `agreement` where they apply;',
    '#   4. split a sentence with several claims into several facts, each quoting its part; delete',
    '#      drafts not worth asking about; rename ids if you like (stable, kebab-case, unique);',
    '#   5. set `status: reviewed`. Keep `quote` verbatim. Then `npm run kb:check`.',
    `article: ${id}`,
    'facts:',
  ];
  facts.forEach((f, i) => {
    if (i > 0) out.push('');
    out.push(`  - id: ${f.id}`, `    status: draft # TODO: review, then set to reviewed`);
    out.push(`    answer: ${folded(f.answer, '      ')}`);
    out.push(`    questions:${list(f.questions, '      ')}`);
    out.push(`    keywords:${list(f.keywords ?? [], '      ')}`);
    out.push(`    entities:${list(f.entities ?? [], '      ')}`);
    const figures = f.figures ?? [];
    if (figures.length === 0) out.push('    figures: []');
    else {
      out.push('    figures:');
      for (const fig of figures) {
        out.push(`      - value: ${fig.value}`, `        unit: ${yamlString(fig.unit)}`);
        if (fig.qualifier) out.push(`        qualifier: ${yamlString(fig.qualifier)}`);
      }
    }
    if (f.date) out.push(`    date: ${f.date}`);
    out.push(
      `    gives: [${(f.gives ?? []).join(', ')}] # TODO: check; any of ${ANSWER_TYPES.join(', ')}`,
      `    places:${f.places?.length ? ` [${f.places.map(yamlString).join(', ')}]` : ' []'} # TODO: the countries, provinces and cities it is about`,
    );
    out.push(`    quote: ${folded(f.quote, '      ')}`);
  });
  return `${out.join('\n')}\n`;
}
