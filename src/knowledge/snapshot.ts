/**
 * A validated snapshot of the knowledge base, so a start does not parse YAML or run the schema.
 *
 * Reading the YAML and validating it (yaml + zod, every quote checked against its article) is most
 * of a cold start: about 0.25 s of 0.65 s. After a full load that finds no problem, the loaded
 * knowledge base is written as JSON in the cache folder (CACHE_DIR, by default a folder of this
 * user's own in the OS temp dir; never the code folder), named by a hash of every file in the
 * knowledge folder and of the code: the loader's and engine's source, or, in a bundle (`dist/`,
 * `.build/`), the hash of the sources it was built from. The next start with the same files and
 * the same code reads that JSON instead; any edit to a fact, an article or the loader changes the
 * hash, so the edited files go through the full validation again. A snapshot is never written for
 * a knowledge base with problems, and one that cannot be read or written is simply not used.
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Engine, EngineOptions } from '../engine/engine.ts';
import type { KnowledgeBase } from '../engine/types.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { DEFAULT_KNOWLEDGE_DIR, buildEngine } from './build.ts';

/** Raise when the snapshot's layout changes (2: facts say what they give; the knowledge base has `about`). */
const FORMAT = 2;
/** How many snapshots to keep (one per knowledge folder in use, plus recent versions). */
const KEEP = 5;

/**
 * Set by the bundler (scripts/run.mjs) to the hash of the sources a bundle was built from; absent
 * when running from source (tsx, vitest), where the source files themselves are hashed.
 */
declare const __KB_SOURCE_HASH__: string | undefined;
const BUILD_HASH = typeof __KB_SOURCE_HASH__ === 'string' ? __KB_SOURCE_HASH__ : undefined;

/** The code whose changes can change what loading returns: the loader, the schema, the engine types. */
const CODE_DIRS = [join(PROJECT_ROOT, 'src', 'knowledge'), join(PROJECT_ROOT, 'src', 'engine')];

/** The cache folder when CACHE_DIR is unset: this user's own, in the OS temp dir. */
export function defaultCacheDir(): string {
  return join(tmpdir(), `iran-sme-knowledge-bot-${process.getuid?.() ?? 'user'}`);
}

/**
 * Where snapshots go for a CACHE_DIR setting: `<CACHE_DIR>/knowledge`, false when it is 'off'.
 * Unset, the default folder in the temp dir is used only when it is this user's own and no one
 * else can write to it (the temp dir is shared: another user could plant a forged snapshot there);
 * otherwise snapshots are off.
 */
export function snapshotDirFor(cacheDir: string | false | undefined): string | false {
  if (cacheDir === false) return false;
  if (cacheDir !== undefined) return join(resolve(cacheDir), 'knowledge');
  const base = defaultCacheDir();
  try {
    mkdirSync(base, { recursive: true, mode: 0o700 });
    const st = lstatSync(base);
    const uid = process.getuid?.();
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return false;
  } catch {
    return false;
  }
  return join(base, 'knowledge');
}

export interface SnapshotOptions {
  /** Where snapshots are kept (default: `snapshotDirFor(undefined)`); `false` turns them off. */
  dir?: string | false;
}

export interface CachedLoad {
  kb: KnowledgeBase;
  /** Whether the knowledge base came from a snapshot or from a full load of its files. */
  from: 'snapshot' | 'files';
}

interface Snapshot {
  format: number;
  key: string;
  kb: KnowledgeBase;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A hash of every file in the knowledge folder and of the loader's code; undefined when unreadable. */
export function snapshotKey(knowledgeDir: string): string | undefined {
  try {
    const h = createHash('sha256');
    h.update(`format ${FORMAT}\0`);
    if (BUILD_HASH) h.update(`build ${BUILD_HASH}\0`);
    const code = BUILD_HASH
      ? []
      : CODE_DIRS.map((d) => [PROJECT_ROOT, filesUnder(d).filter((f) => f.endsWith('.ts'))] as const);
    for (const [root, files] of [...code, [knowledgeDir, filesUnder(knowledgeDir)] as const]) {
      for (const file of files) {
        h.update(`\0${relative(root, file)}\0`);
        h.update(readFileSync(file));
      }
    }
    return h.digest('hex').slice(0, 24);
  } catch {
    return undefined;
  }
}

function readSnapshot(file: string, key: string): KnowledgeBase | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot>;
    if (data.format !== FORMAT || data.key !== key || !data.kb?.about || !Array.isArray(data.kb.facts))
      return undefined;
    return data.kb;
  } catch {
    return undefined; // missing or unreadable: load the files
  }
}

function writeSnapshot(dir: string, key: string, kb: KnowledgeBase): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, key, kb } satisfies Snapshot));
    renameSync(tmp, file); // readers see the whole file or none
    const others = readdirSync(dir)
      .filter((name) => name !== `${key}.json`)
      .map((name) => {
        try {
          return { name, mtime: statSync(join(dir, name)).mtimeMs };
        } catch {
          return { name, mtime: 0 };
        }
      })
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(KEEP - 1)) rmSync(join(dir, old.name), { force: true });
  } catch {
    // A read-only cache folder: start from the files every time.
  }
}

/**
 * The knowledge base from its snapshot when the files and the loader are unchanged; otherwise
 * loaded and validated in full (throwing KnowledgeBaseError on problems), then snapshotted.
 */
export async function loadKnowledgeBaseCached(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  options: SnapshotOptions = {},
): Promise<CachedLoad> {
  const knowledgeDir = resolve(dir);
  const snapshotDir = options.dir === undefined ? snapshotDirFor(undefined) : options.dir;
  const key = snapshotDir === false ? undefined : snapshotKey(knowledgeDir);
  if (snapshotDir !== false && key) {
    const kb = readSnapshot(join(snapshotDir, `${key}.json`), key);
    if (kb) return { kb, from: 'snapshot' };
  }
  // Imported only here: a start from the snapshot needs neither the YAML parser nor the schema.
  const { loadKnowledgeBase } = await import('./load.ts');
  const kb = loadKnowledgeBase(knowledgeDir);
  if (snapshotDir !== false && key) writeSnapshot(snapshotDir, key, kb);
  return { kb, from: 'files' };
}

/** What `npm start` and `ask` use: openEngine's result, from the snapshot when it is current. */
export async function openEngineCached(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  options: EngineOptions & { snapshot?: SnapshotOptions } = {},
): Promise<Engine> {
  const { snapshot, ...engineOptions } = options;
  const { kb } = await loadKnowledgeBaseCached(dir, snapshot);
  return buildEngine(kb, engineOptions);
}
