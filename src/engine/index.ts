/**
 * The search index: a word index over the facts (word → facts, with field weights and rarity),
 * and a typo corrector that uses fuse.js over the vocabulary, narrowed first by shared trigrams.
 */
import Fuse from 'fuse.js';
import { AliasMatcher, askingWord, contentWords } from './normalise.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { editDistance } from '../text/distance.ts';
import { tokenize, toWords } from '../text/tokenise.ts';
import { stem } from '../text/stem.ts';
import type { Fact, KnowledgeBase } from './types.ts';

/** How much a word counts for a fact, by the field it appears in (the best field wins). */
export const FIELD_WEIGHTS = {
  questions: 1,
  keywords: 1,
  entities: 1,
  answer: 0.9,
  quote: 0.7,
} as const;

interface Posting {
  facts: Int32Array;
  weights: Float32Array;
}

/** Words shorter than this are never "corrected": too many near neighbours. */
const MIN_CORRECTABLE = 4;
/** fuse.js score above which a correction is not trusted (0 = exact, 1 = anything). */
const MAX_CORRECTION_SCORE = 0.34;
const CORRECTION_CANDIDATES = 12;
const CORRECTION_CACHE = 5000;

export interface Correction {
  from: string;
  to: string;
  /** 0..1, how sure the correction is (1 - fuse score). */
  confidence: number;
}

export class FactIndex {
  readonly facts: Fact[];
  readonly aliases: AliasMatcher;
  private readonly postings = new Map<string, Posting>();
  private readonly idf = new Map<string, number>();
  /** idf a word would have if it appeared in one fact: what an unknown word weighs. */
  readonly unknownIdf: number;
  /** Content words of each fact's questions, for phrasing similarity. */
  readonly questionWords: string[][][];
  /** Each fact's words outside its keywords. */
  private readonly stated: Set<string>[] = [];
  /** How many facts use each word as written (before alias replacement): a typo's prior. */
  private readonly rawUses = new Map<string, number>();
  /** Every stemmed word the material and the aliases use, before alias replacement. */
  private readonly vocabulary = new Set<string>();
  private readonly vocabList: string[] = [];
  private readonly trigramIndex = new Map<string, number[]>();
  /** A vocabulary word and each of its one-letter deletions → the words: for one-edit typos. */
  private readonly deletionIndex = new Map<string, string[]>();
  private readonly correctionCache = new Map<string, Correction | null>();
  /** Correctly spelt words outside the material: left as they are, never corrected. */
  private readonly dictionary = new Set<string>();

