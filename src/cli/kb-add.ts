/**
 * `npm run kb:add -- <article.txt> [--id <id>] [--dir knowledge]`: adds a new article to the
 * knowledge base with drafted metadata and DRAFT facts (never served until reviewed). The
 * drafting is src/knowledge/draft.ts, in the wording of the knowledge folder's templates/ (the
 * project's knowledge/templates when it has none); this file only reads, checks and writes.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DraftError, draftArticle } from '../knowledge/draft.ts';
import { TemplateError } from '../knowledge/templates.ts';
import { isMain } from '../util/is-main.ts';
import { terminalLine } from '../util/terminal-text.ts';

const USAGE = 'usage: npm run kb:add -- <article.txt> [--id <id>] [--dir knowledge]';

const isSymlink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false; // nothing there
  }
};

/**
 * Why `file` may not be written: it is a symbolic link (dangling or not: writing would go wherever
 * it points), or its folder, links followed, is not inside the knowledge folder `root`. Null when
 * it is a plain path inside it. `rel` shortens paths for the message.
 */
function unsafeTarget(root: string, file: string, rel: (path: string) => string): string | null {
  if (isSymlink(file)) return `${rel(file)} is a symbolic link (to ${readlinkSync(file)})`;
  const folder = dirname(file);
  if (!existsSync(folder)) {
    // Made by kb:add, unless a link stands there that leads nowhere.
    return isSymlink(folder) ? `${rel(folder)} is a symbolic link (to ${readlinkSync(folder)})` : null;
  }
  const real = realpathSync(folder);
  const inside = relative(realpathSync(root), real);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    return `${rel(folder)} leads out of the knowledge folder (to ${real})`;
  }
  return null;
}

/** Prints through `print` and `printErr`, one line a call, control characters escaped. */
export function runKbAdd(
  args: string[],
  print: (line: string) => void,
  printErr: (line: string) => void = print,
): number {
  const out = (line: string) => print(terminalLine(line));
  const err = (line: string) => printErr(terminalLine(line));
  let values: { id?: string | undefined; dir?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        dir: { type: 'string', default: 'knowledge' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    err(`kb:add: ${(e as Error).message}`);
    err(USAGE);
    return 1;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const input = positionals[0];
  if (!input || positionals.length > 1) {
    err(`kb:add: ${input ? 'give one article file' : 'no article file given'}`);
    err(USAGE);
    return 1;
  }

  const inputPath = resolve(input);
  if (!existsSync(inputPath) || !statSync(inputPath).isFile()) {
    err(`kb:add: ${input}: no such file`);
    return 1;
  }
  const text = readFileSync(inputPath, 'utf8');
  if (text.trim() === '') {
    err(`kb:add: ${input} is empty; nothing written`);
    return 1;
  }

  const dir = resolve(values.dir ?? 'knowledge');
  const articlesDir = join(dir, 'articles');
  const factsDir = join(dir, 'facts');
  if (!existsSync(articlesDir)) {
    err(`kb:add: ${dir} is not a knowledge folder (it has no articles/ folder); use --dir`);
    return 1;
  }

  let draft;
  const templates = join(dir, 'templates');
  try {
    draft = draftArticle(text, {
      id: values.id,
      source: basename(inputPath),
      templates: existsSync(templates) ? templates : undefined,
    });
  } catch (e) {
    if (e instanceof DraftError || e instanceof TemplateError) {
      err(`kb:add: ${e instanceof DraftError ? `${input}: ` : ''}${e.message}; nothing written`);
      return 1;
    }
    throw e;
  }

  const targets = {
    text: join(articlesDir, `${draft.id}.txt`),
    meta: join(articlesDir, `${draft.id}.yaml`),
    facts: join(factsDir, `${draft.id}.yaml`),
  };
  const rel = (file: string) => relative(process.cwd(), file) || file;
  const unsafe = Object.values(targets)
    .map((f) => unsafeTarget(dir, f, rel))
    .filter((problem) => problem !== null);
  if (unsafe.length > 0) {
    err(
      `kb:add: ${[...new Set(unsafe)].join('; ')}; nothing written. ` +
        'kb:add writes only plain files inside the knowledge folder.',
    );
    return 1;
  }
  const existing = Object.values(targets).filter((f) => existsSync(f));
  if (existing.length > 0) {
    err(
      `kb:add: article "${draft.id}" already exists (${existing.map(rel).join(', ')}); ` +
        'nothing written. Give another id with --id, or remove those files first.',
    );
    return 1;
  }

  mkdirSync(factsDir, { recursive: true });
  // 'wx': never through a file or link that appeared since the checks above.
  writeFileSync(targets.text, text, { flag: 'wx' }); // verbatim, as received
  writeFileSync(targets.meta, draft.metaYaml, { flag: 'wx' });
  writeFileSync(targets.facts, draft.factsYaml, { flag: 'wx' });

  out(`Added article ${draft.id}:`);
  out(`  ${rel(targets.text)}   the text, verbatim`);
  out(`  ${rel(targets.meta)}  its metadata (TODOs to fill in)`);
  out(`  ${rel(targets.facts)}  ${draft.facts.length} draft fact(s), not served until reviewed`);
  out('');
  out('Still to do:');
  for (const todo of draft.todos) out(`  - ${todo}`);
  out('');
  out('Next steps (see CONTRIBUTING.md):');
  out(`  1. fill in the metadata in ${rel(targets.meta)} (every TODO)`);
  out(`  2. review the drafts in ${rel(targets.facts)}: rewrite each answer, add questions,`);
  out('     keywords, entities, figures and a topic, then set status: reviewed');
  out('  3. add aliases for new names and spellings to aliases.yaml');
  out(
    `  4. npm run kb:check${dir === resolve('knowledge') ? '' : ` -- --dir ${rel(dir)}`}   until it says OK`,
  );
  out('  5. npm run ask -- "…" with a few real questions, then npm test');
  return 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = runKbAdd(
    process.argv.slice(2),
    (l) => console.log(l),
    (l) => console.error(l),
  );
}
