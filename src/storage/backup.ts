/**
 * A consistent copy of the feedback database while the bot runs, through SQLite's online backup API
 * (better-sqlite3's `db.backup()`): copying `bot.db` with `cp` would miss what is still in its WAL
 * file and can catch a page mid-write. The pages are copied in one step, inside one read
 * transaction, so the copy is the database as of one moment however busy the bot is, and the bot's
 * writes never wait for it (WAL readers do not block writers).
 *
 * The copy is written beside the target under a temporary name, checked (integrity_check, the
 * schema version), switched to a single self-contained file (journal_mode=DELETE), and only then
 * renamed to the target: an interrupted backup never leaves a half-written file under that name.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupSummary {
  source: string;
  target: string;
  bytes: number;
  pages: number;
  answers: number;
  votes: number;
  ms: number;
}

/** A problem a person can act on (no database, the target exists, …). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function backupDatabase(sourcePath: string, targetPath: string): Promise<BackupSummary> {
  const started = performance.now();
  const source = resolve(sourcePath);
  const target = resolve(targetPath);
  if (!existsSync(source) || !statSync(source).isFile()) {
    throw new BackupError(`No database at ${sourcePath} (set DATABASE_PATH or pass --db).`);
  }
  if (source === target) throw new BackupError('The backup file must not be the database itself.');
  if (existsSync(target)) throw new BackupError(`${targetPath} already exists: choose a new file name.`);
  if (!existsSync(dirname(target)))
    throw new BackupError(`The folder ${dirname(targetPath)} does not exist.`);

  const db = new Database(source, { fileMustExist: true });
  const tmp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0) throw new BackupError(`${sourcePath} is not the bot's database (no schema).`);
    rmSync(tmp, { force: true });
    // The first step (0 pages) only starts the backup; returning the whole size makes the next step copy every page at once.
    const { totalPages } = await db.backup(tmp, { progress: ({ totalPages: all }) => all + 1 });
    const copy = new Database(tmp);
    let answers: number;
    let votes: number;
    try {
      const check = copy.pragma('integrity_check', { simple: true }) as string;
      if (check !== 'ok') throw new Error(`the copy failed its integrity check: ${check}`);
      if ((copy.pragma('user_version', { simple: true }) as number) !== version) {
        throw new Error('the copy has another schema version than the database');
      }
      copy.pragma('journal_mode = DELETE'); // one self-contained file, no -wal beside it
      const count = (table: 'answers' | 'votes') =>
        (copy.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      answers = count('answers');
      votes = count('votes');
    } finally {
      copy.close();
    }
    renameSync(tmp, target);
    return {
      source: sourcePath,
      target: targetPath,
      bytes: statSync(target).size,
      pages: totalPages,
      answers,
      votes,
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
