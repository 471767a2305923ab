import { describe, expect, it } from 'vitest';
import { diffBaseline, evaluate, keptOutcomes, riskCoverage } from '../../src/cli/eval.ts';
import type { QuestionSet } from '../../src/cli/eval.ts';
import { Engine } from '../../src/engine/engine.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const engine = new Engine(miniKb());
const forced = new Engine(miniKb(), { answerThreshold: 0 });
const sources = new Map([['widgets-file', 'widgets']]);

const set: QuestionSet = {
  answerable: [
    { q: 'who heads the widget council', articles: ['widgets'], expect: ['Jane Doe'], style: 'casual' },
    // Named by the file the article was received as: resolved through `sources`.
    { q: 'who heads the widget council?', articles: ['widgets-file'], expect: ['Jane Doe'], style: 'terse' },
    { q: 'who heads the widget council', articles: ['widgets'], expect: ['Gizmo'], style: 'casual' },
  ],
  near_miss: [{ q: 'how many widget factories were there in 2019?' }],
  off_topic: [{ q: 'what is the weather on mars' }],
};

describe('evaluate', () => {
  const result = evaluate(engine, set, { forced, sources });

  it('counts an answer right only with the expected text and a citation from a right article', () => {
    expect(result.answeredRight).toBe(2);
    expect(result.graded[2]).toMatchObject({ outcome: 'wrong', reason: 'answer lacks Gizmo' });
  });

  it('counts near misses and off-topic questions refused apart', () => {
    expect(result).toMatchObject({ nearMiss: 1, nearMissRefused: 1, offTopic: 1, offTopicRefused: 1 });
  });

  it('counts wrong answers among the answers given', () => {
    expect(result).toMatchObject({ answers: 3, wrong: 1 });
  });

  it('reports answerable questions by style', () => {
    expect(result.byStyle.get('casual')).toEqual({ total: 2, right: 1, wrong: 1 });
    expect(result.byStyle.get('terse')).toEqual({ total: 1, right: 1, wrong: 0 });
  });
});

describe('riskCoverage', () => {
  it('gives fewer answers, never more, as the threshold rises', () => {
    const points = riskCoverage(evaluate(engine, set, { forced, sources }), [0, 0.5, 0.9, 1.01]);
    const answered = points.map((p) => p.answered);
    expect([...answered].sort((a, b) => b - a)).toEqual(answered);
    expect(points.at(-1)).toMatchObject({ answered: 0, right: 0, wrong: 0 });
  });
});

describe('diffBaseline', () => {
  it('names each question that was good in the baseline and is not now, and the other way round', () => {
    const before = { 'answerable: a': 'good', 'answerable: b': 'missed', 'near_miss: c': 'good' } as const;
    const now = { 'answerable: a': 'wrong', 'answerable: b': 'good', 'near_miss: c': 'good' } as const;
    expect(diffBaseline(before, now)).toEqual({
      lost: ['answerable: a'],
      gained: ['answerable: b'],
      goodBefore: 2,
      goodNow: 2,
      wrongBefore: 0,
      wrongNow: 1,
    });
  });

  it('keeps a refused unanswerable question as good and a refused answerable one as missed', () => {
    const kept = keptOutcomes(evaluate(engine, set, { sources }));
    expect(kept['near_miss: how many widget factories were there in 2019?']).toBe('good');
    expect(kept['answerable: who heads the widget council']).toBeDefined();
  });
});
