/**
 * `npm run kb:check [-- --dir knowledge] [--json]`: validates the knowledge base and prints
 * coverage. Exits 1 naming the file, fact id and field of every problem.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleCoverage } from '../knowledge/coverage.ts';
import { formatProblem, readKnowledgeBase } from '../knowledge/load.ts';
import { isMain } from '../util/is-main.ts';
import { terminalJson, terminalLine } from '../util/terminal-text.ts';

/** Prints the report through `print`, one line a call; article text shows control characters escaped. */
export function runKbCheck(dir: string, json: boolean, print: (line: string) => void): number {
  const out = (line: string) => print(terminalLine(line));
  const { kb, problems } = readKnowledgeBase(dir);
  const coverage = kb.articles.map((a) => articleCoverage(a, kb.facts));
  const drafts = kb.facts.filter((f) => f.status === 'draft').length;
  if (json) {
    print(terminalJson({ ok: problems.length === 0, problems, coverage, facts: kb.facts.length, drafts }));
    return problems.length === 0 ? 0 : 1;
  }
  for (const p of problems) out(`✗ ${formatProblem(p)}`);
  out('');
  out('Coverage (sentences quoted by at least one fact):');
  for (const c of coverage) {
    const pct = c.sentences === 0 ? 100 : Math.round((100 * c.covered) / c.sentences);
    const draftNote = c.drafts > 0 ? `, ${c.drafts} draft(s)` : '';
    out(`  ${c.articleId}: ${c.covered}/${c.sentences} sentences (${pct}%), ${c.facts} facts${draftNote}`);
    for (const s of c.uncovered) out(`    not quoted: "${s.length > 110 ? s.slice(0, 109) + '…' : s}"`);
  }
  out('');
  out(
    `${kb.articles.length} articles, ${kb.facts.length - drafts} reviewed facts, ${drafts} drafts awaiting review, ` +
      `${kb.topics.length} topics, ${kb.aliases.length} alias groups.`,
  );
  out(problems.length === 0 ? '✓ knowledge base OK' : `✗ ${problems.length} problem(s)`);
  return problems.length === 0 ? 0 : 1;
}

const USAGE = 'Usage: npm run kb:check -- [--json] [--dir FOLDER]';

/** The command line: `--json`, `--dir`; anything else gets the usage and exit 2. */
export function kbCheckMain(
  args: string[],
  print: (line: string) => void,
  err: (line: string) => void,
): number {
  let values: { dir?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { dir: { type: 'string', default: 'knowledge' }, json: { type: 'boolean', default: false } },
    }));
  } catch (e) {
    err(terminalLine((e as Error).message));
    err(USAGE);
    return 2;
  }
  return runKbCheck(resolve(values.dir ?? 'knowledge'), values.json ?? false, print);
}

if (isMain(import.meta.url)) {
  process.exitCode = kbCheckMain(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
  );
}
