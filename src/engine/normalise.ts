/**
 * The engine's reading of text beyond its words (src/text): what a question asks for (intent,
 * a source, a summary), alias phrases, content words, and the whitespace and quotes a quote check
 * compares after.
 */
import { ORGANISATION_WORD } from '../text/organisations.ts';
import { stopwordSet, STOPWORDS } from '../text/stopwords.ts';
import { toWords } from '../text/tokenise.ts';
import type { AliasGroup } from './types.ts';

/** Only this much of a message is read: a question is a sentence, not an essay. */
export const MAX_ANALYSED_CHARS = 400;
/** At most this many distinct content words of a question are used. */
export const MAX_QUERY_WORDS = 20;

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

export type Intent = 'count' | 'share' | 'amount' | 'person' | 'date' | 'place' | null;

const HOW_ADJECTIVES = new Set(['big', 'large', 'high']);
const WHEN_NOUNS = new Set(['day', 'date', 'dates', 'year', 'month', 'time', 'weekday', 'period']);

/**
 * Words that only say what kind of answer is wanted, which the intent already holds: "how big",
 * "how large" (an amount), "what day", "which year", "what day of the week" (a date). They are no
 * subject: the fact need not contain "big" or "week".
 */
export function askingWord(tokens: readonly string[], i: number): boolean {
  const t = tokens[i] as string;
  const prev = tokens[i - 1];
  if (prev === 'how' && HOW_ADJECTIVES.has(t)) return true;
  if ((prev === 'what' || prev === 'which') && WHEN_NOUNS.has(t)) return true;
  return t === 'week' && tokens[i - 1] === 'the' && tokens[i - 2] === 'of' && tokens[i - 3] === 'day';
}

/** A year as a question or fact writes it, 1900–2099: "2019". */
export function isYear(word: string): boolean {
  return /^(19|20)\d\d$/.test(word);
}

/** "Where did he say it", "where was the MOU signed", "where was the meeting held": a location. */
const WHERE_EVENT =
  /\bwhere\b[^?.!]*\b(?:say|said|says|announc\w*|sign(?:ed|s)?|held|hold|meet|met|spoke|speak\w*|attend\w*|took place|take place|happen\w*|told|tell)\b/i;

/** "Which countries did they export to?", "what other nations": places, by name. */
const WHICH_PLACES =
  /\b(?:which|what)\s+(?:other\s+|foreign\s+)?(?:countries|nations|country|nation|cities|city)\b/i;

/** "At what kind of event did he say it?", "at which meeting was it signed?": where, as an occasion. */
const AT_WHAT_OCCASION =
  /\bat (?:what|which) (?:(?:kind|sort|type) of )?(?:event|occasion|meeting|gathering|venue|forum)\b/i;

/** How a question that asks for a place asks for it (see Query.placeAsked). */
export function placeAsked(text: string): 'located' | 'named' | 'loose' {
  if (WHICH_PLACES.test(text)) return 'named';
  return WHERE_EVENT.test(text) || AT_WHAT_OCCASION.test(text) ? 'located' : 'loose';
}

/** Offices a person is asked for by: "which ISIPO official", "the deputy minister's name". */
const OFFICE =
  'officials?|ministers?|spokes(?:man|woman|person)|ambassadors?|envoys?|director(?:-general)?|deputy';
/** "The deputy foreign minister's name?", "the ambassador's full name": a person's name. */
const OFFICE_NAME = new RegExp(`\\b(?:${OFFICE}|head|chief|chairman)['’]s (?:full |first |last )?name\\b`);
/** "Which ISIPO official", "which deputy industry minister" (not "which minister's …"). */
const WHICH_OFFICE = new RegExp(
  `\\b(?:which|what)\\s+(?:(?!(?:did|does|do|is|was|were|are|has|have|had|will|would|can|could)\\b)[\\p{L}-]+\\s+){0,3}?(?:${OFFICE})\\b(?!['’]s)`,
  'u',
);

