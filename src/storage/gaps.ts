/**
 * Grouping of near-duplicate unanswered questions, for the curators' "gaps" report. Pure: no I/O.
 *
 * The rule, in two passes:
 * 1. **Key.** A question is reduced to a key: its words as the engine reads them (`tokenize`:
 *    lowercase, possessives dropped, "govt" read as "government", "nine" as "9"), stopwords
 *    (question words, auxiliaries, chat filler, "number", "total" — `STOPWORDS`) dropped, the
 *    remaining distinct words sorted. Questions with the same key are one group ("How many parks
 *    does Iran have?", "iran: how many parks" and "number of parks in Iran" → `iran parks`). A
 *    question with no word left keeps its lowercased text as key.
 * 2. **Fuzzy merge.** Two groups merge when the token Jaccard index of their keys is ≥ 0.8, where two
 *    words count as the same when equal or, for words of 5+ letters, one edit apart (a typo:
 *    "industral" / "industrial"). Merging is transitive (single link). So "iran industrial parks
 *    number" joins "iran industrial parks" only when ≥ 80% of the union is shared (here 3/4 = 0.75:
 *    kept apart), while a one-letter typo in any word still merges.
 *
 * The group's `question` is its most-asked phrasing (ties: the latest), `examples` up to three
 * distinct phrasings by frequency (phrasings differing only in case, spacing or end punctuation
 * count as one, shown as last asked). Only the `MAX_FUZZY_KEYS` most-asked keys take part in the fuzzy
 * pass (it compares every pair); the rest are still grouped by key.
 */

import { withinOneEdit } from '../text/distance.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { tokenize } from '../text/tokenise.ts';

export const JACCARD_THRESHOLD = 0.8;
export const MAX_FUZZY_KEYS = 3000;
const MAX_EXAMPLES = 3;

/** The normalised key of a question (see the module comment). */
export function questionKey(question: string): string {
  const words = tokenize(question).filter((w) => !STOPWORDS.has(w));
  if (words.length === 0) return question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return [...new Set(words)].sort().join(' ');
}

function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && withinOneEdit(a, b));
}

/** Token Jaccard index of two word lists, words one typo apart counting as equal. */
export function fuzzyJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const used = new Set<number>();
  let matches = 0;
  for (const wa of a) {
    let hit = b.findIndex((wb, j) => !used.has(j) && wb === wa);
    if (hit < 0) hit = b.findIndex((wb, j) => !used.has(j) && sameWord(wa, wb));
    if (hit >= 0) {
      used.add(hit);
      matches++;
    }
  }
  return matches / (a.length + b.length - matches);
}

/** One stored phrasing: how often it was asked and when last. */
export interface PhrasingCount {
  question: string;
  count: number;
  /** ISO timestamp. */
  lastSeen: string;
}

export interface QuestionGroup {
  /** The most-asked phrasing of the group. */
  question: string;
  /** How many times the group was asked, all phrasings together. */
  count: number;
  /** ISO timestamp of the latest ask. */
  lastSeen: string;
  /** Up to three distinct phrasings, most asked first. */
  examples: string[];
}

/** Groups phrasings into near-duplicate groups, most asked first (ties: the latest first). */
export function groupQuestions(phrasings: readonly PhrasingCount[]): QuestionGroup[] {
  // Pass 1: by key.
  const byKey = new Map<string, PhrasingCount[]>();
  for (const p of phrasings) {
    if (p.question.trim() === '') continue;
    const key = questionKey(p.question);
    const list = byKey.get(key);
    if (list) list.push(p);
    else byKey.set(key, [p]);
  }
  const keys = [...byKey.entries()].map(([key, list]) => ({
    words: key.split(' '),
    list,
    count: list.reduce((n, p) => n + p.count, 0),
  }));
  keys.sort((x, y) => y.count - x.count);

  // Pass 2: fuzzy merge (union-find over the most-asked keys).
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] as number;
      parent[i] = parent[p] as number;
      i = p;
    }
    return i;
  };
  const n = Math.min(keys.length, MAX_FUZZY_KEYS);
  for (let i = 0; i < n; i++) {
    const a = (keys[i] as (typeof keys)[number]).words;
    for (let j = i + 1; j < n; j++) {
      const b = (keys[j] as (typeof keys)[number]).words;
      // Jaccard ≥ t needs min/max size ≥ t: skip pairs that cannot reach it.
      if (Math.min(a.length, b.length) < JACCARD_THRESHOLD * Math.max(a.length, b.length)) continue;
      if (find(i) !== find(j) && fuzzyJaccard(a, b) >= JACCARD_THRESHOLD) parent[find(j)] = find(i);
    }
  }
  const clusters = new Map<number, PhrasingCount[]>();
  keys.forEach((k, i) => {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(...k.list);
    else clusters.set(root, [...k.list]);
  });

  const groups: QuestionGroup[] = [];
  for (const list of clusters.values()) {
    // The same phrasing up to case, spacing and end punctuation counts once among the examples.
    const phr = new Map<string, PhrasingCount>();
    for (const p of list) {
      const id = p.question
        .trim()
        .replace(/[\s?!.…]+$/u, '')
        .replace(/\s+/g, ' ')
        .toLowerCase();
      const seen = phr.get(id);
      if (!seen) phr.set(id, { ...p, question: p.question.trim() });
      else
        phr.set(id, {
          question: p.lastSeen > seen.lastSeen ? p.question.trim() : seen.question,
          count: seen.count + p.count,
          lastSeen: p.lastSeen > seen.lastSeen ? p.lastSeen : seen.lastSeen,
        });
    }
    const ordered = [...phr.values()].sort(
      (x, y) => y.count - x.count || y.lastSeen.localeCompare(x.lastSeen),
    );
    groups.push({
      question: (ordered[0] as PhrasingCount).question,
      count: ordered.reduce((s, p) => s + p.count, 0),
      lastSeen: ordered.reduce((m, p) => (p.lastSeen > m ? p.lastSeen : m), ''),
      examples: ordered.slice(0, MAX_EXAMPLES).map((p) => p.question),
    });
  }
  return groups.sort((x, y) => y.count - x.count || y.lastSeen.localeCompare(x.lastSeen));
}
