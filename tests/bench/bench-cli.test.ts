import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** A smoke run of `npm run bench -- --quick --json`: the shape of the output, never its timings. */
describe('bench --quick --json', () => {
  it('prints one JSON object with figures for the generated KB, the baseline and the targets', () => {
    const r = spawnSync(
      process.execPath,
      ['scripts/run.mjs', 'bench', '--quick', '--json', '--cold-runs', '0', '--questions', '20'],
      { encoding: 'utf8', timeout: 90_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const gen = report.kbs.find((k: { label: string }) => k.label === '1k');
    expect(gen).toMatchObject({ kind: 'generated', facts: 1000, load: { kind: 'json-roundtrip' } });
    expect(gen.latency.paraphrase.n).toBe(20);
    expect(gen.accuracy.n).toBe(20);
    expect(gen.refusal.n).toBeGreaterThan(0);
    expect(gen.long.map((l: { length: number }) => l.length)).toContain(2000);
    expect(typeof gen.build.ms).toBe('number');
    expect(gen.baseline.plan.questions).toBe(1);
    // Every planned baseline search either ran or is listed as skipped with a reason.
    const ran = gen.baseline.latency.n + gen.baseline.refusal.n + (gen.baseline.long ? 1 : 0);
    const planned =
      gen.baseline.plan.questions + gen.baseline.plan.offTopic + (gen.baseline.plan.long ? 1 : 0);
    expect(ran + gen.baseline.skips.length).toBe(planned);
    for (const s of gen.baseline.skips) expect(s.reason).toBeTruthy();
    // The real KB is either measured or reported with its load error, never left out.
    const real = report.kbs.find((k: { kind: string }) => k.kind === 'real');
    expect(real).toBeDefined();
    expect(real.error ?? real.latency).toBeTruthy();
    expect(report.targets.length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
