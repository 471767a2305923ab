/** The JSON shape `ask --json` prints: stable for scripts. */
import type { Answer } from '../engine/types.ts';

export function answerToJson(a: Answer, explain = false) {
  return {
    query: a.query,
    status: a.status,
    answer: a.answer,
    citations: a.citations.map((c) => ({
      articleId: c.articleId,
      title: c.title,
      outlet: c.outlet,
      date: c.date,
      quote: c.quote,
    })),
    score: a.score,
    suggestions: a.suggestions,
    factIds: a.factIds,
    kind: a.kind,
    corrections: a.corrections,
    confidence: a.confidence ?? null,
    ...(a.problem ? { problem: a.problem } : {}),
    ...(a.related
      ? {
          related: {
            answer: a.related.answer,
            factId: a.related.id,
            citation: {
              articleId: a.related.citation.articleId,
              title: a.related.citation.title,
              outlet: a.related.citation.outlet,
              date: a.related.citation.date,
              quote: a.related.citation.quote,
            },
          },
        }
      : {}),
    ...(explain && a.trace ? { trace: a.trace } : {}),
  };
}