  constructor(kb: Pick<KnowledgeBase, 'facts' | 'aliases'>, dictionary: Iterable<string> = []) {
    // Kept as written (unstemmed): a question's words are looked up before stemming.
    for (const word of dictionary) this.dictionary.add(word.toLowerCase());
    this.facts = kb.facts;
    this.aliases = new AliasMatcher(kb.aliases);
    const building = new Map<string, { facts: number[]; weights: number[] }>();
    const rawLast = new Map<string, number>();
    this.questionWords = [];

    this.facts.forEach((fact, factNo) => {
      const weights = new Map<string, number>();
      const add = (text: string, weight: number, asking = false): string[] => {
        // A curated question is read as a question is: "how big" asks for an amount, and "big" is
        // no word of the fact's.
        const raw = asking
          ? tokenize(text)
              .filter((_t, i, all) => !askingWord(all, i))
              .map(stem)
          : toWords(text);
        for (const w of raw) {
          if (STOPWORDS.has(w) || /^\d/.test(w)) continue;
          this.vocabulary.add(w);
          if (rawLast.get(w) !== factNo) {
            rawLast.set(w, factNo);
            this.rawUses.set(w, (this.rawUses.get(w) ?? 0) + 1);
          }
        }
        const words = contentWords(raw, this.aliases);
        for (const w of words) if ((weights.get(w) ?? 0) < weight) weights.set(w, weight);
        return words;
      };
      const asked = fact.questions.map((q) => [...new Set(add(q, FIELD_WEIGHTS.questions, true))]);
      this.questionWords.push(asked);
      for (const k of fact.keywords) add(k, FIELD_WEIGHTS.keywords);
      this.stated.push(
        new Set([
          ...asked.flat(),
          ...fact.entities.flatMap((e) => add(e, FIELD_WEIGHTS.entities)),
          ...add(fact.answer, FIELD_WEIGHTS.answer),
          ...add(fact.quote, FIELD_WEIGHTS.quote),
        ]),
      );
      for (const [w, weight] of weights) {
        let p = building.get(w);
        if (!p) building.set(w, (p = { facts: [], weights: [] }));
        p.facts.push(factNo);
        p.weights.push(weight);
      }
    });

    const n = Math.max(1, this.facts.length);
    for (const [w, p] of building) {
      this.postings.set(w, { facts: Int32Array.from(p.facts), weights: Float32Array.from(p.weights) });
      this.idf.set(w, Math.log(1 + n / p.facts.length));
    }
    this.unknownIdf = Math.log(1 + n);

    for (const w of this.aliases.variantWords) if (!STOPWORDS.has(w)) this.vocabulary.add(w);
    for (const w of this.vocabulary) {
      if (w.length >= MIN_CORRECTABLE - 1 && !/\d/.test(w)) {
        for (const key of [w, ...deletions(w)]) {
          const list = this.deletionIndex.get(key);
          if (list) list.push(w);
          else this.deletionIndex.set(key, [w]);
        }
      }
      if (w.length < MIN_CORRECTABLE) continue;
      const id = this.vocabList.push(w) - 1;
      for (const g of trigrams(w)) {
        let list = this.trigramIndex.get(g);
        if (!list) this.trigramIndex.set(g, (list = []));
        list.push(id);
      }
    }
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Is this word, as the question spells it, a correctly spelt word of English or a place? */
  isDictionaryWord(word: string): boolean {
    return this.dictionary.has(word);
  }

  /** Is this (stemmed) word used anywhere in the material or the aliases? */
  knows(word: string): boolean {
    return this.vocabulary.has(word) || this.postings.has(word);
  }

  /** How rare a content word is; null when no fact contains it. */
  idfOf(word: string): number | null {
    return this.idf.get(word) ?? null;
  }

  posting(word: string): Posting | undefined {
    return this.postings.get(word);
  }

  /** Does fact number factNo contain this content word? (Postings are sorted: binary search.) */
  contains(word: string, factNo: number): boolean {
    return this.weightIn(word, factNo) > 0;
  }

  /**
   * Whether a fact states a word: in its curated questions, answer, quote or entities, not only
   * among its keywords (search synonyms: "capital" for a fact about investment).
   */
  states(word: string, factNo: number): boolean {
    return this.stated[factNo]?.has(word) ?? false;
  }

  /** The field weight a word has in a fact (its best field), 0 when the fact does not hold it. */
  weightIn(word: string, factNo: number): number {
    const posting = this.postings.get(word);
    if (!posting) return 0;
    const { facts, weights } = posting;
    let lo = 0;
    let hi = facts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = facts[mid] as number;
      if (v === factNo) return weights[mid] as number;
      if (v < factNo) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * The vocabulary word a misspelled word most likely stands for, or null.
   * First the vocabulary words one edit away (a symmetric-delete lookup; it catches swaps in short
   * words, which share few trigrams); failing those, for words over five letters, fuse.js ranks the
   * words sharing most trigrams and a true edit distance of at most 2 keeps the correction honest.
   */
  correct(word: string): Correction | null {
    if (word.length < MIN_CORRECTABLE || /\d/.test(word) || this.dictionary.has(word)) return null;
    const cached = this.correctionCache.get(word);
    if (cached !== undefined) return cached;

    let result: Correction | null = null;
    const near = this.oneEditAway(word);
    if (near.length > 0) {
      // One edit away: the word the material uses most (a noisy channel's prior: "corea" is
      // "korea", in many facts, not "creat"), a little for the same length (a swap or a wrong
      // letter) or for a letter left out ("seol" is "seoul", not "sell"; omissions are the
      // commonest typo), and for a shared beginning (first letters are rarely mistyped). A word's
      // uses count as the facts write it: "Seoul" and "South" are indexed as "korea".
      const uses = (w: string) => Math.max(this.postings.get(w)?.facts.length ?? 0, this.rawUses.get(w) ?? 0);
      const score = (w: string) =>
        Math.log(1 + uses(w)) +
        (w.length === word.length || w.length === word.length + 1 ? 0.5 : 0) +
        0.1 * sharedPrefix(w, word);
      const to = near.reduce((a, b) => (score(b) > score(a) ? b : a));
      result = { from: word, to, confidence: 1 - 1 / (word.length + 1) };
    } else if (word.length > 5) {
      // Further away: fuse.js ranks the words sharing most trigrams; at most two edits are allowed.
      const candidates = this.trigramCandidates(word);
      const fuse = new Fuse(candidates, {
        includeScore: true,
        ignoreLocation: true,
        isCaseSensitive: true,
        threshold: MAX_CORRECTION_SCORE,
      });
      for (const hit of fuse.search(word)) {
        const edits = editDistance(word, hit.item);
        if (edits > 2) continue;
        result = { from: word, to: hit.item, confidence: 1 - edits / (word.length + 1) };
        break;
      }
    }
    if (!result) result = this.expandAbbreviation(word);
    if (this.correctionCache.size >= CORRECTION_CACHE) this.correctionCache.clear();
    this.correctionCache.set(word, result);
    return result;
  }

  /**
   * "conf" for "conference", "govt" no (not a beginning): a word the material never uses that begins
   * exactly one longer word it does use is that word cut short. Several such words: no guess.
   */
  private expandAbbreviation(word: string): Correction | null {
    let found: string | undefined;
    for (const w of this.vocabList) {
      if (w.length < word.length + 2 || !w.startsWith(word)) continue;
      if (found !== undefined) return null;
      found = w;
    }
    return found === undefined ? null : { from: word, to: found, confidence: word.length / found.length };
  }

  /**
   * Vocabulary words one edit (insert, delete, substitute, swap) from a word, by a
   * symmetric-delete lookup: a word and a typo of it one edit apart share a one-letter deletion.
   */
  private oneEditAway(word: string): string[] {
    const out = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      for (const w of this.deletionIndex.get(key) ?? []) if (w !== word) out.add(w);
    }
    // A shared deletion also pairs words two substitutions apart ("moto" and "most" share "mot"):
    // only those one edit (or one swap) away are kept.
    return [...out].filter((w) => editDistance(word, w) <= 1);
  }

  private trigramCandidates(word: string): string[] {
    const grams = trigrams(word);
    const counts = new Map<number, number>();
    for (const g of grams) {
      const list = this.trigramIndex.get(g);
      if (!list) continue;
      for (const id of list) {
        const candidate = this.vocabList[id] as string;
        if (Math.abs(candidate.length - word.length) > 2) continue;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    return [...counts]
      .map(([id, shared]) => {
        const w = this.vocabList[id] as string;
        return { w, dice: (2 * shared) / (grams.length + w.length) };
      })
      .filter((c) => c.dice >= 0.25)
      .sort((a, b) => b.dice - a.dice)
      .slice(0, CORRECTION_CANDIDATES)
      .map((c) => c.w);
  }
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** The word with one letter left out, each way. */
function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}
