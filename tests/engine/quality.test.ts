import { describe, expect, it } from 'vitest';
import { HOLDOUT_2_SET, HOLDOUT_3_SET, HOLDOUT_SET, evaluate, loadQuestionSet } from '../../src/cli/eval.ts';
import { openEngine } from '../../src/knowledge/open.ts';

describe('answer quality on the question set', () => {
  const set = loadQuestionSet();
  const result = evaluate(openEngine(), set);
  const report = result.failures.map((f) => `${f.kind}: ${f.q} → ${f.reason}`).join('\n');

  it('has at least 120 questions, 30 of them unanswerable', () => {
    expect(set.answerable.length + set.unanswerable.length).toBeGreaterThanOrEqual(120);
    expect(set.unanswerable.length).toBeGreaterThanOrEqual(30);
  });

  it('answers at least 95% of answerable questions with a citation from the right article', () => {
    expect(result.answeredRight / result.answerable, report).toBeGreaterThanOrEqual(0.95);
  });

  it('refuses at least 95% of the questions the material cannot answer', () => {
    expect(result.refused / result.unanswerable, report).toBeGreaterThanOrEqual(0.95);
  });
});

describe('answer quality on the first held-out question set', () => {
  // Written after the first tuning by someone who saw neither the facts nor the first set, in
  // casual Discord style. Measured 70.7% / 81.8% while it was held out; a tuning set since
  // 2026-11-22 (now 87.8% / 87.9%). These floors guard against regressions.
  const result = evaluate(openEngine(), loadQuestionSet(HOLDOUT_SET));
  const report = result.failures.map((f) => `${f.kind}: ${f.q} → ${f.reason}`).join('\n');

  it('answers at least 85% of its answerable questions from the right article', () => {
    expect(result.answeredRight / result.answerable, report).toBeGreaterThanOrEqual(0.85);
  });

  it('refuses at least 85% of its unanswerable questions', () => {
    expect(result.refused / result.unanswerable, report).toBeGreaterThanOrEqual(0.85);
  });
});

describe('answer quality on the second held-out question set', () => {
  // Written on 2026-11-22 from the articles only. Measured 77.9% / 81.4% while held out (before
  // that day's changes); a tuning set since (now 91.2% / 88.4%).
  const result = evaluate(openEngine(), loadQuestionSet(HOLDOUT_2_SET));
  const report = result.failures.map((f) => `${f.kind}: ${f.q} → ${f.reason}`).join('\n');

  it('answers at least 88% of its answerable questions from the right article', () => {
    expect(result.answeredRight / result.answerable, report).toBeGreaterThanOrEqual(0.88);
  });

  it('refuses at least 85% of its unanswerable questions', () => {
    expect(result.refused / result.unanswerable, report).toBeGreaterThanOrEqual(0.85);
  });
});

describe('answer quality on the third held-out question set', () => {
  // Written on 2026-11-22 in a harder casual style, never tuned on: the honest measure. Only its
  // totals are reported, so a failure here names no question. Measured 46.7% / 84.8% with the
  // engine as it was that morning, 66.7% / 82.6% that evening.
  const result = evaluate(openEngine(), loadQuestionSet(HOLDOUT_3_SET));

  it('has at least 100 answerable and 40 unanswerable questions', () => {
    expect(result.answerable).toBeGreaterThanOrEqual(100);
    expect(result.unanswerable).toBeGreaterThanOrEqual(40);
  });

  it('answers at least 63% of its answerable questions from the right article', () => {
    expect(result.answeredRight / result.answerable).toBeGreaterThanOrEqual(0.63);
  });

  it('refuses at least 80% of its unanswerable questions', () => {
    expect(result.refused / result.unanswerable).toBeGreaterThanOrEqual(0.8);
  });
});
