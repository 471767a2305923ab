/**
 * Cold start of the real `ask` program, spawn to exit: `node scripts/run.mjs ask --json QUESTION`,
 * what `npm run ask` runs (less npm's own start-up): config, knowledge snapshot, engine build, one
 * answer printed. hyperfine does the timing when it is on PATH; otherwise tinybench times the
 * spawned processes. One unmeasured start first, which builds the bundle and the snapshot if needed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { p95, time } from './measure.ts';
import type { Timing } from './measure.ts';

export interface ColdStart extends Timing {
  tool: 'hyperfine' | 'tinybench';
}

const onPath = (command: string): boolean =>
  spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

/** `runs` timed starts of `ask` answering `question`; throws if a start fails. */
export async function coldStart(
  question: string,
  runs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ColdStart> {
  const argv = [process.execPath, join(PROJECT_ROOT, 'scripts', 'run.mjs'), 'ask', '--json', question];
  if (onPath('hyperfine')) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-hyperfine-'));
    try {
      const command = argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      const out = join(dir, 'out.json');
      const args = [
        '--warmup',
        '1',
        '--runs',
        String(runs),
        '--style',
        'none',
        '--export-json',
        out,
        command,
      ];
      const r = spawnSync('hyperfine', args, { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`ask failed under hyperfine: ${r.stderr.trim()}`);
      const result = (JSON.parse(readFileSync(out, 'utf8')) as { results: HyperfineResult[] }).results[0];
      if (!result) throw new Error('hyperfine reported no result');
      const ms = result.times.map((s) => s * 1000).sort((a, b) => a - b);
      return {
        tool: 'hyperfine',
        n: ms.length,
        p50: result.median * 1000,
        p95: p95(ms),
        max: result.max * 1000,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const start = () => {
    const r = spawnSync(argv[0] as string, argv.slice(1), { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ask exited with ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  };
  return { tool: 'tinybench', ...(await time(start, { iterations: runs, warmup: 1 })) };
}

interface HyperfineResult {
  median: number;
  max: number;
  times: number[];
}
