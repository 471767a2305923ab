/**
 * Cold start to first answer: a fresh process imports the engine, loads the knowledge base,
 * builds the engine and answers one question. Reported from inside (time since process start)
 * and from outside (wall time of the whole child process, spawn to exit).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'cold-start-child.ts');

export type Launcher = 'node --import tsx' | 'tsx cli';

export interface ColdRun {
  wallMs: number;
  sinceProcessStartMs?: number;
  /** Node and the tsx loader starting, before the script's first line. */
  beforeScriptMs?: number;
  importMs?: number;
  openMs?: number;
  answerMs?: number;
  status?: string;
  error?: string;
}

export interface ColdStartResult {
  label: string;
  launcher: Launcher;
  runs: ColdRun[];
  /** Median over the runs that answered; NaN when none did. */
  wallMs: number;
  sinceProcessStartMs: number;
  error?: string;
}

function command(launcher: Launcher): { cmd: string; args: string[] } {
  if (launcher === 'node --import tsx') return { cmd: process.execPath, args: ['--import', 'tsx', CHILD] };
  const bin = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  return { cmd: existsSync(bin) ? bin : 'tsx', args: [CHILD] };
}

export function coldStart(
  label: string,
  dir: string,
  question: string,
  launcher: Launcher,
  runs: number,
): ColdStartResult {
  const out: ColdRun[] = [];
  const { cmd, args } = command(launcher);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, [...args, dir, question], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const wallMs = performance.now() - t0;
    const line = r.stdout?.trim().split('\n').pop() ?? '';
    let parsed: Partial<ColdRun> & { error?: string } = {};
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      parsed = {
        error: `no result (exit ${r.status ?? r.signal}): ${(r.stderr || r.error?.message || '').trim().split('\n')[0]}`,
      };
    }
    out.push({ wallMs, ...parsed });
    if (parsed.error) break;
  }
  const ok = out.filter((r) => r.error === undefined);
  return {
    label,
    launcher,
    runs: out,
    wallMs: median(ok.map((r) => r.wallMs)),
    sinceProcessStartMs: median(ok.map((r) => r.sinceProcessStartMs ?? NaN)),
    error: out.find((r) => r.error)?.error,
  };
}
