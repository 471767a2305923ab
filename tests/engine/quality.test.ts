import { describe, expect, it } from 'vitest';
import {
  HOLDOUT_2_SET,
  HOLDOUT_3_SET,
  HOLDOUT_SET,
  QUESTION_SET,
  evaluate,
  loadQuestionSet,
} from '../../src/cli/eval.ts';
import { openEngine } from '../../src/knowledge/open.ts';

const engine = openEngine();

/**
 * Each set was written from the articles by someone who saw neither the facts nor the other sets.
 * Floors: the 95% / 95% on the main set; a little under the measured figures on the others,
 * to catch regressions. A set still held out reports its totals only, naming no question.
 */
const SETS = [
  // Tuned on from the start.
  { name: 'the question set', file: QUESTION_SET, size: 120, answered: 0.95, refused: 0.95, heldOut: false },
  // Held out until 2026-11-22 (70.7% / 81.8% then); tuned on since (87.8% / 87.9%).
  {
    name: 'the first held-out set',
    file: HOLDOUT_SET,
    size: 100,
    answered: 0.85,
    refused: 0.85,
    heldOut: false,
  },
  // Held out on 2026-11-22 until the third was written (77.9% / 81.4% then); now 91.2% / 88.4%.
  {
    name: 'the second held-out set',
    file: HOLDOUT_2_SET,
    size: 100,
    answered: 0.88,
    refused: 0.85,
    heldOut: false,
  },
  // Never tuned on, the honest measure: 46.7% / 84.8% with that morning's engine, 66.7% / 82.6% now.
  {
    name: 'the third held-out set',
    file: HOLDOUT_3_SET,
    size: 100,
    answered: 0.63,
    refused: 0.8,
    heldOut: true,
  },
];

for (const set of SETS) {
  describe(`answer quality on ${set.name}`, () => {
    const questions = loadQuestionSet(set.file);
    const result = evaluate(engine, questions);
    const report = set.heldOut
      ? 'held out: see `npm run eval -- --set holdout-3 -q` for the totals'
      : result.failures.map((f) => `${f.kind}: ${f.q} → ${f.reason}`).join('\n');

    it(`has at least ${set.size} questions, 30 of them unanswerable`, () => {
      expect(questions.answerable.length + questions.unanswerable.length).toBeGreaterThanOrEqual(set.size);
      expect(questions.unanswerable.length).toBeGreaterThanOrEqual(30);
    });

    it(`answers at least ${set.answered * 100}% of the answerable questions from the right article`, () => {
      expect(result.answeredRight / result.answerable, report).toBeGreaterThanOrEqual(set.answered);
    });

    it(`refuses at least ${set.refused * 100}% of the questions the material cannot answer`, () => {
      expect(result.refused / result.unanswerable, report).toBeGreaterThanOrEqual(set.refused);
    });
  });
}
