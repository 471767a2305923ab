/**
 * Grouping of near-duplicate unanswered questions, for the curators' "gaps" report. Pure: no I/O.
 *
 * The rule, in two passes:
 * 1. **Key.** A question is reduced to a key: lowercase (NFKC), possessive "'s" dropped, every
 *    character that is not a letter or a digit turned into a space, stopwords (question words,
 *    articles, auxiliaries, pronouns, prepositions — `STOPWORDS`) dropped, the remaining distinct
 *    words sorted. Questions with the same key are one group ("How many parks does Iran have?" and
 *    "iran: how many parks" → `iran parks`). A question with no word left keeps its lowercased text as key.
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

export const JACCARD_THRESHOLD = 0.8;
export const MAX_FUZZY_KEYS = 3000;
const MAX_EXAMPLES = 3;

export const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for from with about as into than then so ' +
    'what whats which who whom whose when where why how hows is are was were be been being am ' +
    'do does did done doing has have had having can could will would shall should may might must ' +
    'i me my we us our you your he him his she her it its they them their this that these those ' +
    'there here any some all tell please pls know show give get say said me much many ' +
    'if not no yes just also very really'
  ).split(' '),
);
// "how many" / "how much" matter for meaning but every such question has them; they are dropped
// like the other question words so "how many parks" and "number of parks" stay comparable.

/** The normalised key of a question (see the module comment). */
export function questionKey(question: string): string {
  const lower = question.normalize('NFKC').toLowerCase().replace(/[’‘`]/g, "'").replace(/'s\b/g, '');
  const words = lower
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && !STOPWORDS.has(w));
  if (words.length === 0) return lower.replace(/\s+/g, ' ').trim();
  return [...new Set(words)].sort().join(' ');
}

/** Levenshtein distance ≤ 1 (one substitution, insertion or deletion). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
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