/** What kind of answer the question asks for, read from its wording before stopwords go. */
export function detectIntent(text: string): Intent {
  const t = text.toLowerCase().replace(/%/g, ' percent');
  if (
    /\b(how much of|what (share|percent|percentage|proportion|portion|part|fraction|chunk|slice)|roughly what share|how big a (share|part|chunk|slice)|which (share|percentage))\b/.test(
      t,
    )
  )
    return 'share';
  // "How many dollars", "how many rials" ask for money.
  if (/\bhow many (?:dollars|rials|tomans|euros|usd|\$)/.test(t)) return 'amount';
  if (/\b(how many|number of|how large a number|count of)\b/.test(t)) return 'count';
  // "What period does the $1.6 billion figure cover?" asks for a time, whatever figure it names.
  if (
    /\b(what|which) (?:(?:exact|precise|specific|particular) )?(period|dates?|year|day|month|time)\b/.test(t)
  )
    return 'date';
  // "Who gave that figure?" asks for a person: a figure named after "who" is what they gave.
  if (/^\W*(?:(?:and|but|so)\s+)?who\b/.test(t) && !/\bhow (?:much|big|large)\b/.test(t)) return 'person';
  if (/\b(how much|what (value|amount|sum)|how (big|large)|worth|figures?|statistics|stats|total)\b/.test(t))
    return 'amount';
  if (/\bwhen\b/.test(t)) return 'date';
  if (AT_WHAT_OCCASION.test(t) || /\bvenue\b/.test(t)) return 'place';
  if (WHICH_PLACES.test(t)) return 'place';
  if (/\bwhom?\b|\bwhat(?:'s| is| was|s)? (?:the )?names? of\b/.test(t)) return 'person';
  // "The deputy foreign minister's name?": the name of someone in an office is a person's.
  if (OFFICE_NAME.test(t)) return 'person';
  // "Which ISIPO official", "which deputy industry minister": a person, asked for by office.
  if (WHICH_OFFICE.test(t)) return 'person';
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
    /\b(who|which)\b[^?.!]*\b(report(ed|s)?|publish(ed|es)?|cover(ed|s)?|wr(o|i)te|broke|put out|puts out|released?)\b/.test(
      t,
    ) ||
    /\bwhere\b[^?.!]*\b(come|comes|came) from\b/.test(t) ||
    /\b(news ?agenc(y|ies)|outlets?|who|which)\b[^?.!]*\b(ran|carried|printed|posted)\b/.test(t) ||
    /\bwhen\b[^?.!]*\b(published|released|posted|printed)\b/.test(t) ||
    // "What is the date of the article about X?": when it was published.
    /\b(?:publication )?date (?:of|on) (?:the|that|this) (?:article|story|piece|report)\b/.test(t)
  );
}

/**
 * "How do you say hello in Korean?", "what's the Armenian word for factory?", "translate X into
 * Persian": a request for a translation, which no news report gives.
 */
export function asksForTranslation(text: string): boolean {
  return /\bhow (?:do|would|does|can|should) (?:you|i|we|one|they|people) (?:say|write|spell|pronounce)\b[^?.!]*\bin (?!(?:the|a|an|this|that|his|her|their|its|short|brief|general|other)\b)[\p{L}]+|\btranslat(?:e|ed|ion)\b[^?.!]*\b(?:in|into|to) [\p{L}]+|\bwhat(?:'s|’s| is) the [\p{L}]+ (?:word|term) for\b/iu.test(
    text,
  );
}

/** The words of a source question that name the asking, not the story (stemmed, as analysed). */
export const SOURCE_WORDS: ReadonlySet<string> = stopwordSet(
  `news agency agencies outlet outlets broadcaster broadcasters newspaper newspapers paper publication
  publisher media journalist journalists source sources report reported reporting reports publish
  published cover covered coverage story stories article articles write wrote written broke credit
  credited come comes came info information ran run runs carried carry carries printed posted released
  put puts out release date dated`,
);

/**
 * Does the question ask for the gist of an article ("summarise the Armenia article", "tldr korea",
 * "what is the exports story about")? Then the answer is the article's opening statements.
 */
export function asksForSummary(text: string): boolean {
  const t = text.toLowerCase();
  // "The gist of how ISIPO boosts exports", "tl;dr: what is ISIPO doing with idle units?": a
  // question asked briefly, not a request for an article's gist.
  if (
    /\b(?:summary|overview|gist|recap|rundown|tl;? ?dr|explain)\b\s*(?:of|on|to me)?\s*[:,-]?\s*(?:how|why|what|who|when|where|which)\b/.test(
      t,
    )
  )
    return false;
  return (
    /\b(summar(y|ies|ise|ize|ised|ized)|tl;? ?dr|overview|gist|recap|rundown|in a nutshell)\b/.test(t) ||
    // "Explain the 100-program plan": more than its one sentence (not "explain why …", above).
    /^\W*(?:(?:can|could) you\s+|pls\s+|please\s+)?explain\s+(?:the|this|that|these|those)\b/.test(t) ||
    /\bwhat(?:'s| is| was|s)?\b[^?.!]{0,40}\b(article|story|piece|report)\s+(?:all\s+)?about\b/.test(t)
  );
}

/** The words of a summary request that name the asking, not the article (stemmed, as analysed). */
export const SUMMARY_WORDS: ReadonlySet<string> = stopwordSet(
  `summary summaries summarise summarize summarised summarized tldr tl dr overview gist recap
  rundown nutshell article articles story stories piece report brief briefly short`,
);

/** The words of a request for the figures the sources disagree on that name the asking, not the figure. */
export const DISAGREEMENT_WORDS: ReadonlySet<string> = stopwordSet(
  `disagree disagreement disagreements conflict conflicting inconsistent inconsistency contradict
  contradiction contradictions different differing varying differ figures figure numbers number values
  value estimates estimate percentages give given article articles source sources material report
  reports story stories between across among vary varies varied`,
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
  /** The word a text uses to refer back to the name: "ministry" for "Ministry of Industry, …". */
  head: string | undefined;
}

/** The head noun of a name: the last word before "of", else the last word (multi-word names only). */
function headOf(words: readonly string[]): string | undefined {
  if (words.length < 2) return undefined;
  const of = words.indexOf('of');
  return of > 0 ? words[of - 1] : words.at(-1);
}

/** Replaces alias phrases (longest first) with their canonical word. */
export class AliasMatcher {
  private readonly byFirst = new Map<string, AliasEntry[]>();
  /** Every word that appears in a variant: part of the vocabulary typos are corrected to. */
  readonly variantWords = new Set<string>();
  /** Canonical words of the names of bodies ("isipo": one of its variants is "… Organization"). */
  readonly organisations = new Set<string>();

  constructor(groups: readonly AliasGroup[]) {
    for (const group of groups) {
      const canonical = group.canonical.toLowerCase();
      if (group.variants.some((v) => ORGANISATION_WORD.test(v))) this.organisations.add(canonical);
      for (const phrase of [canonical, ...group.variants]) {
        const words = toWords(phrase);
        if (words.length === 0) continue;
        for (const w of words) this.variantWords.add(w);
        const first = words[0] as string;
        const list = this.byFirst.get(first) ?? [];
        if (!list.some((e) => e.words.join(' ') === words.join(' ')))
          list.push({ words, canonical, head: headOf(words) });
        this.byFirst.set(first, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  apply(words: readonly string[]): string[] {
    return this.read(words).out;
  }

  /**
   * The head nouns of the names written out in full ("the Ministry of Industry, Mining and Trade"
   * → "ministry"): how a later sentence or a question refers back to them ("the ministry").
   */
  heads(words: readonly string[]): string[] {
    return this.read(words).heads;
  }

  private read(words: readonly string[]): { out: string[]; heads: string[] } {
    const out: string[] = [];
    const heads: string[] = [];
    for (let i = 0; i < words.length;) {
      const candidates = this.byFirst.get(words[i] as string);
      let matched: AliasEntry | undefined;
      if (candidates) {
        matched = candidates.find((e) => e.words.every((w, k) => words[i + k] === w));
      }
      if (matched) {
        out.push(matched.canonical);
        if (matched.head && matched.head !== matched.canonical) heads.push(matched.head);
        i += matched.words.length;
      } else {
        out.push(words[i] as string);
        i += 1;
      }
    }
    return { out, heads };
  }
}

/** Words to index or search: aliases applied, stopwords dropped. */
export function contentWords(words: readonly string[], aliases: AliasMatcher): string[] {
  return aliases.apply(words).filter((w) => !STOPWORDS.has(w));
}
