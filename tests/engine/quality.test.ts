/**
 * Answer quality on the tuning sets, held to the committed baseline (`npm run eval -- --baseline`):
 * no set may have fewer good outcomes (right answers, honest refusals) or more wrong answers than
 * the baseline, and a failure lists, question by question, what changed.
 */
import { describe, expect, it } from 'vitest';
import {
  QUESTION_SETS,
  diffBaseline,
  evaluate,
  keptOutcomes,
  loadQuestionSet,
  readBaseline,
} from '../../src/cli/eval.ts';
import { openEngine } from '../../src/knowledge/open.ts';

const engine = openEngine();
const baseline = readBaseline();

for (const [name, file] of Object.entries(QUESTION_SETS)) {
  describe(`answer quality on the ${name} set`, () => {
    const set = loadQuestionSet(file);
    const now = keptOutcomes(evaluate(engine, set));
    const diff = diffBaseline(baseline[name] ?? {}, now);
    const report = [...diff.lost.map((k) => `lost: ${k}`), ...diff.gained.map((k) => `gained: ${k}`)].join(
      '\n',
    );

    it('has a baseline for every question', () => {
      expect(Object.keys(now).filter((k) => !(k in (baseline[name] ?? {})))).toEqual([]);
    });

    it('gives no fewer good outcomes than the baseline', () => {
      expect(diff.goodNow, report).toBeGreaterThanOrEqual(diff.goodBefore);
    });

    it('gives no more wrong answers than the baseline', () => {
      expect(diff.wrongNow, report).toBeLessThanOrEqual(diff.wrongBefore);
    });
  });
}
