/**
 * Feedback storage: every answered question, the 👍/👎 votes on answers, and the report of what the
 * knowledge base is missing ("gaps"). SQLite (better-sqlite3, synchronous) in one file, WAL mode.
 *
 * Schema versions are PRAGMA user_version; `MIGRATIONS` are applied in order on open, all pending
 * ones in one IMMEDIATE transaction (several shards may open the file at once).
 *
 * Privacy: user ids are never stored; a vote keeps HMAC-SHA256(hashKey, userId) in hex. Without a
 * configured key (FEEDBACK_HASH_KEY) one is generated on first open and kept in the `meta` table, so
 * hashes stay stable across restarts — but then anyone holding the file holds the key too.
 *
 * Resilience: storage must never stop the bot answering. When the database cannot be opened or
 * written (read-only file or folder, disk full, locked, newer schema, …) the store logs ONE
 * `logger.error` with the reason and becomes a no-op: `recordAnswer` and `vote` return null, `gaps`
 * returns empty lists. It tries again on the first call made `retryAfterMs` (default 60 s) after the
 * failure, reopening the file; a retry that fails again is logged only at debug level and waits
 * another `retryAfterMs`. When a retry succeeds it logs `info` ("storage recovered", with how many
 * writes were dropped); a later failure is then a new outage, logged once again.
 *
 * Operations: `check()` is /healthz's storage check (one small write), `stats` feeds the metrics,
 * `hashUserId` lets the logs write the votes' hash, and with `retentionDays` questions older than
 * that (and their votes) are deleted on open and then daily. Backups: see backup.ts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Answer } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import { groupQuestions, type PhrasingCount, type QuestionGroup } from './gaps.ts';

export const DEFAULT_DATABASE_PATH = './data/bot.db';
export const DEFAULT_RETRY_AFTER_MS = 60_000;
/** Questions longer than this are stored cut (the engine reads only the first 400 characters). */
const MAX_QUESTION_CHARS = 1000;

type DB = Database.Database;

/** Ordered migrations: index i takes the schema from version i to i + 1. Never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE answers (
    id             TEXT PRIMARY KEY,
    created_at     TEXT NOT NULL,
    question       TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('answered', 'no_match')),
    fact_ids       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fact_ids)),
    score          REAL NOT NULL,
    channel_kind   TEXT NOT NULL,
    low_confidence INTEGER NOT NULL DEFAULT 0 CHECK (low_confidence IN (0, 1))
  ) STRICT;
  CREATE INDEX answers_created_at ON answers (created_at);
  CREATE INDEX answers_unanswered ON answers (created_at) WHERE status = 'no_match' OR low_confidence = 1;

  CREATE TABLE votes (
    answer_id  TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    user_hash  TEXT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (answer_id, user_hash)
  ) STRICT;

  CREATE VIEW unanswered AS
    SELECT id, created_at, question, status, score, channel_kind, low_confidence
    FROM answers
    WHERE status = 'no_match' OR low_confidence = 1;
  `,
];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Where a question was asked: 'dm', 'guild', 'console', … (free text, kept as given). */
export type ChannelKind = 'dm' | 'guild' | 'console' | (string & {});
export type VoteValue = 1 | -1;

export interface RecordAnswerInput {
  question: string;
  answer: Pick<Answer, 'status' | 'factIds' | 'score'>;
  channelKind: ChannelKind;
  /** Answered, but the caller does not trust it (e.g. a score just above the threshold). */
  lowConfidence?: boolean;
}

export interface VoteResult {
  /** false when the user had already cast this same vote. */
  changed: boolean;
  /** The user's earlier vote on this answer, if any. */
  previous?: VoteValue;
}

export type UnansweredGroup = QuestionGroup;

export interface DislikedAnswer {
  /** The facts the answer gave ([] for a "not covered" reply). */
  factIds: string[];
  /** A question that got this answer and a 👎 (the latest). */
  question: string;
  down: number;
  up: number;
  /** ISO timestamp of the latest vote. */
  lastSeen: string;
}

export interface Gaps {
  unanswered: UnansweredGroup[];
  disliked: DislikedAnswer[];
}

export interface GapsOptions {
  /** At most this many of each list (default 20). */
  limit?: number;
  /** Only questions asked / votes cast at or after this time. */
  since?: Date | string;
}

