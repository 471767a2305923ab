import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';

/** A smoke run of `bench --quick --json` on the fixture knowledge base: what it reports, never its timings. */
describe('bench --quick --json', () => {
  it('reports every system on both knowledge bases, the load, cold start, round trip and targets', () => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', 'scripts/run.mjs', 'bench', '--quick', '--json', '--facts', '200'],
      { encoding: 'utf8', timeout: 110_000, env: { ...process.env, KNOWLEDGE_DIR: FIXTURE_KB_DIR } },
    );
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.kbs.map((k: { label: string; facts: number }) => k.label)).toEqual(['real', 'generated']);
    expect(result.kbs[1].facts).toBe(200);
    for (const kb of result.kbs) {
      expect(kb.rows.map((row: { system: string }) => row.system)).toEqual([
        'engine',
        'MiniSearch',
        'fuse.js',
      ]);
    }
    expect(result.kbs[0].rows[0].latency.n).toBe(40);
    expect(result.load.n).toBe(1);
    expect(result.coldStart.n).toBe(2);
    expect(result.roundTrip.n).toBe(10);
    expect(result.targets.map((t: { name: string }) => t.name)).toEqual([
      'real knowledge base, engine p95',
      '200 facts, engine p95',
      'cold start of ask, p50',
    ]);
  }, 120_000);

  it('refuses a size that is not a whole number, with the usage', () => {
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'bench', '--facts', 'many'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--facts takes a whole number/);
    expect(r.stderr).toMatch(/Usage: npm run bench/);
  });
});
