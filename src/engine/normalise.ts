/**
 * Text normalisation, the same at build time (facts) and at query time (questions):
 * case, typographic quotes, possessives, number formats, light stemming, alias phrases, stopwords.
 */
import type { AliasGroup } from './types.ts';

/** Only this much of a message is read: a question is a sentence, not an essay. */
export const MAX_ANALYSED_CHARS = 400;
/** At most this many distinct content words of a question are used. */
export const MAX_QUERY_WORDS = 20;

/**
 * Words that carry no subject in a question. Tuned for questions: interrogatives, auxiliaries,
 * politeness and chat filler. Words that signal what kind of answer is wanted ("how many",
 * "who", "when") are read by detectIntent before they are dropped here.
 */
export const STOPWORDS: ReadonlySet<string> = stopwordSet(
  `a an the and or but nor of in on at to for with by from into onto about over under as than then
  is are was were be been being am do does did done doing has have had having will would shall should
  can could may might must i me my we us our you your he him his she her they them their it its this
  that these those there here what which who whom whose when where why how whats whos wheres hows
  any some all each every much many more most few lot lots one ones
  tell know say said saying says please pls plz thanks thank hi hello hey ok okay yes no not
  give list show explain describe mean meant info information detail details anything something
  just also too very really quite so such only even still yet ever again
  get got go going went want like
  number amount total count figure quantity
  think thinks thought try tries tried trying consider considered considers exist exists existing
  bother roughly approximately approx basically actually exactly specifically generally
  kind sort stuff thing things piece story article according besides beside wonder wondering
  curious guess speak spoke spoken talk talked talking mention mentioned claim claimed
  located location situated name names
  yo sup hiya heya bro guys folks dude lol hmm um uh btw quick question anyone anybody someone
  somebody news update updates side sides per etcetera mostly mainly among amongst apart
  heard hear hearing true correct right remind reminder recall remember read reading seeing saw
  seen noticed keep keeps based bigger biggest larger largest greater smaller fewer lower higher
  vs versus compare compared comparison difference
  s t d ll re ve m`,
);

/** Stopwords are compared with stemmed words, so hold both forms ("does" and "doe"). */
function stopwordSet(list: string): Set<string> {
  const set = new Set<string>();
  for (const w of list.split(/\s+/).filter(Boolean)) {
    set.add(w);
    set.add(stem(w));
  }
  return set;
}

const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

/** Whitespace and typographic quotes only: what the quote check compares after. */
export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u2033]/g, (c) => TYPOGRAPHIC[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A light, predictable English stemmer: plural and verb endings only. The same function runs on
 * facts and questions, so an odd stem ("bas" for "based") still matches itself.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return singleL(suffixless(word));
}

function suffixless(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) {
    const base = word.slice(0, -3);
    return undouble(base);
  }
  if (word.endsWith('ed') && word.length > 4 && !word.endsWith('eed')) {
    return undouble(word.slice(0, -2));
  }
  if (word.endsWith('s') && !/(ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * British and American spelling alike: "travelled" and "traveled" (and "cancelled"/"canceled")
 * both end up "travel". A final "ll" after two or more vowel groups becomes "l"; "small" and
 * "call" keep theirs, and "install"/"installed" both become "instal", which is consistent.
 */
function singleL(word: string): string {
  return word.length > 4 && word.endsWith('ll') && /[aeiouy][^aeiouy]+[aeiouy]/.test(word)
    ? word.slice(0, -1)
    : word;
}

function undouble(base: string): string {
  // "planned" → "plann" → "plan"; keeps "ll"/"ss" words ("install", "assess") readable enough.
  if (base.length > 3 && /([bdgmnprt])\1$/.test(base)) return base.slice(0, -1);
  return base;
}

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

export const MONTH_NAMES: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

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
    bn: 'billion',
    mn: 'million',
    k: 'thousand',
    vp: 'vice president',
    prez: 'president',
    tech: 'technology',
    dg: 'director general',
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

/** Number words read as numbers, so "nine months" and "9 months" match. "one" stays a word. */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 2)]),
);

/** Lowercase words of a text, unstemmed; numbers keep decimals ("1.6") and lose thousands commas. */
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
    const expanded = SHORTHAND.get(word) ?? NUMBER_WORDS.get(word) ?? word;
    for (const part of expanded.split(' ')) out.push(part);
  }
  return out;
}

/** Lowercase words of a text, stemmed (numbers as tokenize leaves them). */
export function toWords(text: string): string[] {
  return tokenize(text).map(stem);
}

export type Intent = 'count' | 'share' | 'amount' | 'person' | 'date' | 'place' | null;

