import { describe, expect, it } from 'vitest';
import { generateKb } from '../../src/bench/generate.ts';
import { SYSTEMS, measure, p95, time } from '../../src/bench/measure.ts';
import { benchQuestions } from '../../src/bench/questions.ts';

/** What the measurements count and report; never how fast anything is. */
describe('time', () => {
  it('calls the function the warm-up count and then exactly the timed count, and reports that many samples', async () => {
    let calls = 0;
    let starts = 0;
    const t = await time(() => calls++, { iterations: 7, warmup: 3, beforeAll: () => starts++ });
    expect(calls).toBe(10);
    expect(starts).toBe(2);
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

describe('measure', () => {
  const { kb } = generateKb({ facts: 150, seed: 4 });
  const questions = benchQuestions(kb, 12, 2);

  it.each(SYSTEMS.map((s) => [s.name, s] as const))(
    '%s answers the first questions of the list and is scored on them',
    async (_, system) => {
      const row = await measure(system, kb, questions, { count: 6, builds: 1, warmup: 1 });
      expect(row.system).toBe(system.name);
      expect(row.latency.n).toBe(6);
      expect(row.build.n).toBe(1);
      expect(row.top1).toBeGreaterThanOrEqual(0);
      expect(row.top1).toBeLessThanOrEqual(1);
      expect(row.refused).toBeGreaterThanOrEqual(0);
      expect(row.refused).toBeLessThanOrEqual(1);
    },
  );

  it('finds the source fact of an unchanged curated question with every system', async () => {
    const fact = kb.facts[0];
    const exact = [{ text: fact?.questions[0] ?? '', factId: fact?.id ?? null }];
    for (const system of SYSTEMS) {
      const row = await measure(system, kb, exact, { count: 1, builds: 1, warmup: 0 });
      expect(row.top1, system.name).toBe(1);
    }
  });
});
