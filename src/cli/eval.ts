/**
 * `npm run eval [-- --verbose] [--holdout]`: answer quality on the question set in
 * tests/fixtures/questions.yaml (or the held-out one).
 * An answerable question counts as right when it is answered with a citation from one of its
 * articles (and, where the set says, the answer contains an expected figure or name); an
 * unanswerable one counts as right when it is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import type { Answer } from '../engine/types.ts';
import { openEngine } from '../knowledge/open.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { isMain } from '../util/is-main.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');
/** The question set the engine and facts were tuned against. */
export const QUESTION_SET = join(FIXTURES, 'questions.yaml');
/** Questions written later by another hand, never used for tuning: the honest measure. */
export const HOLDOUT_SET = join(FIXTURES, 'questions-holdout.yaml');

const questionSetSchema = z.object({
  answerable: z.array(
    z.object({
      q: z.string(),
      articles: z.array(z.string()).min(1),
      expect: z.array(z.coerce.string()).optional(),
    }),
  ),
  unanswerable: z.array(z.object({ q: z.string(), why: z.string().optional() })),
});
export type QuestionSet = z.infer<typeof questionSetSchema>;

export function loadQuestionSet(file = QUESTION_SET): QuestionSet {
  return questionSetSchema.parse(parse(readFileSync(file, 'utf8')));
}

export interface EvalFailure {
  q: string;
  kind: 'answerable' | 'unanswerable';
  reason: string;
  answer: Answer;
}

export interface EvalResult {
  answerable: number;
  answeredRight: number;
  unanswerable: number;
  refused: number;
  failures: EvalFailure[];
}

export function evaluate(engine: Engine, set: QuestionSet): EvalResult {
  const failures: EvalFailure[] = [];
  let answeredRight = 0;
  for (const item of set.answerable) {
    const answer = engine.answer(item.q);
    let reason = '';
    if (answer.status !== 'answered') reason = 'not answered';
    else if (!answer.citations.some((c) => item.articles.includes(c.articleId)))
      reason = `cited ${answer.citations.map((c) => c.articleId).join(', ')}`;
    else if (item.expect && !item.expect.some((e) => answer.answer.toLowerCase().includes(e.toLowerCase())))
      reason = `answer lacks ${item.expect.join(' / ')}`;
    if (reason) failures.push({ q: item.q, kind: 'answerable', reason, answer });
    else answeredRight++;
  }
  let refused = 0;
  for (const item of set.unanswerable) {
    const answer = engine.answer(item.q);
    if (answer.status === 'no_match') refused++;
    else
      failures.push({
        q: item.q,
        kind: 'unanswerable',
        reason: `answered with ${answer.factIds.join(', ')}`,
        answer,
      });
  }
  return {
    answerable: set.answerable.length,
    answeredRight,
    unanswerable: set.unanswerable.length,
    refused,
    failures,
  };
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      verbose: { type: 'boolean', short: 'v', default: false },
      holdout: { type: 'boolean', default: false },
    },
  });
  const result = evaluate(openEngine(), loadQuestionSet(values.holdout ? HOLDOUT_SET : QUESTION_SET));
  for (const f of result.failures) {
    console.log(`✗ [${f.kind}] ${f.q}\n    ${f.reason} (score ${f.answer.score})`);
    if (values.verbose) console.log(`    → ${f.answer.answer.split('\n')[0]}`);
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(
    `answered right: ${result.answeredRight}/${result.answerable} (${pct(result.answeredRight, result.answerable)}); ` +
      `refused: ${result.refused}/${result.unanswerable} (${pct(result.refused, result.unanswerable)})`,
  );
}
