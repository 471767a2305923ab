/**
 * Words of a text, the same at build time (facts) and at query time (questions): case,
 * typographic apostrophes, possessives, number formats, British spellings, chat shorthand and
 * number words are read one way.
 */
import { smallNumber } from './numbers.ts';
import { stem } from './stem.ts';

const WORD_RE = /[\p{L}\p{N}]+(?:[.,]\p{N}+)*/gu;

/** British spellings read as American ones, so "programme" finds "program" (lowercase input). */
const BRITISH: readonly [RegExp, string][] = [
  [/^programme(s?)$/, 'program$1'],
  [/^(cent|met|lit|fib|theat)re(s?)$/, '$1er$2'],
  [/^(lab|fav|behavi|col|neighb|hon|harb|rum|vig|endeav)our(s|ed|ing|ite|ites)?$/, '$1or$2'],
  [/^(def|off|lic|pret)ence(s?)$/, '$1ense$2'],
  [/^(catal|dial|anal)ogue(s?)$/, '$1og$2'],
  [/^analys(e|ed|es|ing)$/, 'analyz$1'],
  // -ise/-isation on the common stems only: "rise", "wise" and "exercise" are not -ize words.
  [
    /^(organ|emphas|priorit|special|util|recogn|real|privat|mobil|final|optim|maxim|minim|summar|central|modern|industrial|capital|standard|character|categor|apolog|critic|author|legal|normal|global|local|visual|subsid|harmon|memor|stabil|commercial|digit|revolution|computer|familiar|civil|fertil|sympath|synchron|mechan|liberal|national|rational|energ)is(e|ed|es|ing|ation|ations|er|ers)$/,
    '$1iz$2',
  ],
];

function american(word: string): string {
  if (word.length < 5) return word;
  for (const [re, to] of BRITISH) if (re.test(word)) return word.replace(re, to);
  return word;
}

/** Chat shorthand people type in Discord, read as the words they stand for. */
const SHORTHAND: ReadonlyMap<string, string> = new Map(
  Object.entries({
    r: 'are',
    u: 'you',
    ur: 'your',
    ppl: 'people',
    pls: 'please',
    plz: 'please',
    govt: 'government',
    gov: 'government',
    org: 'organization',
    orgs: 'organizations',
    uni: 'university',
    abt: 'about',
    approx: 'approximately',
    tldr: 'summary',
    eli5: 'explain',
    bc: 'because',
    cuz: 'because',
    w: 'with',
    whats: 'what',
    hows: 'how',
    thx: 'thanks',
    info: 'information',
    intl: 'international',
    dept: 'department',
    yr: 'year',
    yrs: 'years',
    // Months cut short ("aug 2019"); not "mar" or "may", which are words.
    jan: 'january',
    feb: 'february',
    apr: 'april',
    jun: 'june',
    jul: 'july',
    aug: 'august',
    sep: 'september',
    sept: 'september',
    oct: 'october',
    nov: 'november',
    dec: 'december',
    bn: 'billion',
    mn: 'million',
    k: 'thousand',
    vp: 'vice president',
    prez: 'president',
    tech: 'technology',
    dg: 'director general',
    fm: 'foreign minister',
    mgmt: 'management',
    biz: 'business',
    natl: 'national',
    econ: 'economy',
    mfg: 'manufacturing',
    corp: 'corporation',
    presser: 'news conference',
    acc: 'according',
    etc: 'etcetera',
  }),
);

/**
 * Lowercase words of a text, unstemmed; numbers keep decimals ("1.6") and lose thousands commas,
 * "%" and "$" read as "percent" and "dollar", "two" to "twenty" as digits.
 */
export function tokenize(text: string): string[] {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    // possessives: iran's, smes' → iran, smes
    .replace(/(\p{L})'s\b/gu, '$1')
    .replace(/(\p{L}s)'(?!\p{L})/gu, '$1')
    .replace(/%/g, ' percent ')
    .replace(/\$/g, ' dollar ');
  const out: string[] = [];
  for (const match of cleaned.matchAll(WORD_RE)) {
    const w = match[0];
    if (/^\d/.test(w)) {
      // 33,000 → 33000 ; 1.6 stays ; a trailing sentence dot never reaches here.
      const n = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w) ? w.replace(/,/g, '') : w.replace(/,/g, ' ');
      for (const part of n.split(' ')) if (part) out.push(part);
      continue;
    }
    // Keep letters and digits only; a word like "covid19" stays one word.
    const word = american(w.replace(/[.,]/g, ''));
    const expanded = SHORTHAND.get(word) ?? smallNumber(word) ?? word;
    for (const part of expanded.split(' ')) out.push(part);
  }
  return out;
}

/** Lowercase words of a text, stemmed (numbers as tokenize leaves them). */
export function toWords(text: string): string[] {
  return tokenize(text).map(stem);
}

/**
 * Lowercase runs of letters and digits, as written: for matching what is still being typed,
 * where a half-typed word must stay as typed ("k" is the start of "korea", not "thousand").
 */
export function plainWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
