/** Running `kb:add` in-process, on a temporary copy of the fixture knowledge base (copyFixtureKb). */
import { runKbAdd } from '../../src/cli/kb-add.ts';

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