export interface Store {
  /** Records an answered (or refused) question; its id (12 url-safe characters) or null when storage is down. */
  recordAnswer(input: RecordAnswerInput): string | null;
  /** A user's 👍 (+1) or 👎 (-1) on an answer; voting again replaces the vote. null when storage is down or the answer is unknown. */
  vote(answerId: string, userId: string, vote: VoteValue): VoteResult | null;
  /** What curators should look at: grouped unanswered questions and the most-disliked answers. */
  gaps(options?: GapsOptions): Gaps;
  /** false while storage is down (between a failure and a successful retry). */
  readonly healthy: boolean;
  /**
   * Whether the database takes a write now (a one-row write to the meta table); while storage is
   * down, the reason, without trying before the next retry is due.
   */
  check(): { ok: true } | { ok: false; reason: string };
  /** The keyed hash a vote stores for this user id (the logs use it too, so lines match votes). */
  hashUserId(userId: string): string;
  /**
   * Deletes questions (and their votes) stored before `now - days`; how many were deleted, or null
   * when storage is down. The store does this itself with `retentionDays`.
   */
  prune(days: number): number | null;
  /** Failed operations and writes dropped while down, since opening. */
  readonly stats: { readonly errors: number; readonly droppedWrites: number };
  close(): void;
}

export interface StoreOptions {
  /** The database file (default ./data/bot.db; its folder is created); ':memory:' for tests. */
  path?: string;
  /** HMAC key for user ids; when missing one is generated and kept in the database's meta table. */
  hashKey?: string | undefined;
  logger: Logger;
  /** How long to wait after a failure before trying the database again (default 60 s). */
  retryAfterMs?: number;
  /** The clock (tests). */
  now?: () => Date;
  /**
   * Keep questions this many days: older ones (and their votes) are deleted on open and then
   * daily. Unset: kept for ever.
   */
  retentionDays?: number | undefined;
  /** Runs `fn` every `ms` until the returned function is called (default: an unref'd setInterval; tests). */
  every?: (ms: number, fn: () => void) => () => void;
}

export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

function everyInterval(ms: number, fn: () => void): () => void {
  const timer = setInterval(fn, ms);
  timer.unref(); // never keeps the process alive
  return () => clearInterval(timer);
}

/** Opens (creating it if needed) and migrates a database; throws on any problem. */
export function openDatabase(path: string): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 250'); // a short wait for another shard's write, never a long stall
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Applies the pending migrations in one transaction; refuses a database newer than this code. */
export function migrate(db: DB): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) {
    throw new Error(`database schema version ${version()} is newer than this bot's (${SCHEMA_VERSION})`);
  }
  if (version() === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Re-read inside the lock: another process may have migrated meanwhile.
    for (let v = version(); v < SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

/** The hash key kept in the meta table, created on first use. */
function storedHashKey(db: DB): string {
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('feedback_hash_key', ?)").run(
    randomBytes(32).toString('hex'),
  );
  const row = db.prepare("SELECT value FROM meta WHERE key = 'feedback_hash_key'").get() as { value: string };
  return row.value;
}

export function hashUserId(hashKey: string, userId: string): string {
  return createHmac('sha256', hashKey).update(userId).digest('hex');
}

/** A short random id, safe in a Discord custom_id (12 characters of [A-Za-z0-9_-], 72 bits). */
export function newAnswerId(): string {
  return randomBytes(9).toString('base64url');
}

function isoOf(since: Date | string): string {
  return (typeof since === 'string' ? new Date(since) : since).toISOString();
}

/** The gaps report from an open database (shared by the store and `kb:gaps`). */
export function queryGaps(db: DB, options: GapsOptions = {}): Gaps {
  const limit = Math.max(1, Math.floor(options.limit ?? 20));
  const since = options.since === undefined ? '' : isoOf(options.since);
  const phrasings = db
    .prepare(
      `SELECT question, COUNT(*) AS count, MAX(created_at) AS lastSeen
       FROM unanswered WHERE created_at >= ? GROUP BY question`,
    )
    .all(since) as PhrasingCount[];
  const unanswered = groupQuestions(phrasings).slice(0, limit);

  const rows = db
    .prepare(
      `SELECT a.fact_ids AS factIds,
              SUM(v.vote = -1) AS down, SUM(v.vote = 1) AS up, MAX(v.updated_at) AS lastSeen,
              (SELECT a2.question FROM answers a2 JOIN votes v2 ON v2.answer_id = a2.id
                WHERE a2.fact_ids = a.fact_ids AND v2.vote = -1
                ORDER BY v2.updated_at DESC LIMIT 1) AS question
       FROM votes v JOIN answers a ON a.id = v.answer_id
       WHERE v.updated_at >= ?
       GROUP BY a.fact_ids
       HAVING down > 0
       ORDER BY down DESC, down - up DESC, lastSeen DESC
       LIMIT ?`,
    )
    .all(since, limit) as { factIds: string; down: number; up: number; lastSeen: string; question: string }[];
  const disliked = rows.map((r) => ({ ...r, factIds: JSON.parse(r.factIds) as string[] }));
  return { unanswered, disliked };
}

/** Counts for the report's heading. */
export function queryTotals(db: DB): { answers: number; unanswered: number; votes: number } {
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    answers: one('SELECT COUNT(*) AS n FROM answers'),
    unanswered: one('SELECT COUNT(*) AS n FROM unanswered'),
    votes: one('SELECT COUNT(*) AS n FROM votes'),
  };
}

