// @ts-check
/**
 * `node scripts/run.mjs <entry> [args...]`: runs one of the project's programs as compiled JavaScript.
 *
 * Why: running the TypeScript through the tsx loader costs about 0.6 s before the first line of
 * our code (the loader itself, then every module transpiled on the fly). The bot and the CLIs
 * instead run from a bundle that esbuild (already installed as tsx's compiler) builds in about
 * 0.1 s. The bundle lives in `.build/<hash>/`, where the hash is over every source file, so an
 * edited source is picked up on the next run with no build step to remember, and two processes
 * starting at once never see a half-written bundle (each builds in its own folder, then renames).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = join(ROOT, '.build');
/** Raise when the build options below change, so old bundles are not reused. */
const BUILD_FORMAT = '2';

/** Each program: the name it is run by, and its source. */
export const ENTRIES = {
  main: 'src/main.ts',
  shard: 'src/shard.ts',
  ask: 'src/cli/ask.ts',
  'kb-check': 'src/cli/kb-check.ts',
  'kb-add': 'src/cli/kb-add.ts',
  'kb-gaps': 'src/cli/kb-gaps.ts',
  'db-backup': 'src/cli/db-backup.ts',
  eval: 'src/cli/eval.ts',
  bench: 'src/cli/bench.ts',
  'deploy-commands': 'src/cli/deploy-commands.ts',
};

/** Every TypeScript source a bundle may include, sorted. */
function sources() {
  const files = [];
  for (const dir of ['src', 'commands']) {
    for (const e of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) files.push(relative(ROOT, join(e.parentPath, e.name)));
    }
  }
  return files.sort();
}

/** A hash over the sources' names and contents, and what else shapes the bundle. */
export function sourceHash() {
  const h = createHash('sha256');
  h.update(`format ${BUILD_FORMAT}\0node ${process.versions.node}\0`);
  h.update(readFileSync(join(ROOT, 'package.json')));
  for (const file of sources()) {
    h.update(`\0${file}\0`);
    h.update(readFileSync(join(ROOT, file)));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * Bundles `entries` (name → source) into `outdir` (replaced if present) as ES modules for Node,
 * dependencies left to node_modules. `hash` (sourceHash()) is compiled in as the code's identity,
 * for the knowledge snapshot (src/knowledge/snapshot.ts). Throws an Error naming each compile error
 * by file and line.
 * @param {{ outdir: string, entries: Record<string, string>, hash: string }} options
 */
export async function bundle({ outdir, entries, hash }) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error('esbuild is not installed: run `npm ci` first (it is a dev dependency).');
  }
  rmSync(outdir, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: Object.entries(entries).map(([name, file]) => ({ in: file, out: name })),
      outdir,
      bundle: true,
      splitting: true, // modules shared by several programs go in shared chunks
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external', // dependencies load from node_modules as usual
      sourcemap: 'linked',
      define: { __KB_SOURCE_HASH__: JSON.stringify(hash) },
      logLevel: 'silent',
    });
  } catch (err) {
    rmSync(outdir, { recursive: true, force: true });
    const errors = /** @type {{ errors?: { text: string, location?: { file: string, line: number } }[] }} */ (
      err
    ).errors;
    const detail = errors?.length
      ? errors
          .map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`)
          .join('\n')
      : String(err);
    throw new Error(`The build failed:\n${detail}`);
  }
}

/** The folder holding an up-to-date bundle of every entry, building it first if needed. */
export async function ensureBuild() {
  const hash = sourceHash();
  const out = join(BUILD_DIR, hash);
  if (existsSync(join(out, 'main.js'))) return out;

  const tmp = `${out}.tmp-${process.pid}`;
  await bundle({ outdir: tmp, entries: ENTRIES, hash });
  try {
    renameSync(tmp, out);
  } catch {
    // Another process finished the same build first; its bundle is identical.
    rmSync(tmp, { recursive: true, force: true });
  }
  pruneOldBuilds(hash);
  return out;
}

/**
 * Removes old bundles, keeping the newest few: a program started from an older bundle may still be
 * running and load more of it later, so nothing younger than a day is removed.
 * @param {string} keep the build in use
 */
function pruneOldBuilds(keep) {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  const builds = [];
  for (const name of readdirSync(BUILD_DIR)) {
    if (name === keep) continue;
    try {
      builds.push({ name, mtime: statSync(join(BUILD_DIR, name)).mtimeMs });
    } catch {
      // removed by another process meanwhile
    }
  }
  builds.sort((a, b) => b.mtime - a.mtime);
  for (const b of builds.slice(2)) {
    if (b.mtime < dayAgo) rmSync(join(BUILD_DIR, b.name), { recursive: true, force: true });
  }
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (!name || !Object.hasOwn(ENTRIES, name)) {
    console.error(`usage: node scripts/run.mjs <${Object.keys(ENTRIES).join('|')}> [args...]`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(BUILD_DIR, { recursive: true });
  let dir;
  try {
    dir = await ensureBuild();
  } catch (err) {
    console.error(/** @type {Error} */ (err).message);
    process.exitCode = 1;
    return;
  }
  const file = join(dir, `${name}.js`);
  // The program sees itself as the script being run, as it would under `node <file>`.
  process.argv = [process.argv[0] ?? 'node', file, ...args];
  process.setSourceMapsEnabled(true); // stack traces name the TypeScript sources
  await import(pathToFileURL(file).href);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) await main();
