import { describe, expect, it } from 'vitest';
import { generateKb } from '../../src/bench/generate.ts';
import { SYSTEMS, measureKb, p95, time } from '../../src/bench/measure.ts';
import { benchQuestions } from '../../src/bench/questions.ts';

/** What the measurements count and report; never how fast anything is. */
describe('time', () => {
  it('calls the function the warm-up count and then exactly the timed count, and reports that many samples', async () => {
    let calls = 0;
    const phases: (string | undefined)[] = [];
    const t = await time(() => calls++, { iterations: 7, warmup: 3, beforeAll: (mode) => phases.push(mode) });
    expect(calls).toBe(10);
    expect(phases).toEqual(['warmup', 'run']);
    expect(t.n).toBe(7);
  });

  it('awaits an async function on every call', async () => {
    let done = 0;
    await time(async () => (await Promise.resolve(), done++), { iterations: 4, async: true });
    expect(done).toBe(4);
  });

  it('fails when the function throws', async () => {
    await expect(
      time(
        () => {
          throw new Error('boom');
        },
        { iterations: 2 },
      ),
    ).rejects.toThrow(/boom/);
  });
});

describe('p95', () => {
  it('takes the nearest-rank 95th percentile of sorted samples', () => {
    expect(p95(Array.from({ length: 100 }, (_, i) => i + 1))).toBe(95);
    expect(p95([1, 2, 3])).toBe(3);
    expect(p95([])).toBeNaN();
  });
});

describe('measureKb', () => {
  const { kb } = generateKb({ facts: 150, seed: 4 });
  const questions = benchQuestions(kb, 12, 2);

  it('has each system answer its count of the first questions, and scores it on them', async () => {
    const rows = await measureKb(kb, questions, { counts: [6, 4, 2], builds: 1, warmup: questions });
    expect(rows.map((r) => r.system)).toEqual(SYSTEMS.map((s) => s.name));
    expect(rows.map((r) => r.latency.n)).toEqual([6, 4, 2]);
    for (const row of rows) {
      expect(row.build.n).toBe(1);
      for (const rate of [row.top1, row.refused]) expect(rate >= 0 && rate <= 1).toBe(true);
    }
  });

  it('finds the source fact of an unchanged curated question with every system', async () => {
    const fact = kb.facts[0];
    const exact = [{ text: fact?.questions[0] ?? '', factId: fact?.id ?? null }];
    const rows = await measureKb(kb, exact, { counts: [1, 1, 1], builds: 1, warmup: [] });
    for (const row of rows) expect(row.top1, row.system).toBe(1);
  });
});
