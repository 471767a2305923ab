/** The JSON shape `ask --json` prints: stable for scripts. */
import type { Answer } from '../engine/types.ts';

export function answerToJson(a: Answer) {
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
    ...(a.problem ? { problem: a.problem } : {}),
  };
}