function reason(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return typeof code === 'string' && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

/** The file system's refusals to write, and how they read. */
const WRITE_REFUSED: Record<string, string> = {
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
};

/**
 * What stops this process writing the database at `path`, asked of the file system: the file, if
 * it exists, or the folder it lives in (the nearest that exists; SQLite also writes its -wal and
 * -shm files there). Null when both may be written.
 */
function writeRefusal(path: string): string | null {
  const file = resolve(path);
  let folder = dirname(file);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  const candidates: [string, string][] = existsSync(file) ? [['file', file]] : [];
  candidates.push(['folder', folder]);
  for (const [kind, where] of candidates) {
    try {
      accessSync(where, constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      const what = WRITE_REFUSED[code];
      if (what) return `${code}: ${what}: cannot write the ${kind} ${where}`;
    }
  }
  return null;
}

/**
 * Why opening or writing the database failed. SQLite says only "unable to open database file" or
 * "attempt to write a readonly database", and Node's recursive mkdir names ENOENT on a read-only
 * disk, so for those the file system is asked for the real cause (EROFS, EACCES, with the path).
 * Other failures (a lock, a newer schema) keep their own words.
 */
function failureReason(path: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const mayBeRefusal =
    typeof code === 'string' && /^(SQLITE_(CANTOPEN|READONLY|IOERR|PERM)|E[A-Z]+$)/.test(code);
  return (mayBeRefusal && path !== ':memory:' && writeRefusal(path)) || reason(err);
}

/** Opens the feedback store. Never throws for storage problems: see the module comment. */
export function openStore(options: StoreOptions): Store {
  const path = options.path ?? DEFAULT_DATABASE_PATH;
  const { logger } = options;
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  const now = options.now ?? (() => new Date());

  let db: DB | null = null;
  let hashKey: string | null = options.hashKey ?? null;
  /** Hashes user ids while the key is unknown (no FEEDBACK_HASH_KEY and the database not open yet). */
  const interimKey = randomBytes(32).toString('hex');
  let closed = false;
  /** Set while storage is down. */
  let outage: { since: number; retryAt: number; dropped: number; reason: string } | null = null;
  const stats = { errors: 0, droppedWrites: 0 };

  const connect = (): DB => {
    if (db) return db;
    const opened = openDatabase(path);
    try {
      if (hashKey === null) hashKey = storedHashKey(opened);
    } catch (err) {
      opened.close();
      throw err;
    }
    db = opened;
    return db;
  };

  const fail = (err: unknown, op: string) => {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    db = null;
    stats.errors++;
    const t = now().getTime();
    const why = failureReason(path, err);
    if (outage) {
      logger.debug('storage still unavailable', { path, op, reason: why });
      outage.retryAt = t + retryAfterMs;
      outage.reason = why;
    } else {
      logger.error('storage unavailable: feedback is not recorded until it recovers', {
        path,
        op,
        reason: why,
        retryAfterMs,
      });
      outage = { since: t, retryAt: t + retryAfterMs, dropped: 0, reason: why };
    }
  };

  /** Runs `fn` against the database, or returns `fallback` while storage is down. */
  const guarded = <T>(op: string, fallback: T, write: boolean, fn: (db: DB) => T): T => {
    if (closed) return fallback;
    if (outage && now().getTime() < outage.retryAt) {
      if (write) {
        outage.dropped++;
        stats.droppedWrites++;
      }
      return fallback;
    }
    try {
      const result = fn(connect());
      if (outage) {
        logger.info('storage recovered', {
          path,
          downForMs: now().getTime() - outage.since,
          droppedWrites: outage.dropped,
        });
        outage = null;
      }
      return result;
    } catch (err) {
      fail(err, op);
      if (write && outage) {
        outage.dropped++;
        stats.droppedWrites++;
      }
      return fallback;
    }
  };

  // Open now, so a problem is reported at start-up rather than at the first question.
  guarded('open', null, false, () => null);

  const prune = (days: number): number | null => {
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`retention is a whole number of days, not ${days}`);
    const cutoff = new Date(now().getTime() - days * 24 * 60 * 60 * 1000).toISOString();
    // Votes go with their answers (ON DELETE CASCADE).
    return guarded(
      'prune',
      null,
      false,
      (d) => d.prepare('DELETE FROM answers WHERE created_at < ?').run(cutoff).changes,
    );
  };
  let stopRetention: (() => void) | undefined;
  if (options.retentionDays !== undefined) {
    const days = options.retentionDays;
    const run = () => {
      const deleted = prune(days);
      if (deleted !== null)
        logger.info('retention: old questions deleted', { path, retentionDays: days, deleted });
    };
    run();
    stopRetention = (options.every ?? everyInterval)(RETENTION_INTERVAL_MS, run);
  }

  return {
    recordAnswer(input) {
      return guarded('recordAnswer', null, true, (d) => {
        const id = newAnswerId();
        const score = Number.isFinite(input.answer.score) ? input.answer.score : 0;
        d.prepare(
          `INSERT INTO answers (id, created_at, question, status, fact_ids, score, channel_kind, low_confidence)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          now().toISOString(),
          input.question.slice(0, MAX_QUESTION_CHARS),
          input.answer.status,
          JSON.stringify(input.answer.factIds),
          score,
          input.channelKind || 'unknown',
          input.lowConfidence ? 1 : 0,
        );
        return id;
      });
    },

    vote(answerId, userId, value) {
      if (value !== 1 && value !== -1) throw new RangeError(`a vote is +1 or -1, not ${String(value)}`);
      return guarded('vote', null, true, (d) =>
        d
          .transaction((): VoteResult | null => {
            if (!d.prepare('SELECT 1 FROM answers WHERE id = ?').get(answerId)) {
              logger.debug('vote on an unknown answer', { answerId });
              return null;
            }
            const userHash = hashUserId(hashKey as string, userId);
            const row = d
              .prepare('SELECT vote FROM votes WHERE answer_id = ? AND user_hash = ?')
              .get(answerId, userHash) as { vote: VoteValue } | undefined;
            if (row?.vote === value) return { changed: false, previous: row.vote };
            const at = now().toISOString();
            d.prepare(
              `INSERT INTO votes (answer_id, user_hash, vote, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (answer_id, user_hash) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
            ).run(answerId, userHash, value, at, at);
            return row ? { changed: true, previous: row.vote } : { changed: true };
          })
          .immediate(),
      );
    },

    gaps(gapsOptions) {
      return guarded('gaps', { unanswered: [], disliked: [] }, false, (d) => queryGaps(d, gapsOptions));
    },

    get healthy() {
      return !closed && outage === null;
    },

    check() {
      if (closed) return { ok: false, reason: 'closed' };
      const ok = guarded('check', false, false, (d) => {
        d.prepare(
          `INSERT INTO meta (key, value) VALUES ('last_health_check', ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        ).run(now().toISOString());
        return true;
      });
      return ok ? { ok: true } : { ok: false, reason: outage?.reason ?? 'unavailable' };
    },

    hashUserId(userId) {
      return hashUserId(hashKey ?? interimKey, userId);
    },

    prune,

    stats,

    close() {
      if (closed) return;
      closed = true;
      stopRetention?.();
      try {
        db?.close();
      } catch (err) {
        logger.warn('storage close failed', { path, reason: reason(err) });
      }
      db = null;
    },
  };
}
