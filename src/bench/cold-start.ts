/**
 * Cold start to first answer, in fresh processes, the ways the project is started:
 * - `ask`: the real `npm run ask -- "question"` program (node scripts/run.mjs ask), spawn to exit:
 *   config, knowledge snapshot, engine build, one answer printed. This is the target's figure.
 * - `bundle + snapshot` / `bundle, files`: the cold-start child from the same bundle, opening the
 *   knowledge base from its snapshot, or loading and validating every file (a start after an edit).
 * - `tsx, files`: the child run from the TypeScript source under the tsx loader, as before the bundle.
 * Each mode has one unmeasured warm-up run first, so the bundle and the snapshot exist.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.ts';
import { median } from './stats.ts';

const RUN = join(PROJECT_ROOT, 'scripts', 'run.mjs');
const CHILD_TS = join(PROJECT_ROOT, 'src', 'bench', 'cold-start-child.ts');

export type ColdMode = 'ask' | 'bundle + snapshot' | 'bundle, files' | 'tsx, files';
export const COLD_MODES: readonly ColdMode[] = ['ask', 'bundle + snapshot', 'bundle, files', 'tsx, files'];

export interface ColdRun {
  wallMs: number;
  sinceProcessStartMs?: number;
  /** Node (and the tsx loader, if any) starting, with the bundle's static imports. */
  beforeScriptMs?: number;
  importMs?: number;
  loadMs?: number;
  buildMs?: number;
  openMs?: number;
  answerMs?: number;
  from?: 'snapshot' | 'files';
  status?: string;
  error?: string;
}

export interface ColdStartResult {
  label: string;
  launcher: ColdMode;
  runs: ColdRun[];
  /** Median over the runs that answered; NaN when none did. */
  wallMs: number;
  sinceProcessStartMs: number;
  error?: string;
}

function command(mode: ColdMode, dir: string, question: string): { cmd: string; args: string[] } {
  const node = process.execPath;
  switch (mode) {
    case 'ask':
      return { cmd: node, args: [RUN, 'ask', '--json', question] };
    case 'bundle + snapshot':
      return { cmd: node, args: [RUN, 'cold-start-child', dir, question, 'snapshot'] };
    case 'bundle, files':
      return { cmd: node, args: [RUN, 'cold-start-child', dir, question, 'files'] };
    case 'tsx, files':
      return { cmd: node, args: ['--import', 'tsx', CHILD_TS, dir, question, 'files'] };
  }
}

function runOnce(mode: ColdMode, dir: string, question: string): ColdRun {
  const { cmd, args } = command(mode, dir, question);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, KNOWLEDGE_DIR: dir },
  });
  const wallMs = performance.now() - t0;
  const line = r.stdout?.trim().split('\n').pop() ?? '';
  try {
    const parsed = JSON.parse(line) as Partial<ColdRun> & { error?: string };
    if (mode === 'ask') return { wallMs, status: parsed.status };
    return { wallMs, ...parsed };
  } catch {
    const why = (r.stderr || r.error?.message || '').trim().split('\n')[0];
    return { wallMs, error: `no result (exit ${r.status ?? r.signal}): ${why}` };
  }
}

/** `runs` measured starts in `mode`, after one unmeasured warm-up start. */
export function coldStart(
  label: string,
  dir: string,
  question: string,
  mode: ColdMode,
  runs: number,
): ColdStartResult {
  const warmUp = runOnce(mode, dir, question);
  const out: ColdRun[] = warmUp.error ? [warmUp] : [];
  while (out.length < runs && !out.some((r) => r.error)) out.push(runOnce(mode, dir, question));
  const ok = out.filter((r) => r.error === undefined);
  return {
    label,
    launcher: mode,
    runs: out,
    wallMs: median(ok.map((r) => r.wallMs)),
    sinceProcessStartMs: median(ok.map((r) => r.sinceProcessStartMs ?? NaN)),
    error: out.find((r) => r.error)?.error,
  };
}
