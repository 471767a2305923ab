/**
 * Coverage: which sentences of each article no fact quotes. A sentence is covered when a fact's
 * quote lies inside it, or it lies inside a quote (a quote may span sentences).
 */
import { normaliseForQuote } from '../engine/normalise.ts';
import type { Article, Fact } from '../engine/types.ts';
import { splitSentences as split } from './sentences.ts';

export interface ArticleCoverage {
  articleId: string;
  sentences: number;
  covered: number;
  facts: number;
  drafts: number;
  uncovered: string[];
}

/** Splits an article into sentences, leaving out its headline and short boilerplate lines. */
export function splitSentences(article: Pick<Article, 'text' | 'title' | 'titleIsHeadline'>): string[] {
  const headline = article.titleIsHeadline ? normaliseForQuote(article.title) : null;
  return split(article.text, { normalise: normaliseForQuote, skip: (p) => p === headline });
}

export function articleCoverage(article: Article, facts: readonly Fact[]): ArticleCoverage {
  const own = facts.filter((f) => f.articleId === article.id);
  const quotes = own.map((f) => normaliseForQuote(f.quote));
  const sentences = splitSentences(article);
  const uncovered = sentences.filter((s) => !quotes.some((q) => s.includes(q) || q.includes(s)));
  return {
    articleId: article.id,
    sentences: sentences.length,
    covered: sentences.length - uncovered.length,
    facts: own.filter((f) => f.status === 'reviewed').length,
    drafts: own.filter((f) => f.status === 'draft').length,
    uncovered,
  };
}
