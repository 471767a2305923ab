/**
 * Autocomplete ranking, independent of the Engine and of discord.js: plain facts in, choices out.
 * Discord allows at most 25 choices, each name and value at most 100 characters.
 */
import Fuse from 'fuse.js';
import type { Fact } from '../engine/types.ts';
import { plainWords } from '../text/tokenise.ts';

export const MAX_CHOICES = 25;
export const MAX_CHOICE_LENGTH = 100;
export const STARTER_COUNT = 8;

export interface Choice {
  name: string;
  value: string;
}

interface Entry {
  question: string;
  factId: string;
  words: string[];
}

/** Share of the typed words the question has (a word counts when a question word starts with it, or it is a plural or possessive of one). */
function coverage(typed: string[], entry: Entry): number {
  if (typed.length === 0) return 0;
  const found = typed.filter((t) =>
    entry.words.some((w) => w.startsWith(t) || (t.startsWith(w) && t.length - w.length <= 2)),
  );
  return found.length / typed.length;
}

const indexes = new WeakMap<readonly Fact[], { fuse: Fuse<Entry>; entries: Entry[]; starters: string[] }>();

function indexFor(facts: readonly Fact[]): { fuse: Fuse<Entry>; entries: Entry[]; starters: string[] } {
  let index = indexes.get(facts);
  if (!index) {
    const seen = new Set<string>();
    const entries: Entry[] = [];
    for (const f of facts) {
      for (const q of f.questions) {
        const key = q.toLowerCase();
        // A question longer than a choice value cannot be offered whole: leave it out.
        if (q.length > MAX_CHOICE_LENGTH || seen.has(key)) continue;
        seen.add(key);
        entries.push({ question: q, factId: f.id, words: plainWords(q) });
      }
    }
    const fuse = new Fuse(entries, {
      keys: ['question'],
      threshold: 0.45,
      ignoreLocation: true,
      includeScore: true,
    });
    index = { fuse, entries, starters: starterQuestions(facts) };
    indexes.set(facts, index);
  }
  return index;
}

/** Good first questions: the first question of one fact per topic, then per article for the rest. */
export function starterQuestions(facts: readonly Fact[], count = STARTER_COUNT): string[] {
  const groups = new Set<string>();
  const out: string[] = [];
  const pick = (key: string, f: Fact) => {
    const q = f.questions[0];
    if (!q || q.length > MAX_CHOICE_LENGTH || groups.has(key)) return;
    groups.add(key);
    out.push(q);
  };
  for (const f of facts) if (f.topic) pick(`topic:${f.topic}`, f);
  for (const f of facts) if (!f.topic) pick(`article:${f.articleId}`, f);
  return out.slice(0, count);
}

/**
 * Curated questions matching what has been typed so far, best first; starters when nothing is typed.
 * Questions having more of the typed words come first (the fuzzy score breaks ties); fuzzy matches
 * alone (typos) follow.
 */
export function suggestQuestions(facts: readonly Fact[], typed: string, limit = MAX_CHOICES): Choice[] {
  const { fuse, entries, starters } = indexFor(facts);
  const text = typed.trim().slice(0, 200);
  if (text === '') return toChoices(starters, limit);
  const typedWords = plainWords(text).slice(0, 20);
  const fuzzy = new Map(fuse.search(text).map((r) => [r.item, r.score ?? 1]));
  const ranked = entries
    .map((entry) => ({ entry, cover: coverage(typedWords, entry), fuzzy: fuzzy.get(entry) ?? 1 }))
    .filter((r) => r.cover > 0 || fuzzy.has(r.entry))
    .sort(
      (a, b) => b.cover - a.cover || a.fuzzy - b.fuzzy || a.entry.question.length - b.entry.question.length,
    );
  return toChoices(
    ranked.map((r) => r.entry.question),
    limit,
  );
}

/** Shapes strings as choices: at most 25, each at most 100 characters, no duplicates. */
export function toChoices(values: readonly string[], limit = MAX_CHOICES): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const v of values) {
    const value = v.slice(0, MAX_CHOICE_LENGTH);
    if (value.trim() === '' || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: value, value });
    if (out.length >= Math.min(limit, MAX_CHOICES)) break;
  }
  return out;
}

/** Strings matching what has been typed (fuzzy), best first; all of them (up to the limit) when nothing is. */
export function matchStrings(values: readonly string[], typed: string, limit = MAX_CHOICES): Choice[] {
  const text = typed.trim().slice(0, 200);
  if (text === '') return toChoices(values, limit);
  const fuse = new Fuse([...values], { threshold: 0.45, ignoreLocation: true });
  return toChoices(
    fuse.search(text).map((r) => r.item),
    limit,
  );
}