/** What kind of answer the question asks for, read from its wording before stopwords go. */
export function detectIntent(text: string): Intent {
  const t = text.toLowerCase().replace(/%/g, ' percent');
  if (
    /\b(how much of|what (share|percent|percentage|proportion|portion|part|fraction)|roughly what share|how big a (share|part)|which (share|percentage))\b/.test(
      t,
    )
  )
    return 'share';
  if (/\b(how many|number of|how large a number|count of)\b/.test(t)) return 'count';
  // "What period does the $1.6 billion figure cover?" asks for a time, whatever figure it names.
  if (/\b(what|which) (period|dates?|year|day|month|time)\b/.test(t)) return 'date';
  if (/\b(how much|what (value|amount|sum)|how (big|large)|worth|figures?|statistics|stats|total)\b/.test(t))
    return 'amount';
  if (/\bwhen\b/.test(t)) return 'date';
  if (/\bwho\b|\bwhat(?:'s| is| was|s)? (?:the )?names? of\b/.test(t)) return 'person';
  if (/\bwhere\b/.test(t)) return 'place';
  return null;
}

/**
 * Does the question ask where a story comes from ("which news agency covered the Armenia MOU",
 * "who reported the SMEs Day news")? Then the answer is the article's outlet, date and credits.
 */
export function asksForSource(text: string): boolean {
  const t = text.toLowerCase();
  return (
    // "Sources of funding" are no news sources.
    /\b(news ?agenc(y|ies)|outlets?|broadcasters?|newspapers?|publications?|publishers?|media|journalists?|sources?(?! of))\b/.test(
      t,
    ) ||
    /\b(who|which)\b[^?.!]*\b(report(ed|s)?|publish(ed|es)?|cover(ed|s)?|wr(o|i)te|broke)\b/.test(t) ||
    /\bwhere\b[^?.!]*\b(come|comes|came) from\b/.test(t) ||
    /\b(news ?agenc(y|ies)|outlets?|who|which)\b[^?.!]*\b(ran|carried|printed|posted)\b/.test(t) ||
    /\bwhen\b[^?.!]*\b(published|released|posted|printed)\b/.test(t)
  );
}

/** The words of a source question that name the asking, not the story (stemmed, as analysed). */
export const SOURCE_WORDS: ReadonlySet<string> = stopwordSet(
  `news agency agencies outlet outlets broadcaster broadcasters newspaper newspapers paper publication
  publisher media journalist journalists source sources report reported reporting reports publish
  published cover covered coverage story stories article articles write wrote written broke credit
  credited come comes came info information ran run runs carried carry carries printed posted released`,
);

/**
 * Does the question ask for the gist of an article ("summarise the Armenia article", "tldr korea",
 * "what is the exports story about")? Then the answer is the article's opening statements.
 */
export function asksForSummary(text: string): boolean {
  const t = text.toLowerCase();
  return (
    /\b(summar(y|ies|ise|ize|ised|ized)|tl;? ?dr|overview|gist|recap|rundown|in a nutshell)\b/.test(t) ||
    /\bwhat(?:'s| is| was|s)?\b[^?.!]{0,40}\b(article|story|piece|report)\s+(?:all\s+)?about\b/.test(t)
  );
}

/** The words of a summary request that name the asking, not the article (stemmed, as analysed). */
export const SUMMARY_WORDS: ReadonlySet<string> = stopwordSet(
  `summary summaries summarise summarize summarised summarized tldr tl dr overview gist recap
  rundown nutshell article articles story stories piece report brief briefly short`,
);

/** What a figure measures, from its unit: a share (percent), money, or a count of things. */
export function figureKind(unit: string): 'share' | 'money' | 'count' {
  const u = unit.toLowerCase();
  if (/percent|%/.test(u)) return 'share';
  if (/\b(rials?|dollars?|usd|euros?|tomans?)\b|\$/.test(u)) return 'money';
  return 'count';
}

interface AliasEntry {
  words: string[];
  canonical: string;
}

/** Replaces alias phrases (longest first) with their canonical word. */
export class AliasMatcher {
  private readonly byFirst = new Map<string, AliasEntry[]>();
  /** Every word that appears in a variant: part of the vocabulary typos are corrected to. */
  readonly variantWords = new Set<string>();

  constructor(groups: readonly AliasGroup[]) {
    for (const group of groups) {
      const canonical = group.canonical.toLowerCase();
      for (const phrase of [canonical, ...group.variants]) {
        const words = toWords(phrase);
        if (words.length === 0) continue;
        for (const w of words) this.variantWords.add(w);
        const first = words[0] as string;
        const list = this.byFirst.get(first) ?? [];
        if (!list.some((e) => e.words.join(' ') === words.join(' '))) list.push({ words, canonical });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  apply(words: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < words.length;) {
      const candidates = this.byFirst.get(words[i] as string);
      let matched: AliasEntry | undefined;
      if (candidates) {
        matched = candidates.find((e) => e.words.every((w, k) => words[i + k] === w));
      }
      if (matched) {
        out.push(matched.canonical);
        i += matched.words.length;
      } else {
        out.push(words[i] as string);
        i += 1;
      }
    }
    return out;
  }
}

/** Words to index or search: aliases applied, stopwords dropped. */
export function contentWords(words: readonly string[], aliases: AliasMatcher): string[] {
  return aliases.apply(words).filter((w) => !STOPWORDS.has(w));
}
