/** Running `kb:add` in-process on a temporary copy of the project's knowledge folder. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKbAdd } from '../../src/cli/kb-add.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/open.ts';

/** A temp copy of the project's knowledge folder; the real one is never written. */
export function copyKnowledge(prefix = 'kb-add-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'knowledge');
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** `kb:add` with these arguments: its exit code and what it printed. */
export function add(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runKbAdd(
    args,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
