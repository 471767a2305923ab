// @ts-check
/**
 * `npm run build`: compiles the programs a production install runs into `dist/`, with esbuild (the
 * same bundle as scripts/run.mjs builds on the fly for `npm start`). Afterwards the dev
 * dependencies can go (`npm prune --omit=dev`): `node dist/main.js` (the bot, or the console chat),
 * `node dist/shard.js` (the sharded bot) and the tools (`node dist/ask.js`, kb-check, kb-add,
 * kb-gaps, db-backup, deploy-commands, eval) need only the runtime dependencies, package.json and knowledge/.
 * Nothing is written to the code folder when they run (see CACHE_DIR in .env.example).
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRIES, ROOT, bundle, sourceHash } from './run.mjs';

/** The programs of a production install (the benchmarks stay development tools). */
export const DIST_ENTRIES = Object.fromEntries(
  ['main', 'shard', 'ask', 'kb-check', 'kb-add', 'kb-gaps', 'db-backup', 'deploy-commands', 'eval'].map(
    (name) => [name, ENTRIES[/** @type {keyof typeof ENTRIES} */ (name)]],
  ),
);

const DIST = join(ROOT, 'dist');

try {
  // Built beside dist/ and swapped in whole: a failed build leaves the last good one in place.
  const tmp = `${DIST}.tmp-${process.pid}`;
  await bundle({ outdir: tmp, entries: DIST_ENTRIES, hash: sourceHash() });
  if (existsSync(DIST)) rmSync(DIST, { recursive: true, force: true });
  renameSync(tmp, DIST);
  console.log(
    `Built ${Object.keys(DIST_ENTRIES).length} programs into dist/: node dist/main.js starts the bot.`,
  );
} catch (err) {
  console.error(/** @type {Error} */ (err).message);
  process.exitCode = 1;
}
