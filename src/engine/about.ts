/**
 * The words the bot says about its material, from the knowledge base's data (knowledge/about.yaml)
 * and what was loaded: "five news articles about Iran’s SMEs, …" stays true after a sixth article.
 */
import type { KnowledgeBase } from './types.ts';

/** The refusal wording when about.yaml gives none. */
export const DEFAULT_REFUSAL =
  'The material does not cover that. I only know what is in {material} about {subject}.';

const SMALL_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count in words when it is small ("five"), in digits when not ("12"). */
export function countWords(n: number): string {
  return SMALL_NUMBERS[n] ?? String(n);
}

/** "five news articles", "one news article": the material, counted. */
export function materialText(kb: Pick<KnowledgeBase, 'articles'>): string {
  const n = kb.articles.length;
  return `${countWords(n)} news article${n === 1 ? '' : 's'}`;
}

/** The "not covered" message: about.yaml's refusal (or the default) with {material} and {subject} filled in. */
export function refusalText(kb: Pick<KnowledgeBase, 'about' | 'articles'>): string {
  const fill: Record<string, string> = { material: materialText(kb), subject: kb.about.subject };
  return (kb.about.refusal ?? DEFAULT_REFUSAL).replace(/\{(\w+)\}/g, (m, key: string) => fill[key] ?? m);
}
