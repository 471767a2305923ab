import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import {
  hashUserId,
  openStore,
  SCHEMA_VERSION,
  type RecordAnswerInput,
  type Store,
  type StoreOptions,
} from '../../src/storage/store.ts';

const USER = '123456789012345678';
const ANSWERED = {
  status: 'answered' as const,
  factIds: ['armenia-mou-signed', 'armenia-900-parks'],
  score: 0.93,
};
const NO_MATCH: RecordAnswerInput['answer'] = { status: 'no_match', factIds: [], score: 0.2 };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kb-store-'));
}

/** A logger that keeps its lines, and a clock the test moves. */
function harness(level: 'debug' | 'info' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(level, (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  let t = Date.parse('2025-03-01T10:00:00.000Z');
  return {
    lines,
    logger,
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

const open: Store[] = [];
function store(options: StoreOptions): Store {
  const s = openStore(options);
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('the feedback store', () => {
  it('creates the schema with its migrations and sets the schema version', () => {
    const path = join(tempDir(), 'nested', 'bot.db');
    const h = harness();
    store({ path, logger: h.logger }).close();
    const db = new Database(path, { readonly: true });
    const names = (
      db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as {
        type: string;
        name: string;
      }[]
    ).map((r) => `${r.type}:${r.name}`);
    expect(names).toEqual(
      expect.arrayContaining(['table:meta', 'table:answers', 'table:votes', 'view:unanswered']),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(h.lines).toEqual([]);
  });

  it('keeps answers, votes and the generated hash key across a restart', () => {
    const path = join(tempDir(), 'bot.db');
    const h = harness();
    const first = store({ path, logger: h.logger, now: h.now });
    const id = first.recordAnswer({ question: 'who is rasulian', answer: ANSWERED, channelKind: 'guild' });
    expect(first.vote(id as string, USER, 1)).toEqual({ changed: true });
    first.recordAnswer({ question: 'what is the gdp of iran', answer: NO_MATCH, channelKind: 'dm' });
    first.close();

    const second = store({ path, logger: h.logger, now: h.now });
    // The same user is recognised: the hash key was kept in the database.
    expect(second.vote(id as string, USER, 1)).toEqual({ changed: false, previous: 1 });
    expect(second.gaps().unanswered.map((g) => g.question)).toEqual(['what is the gdp of iran']);
    expect(h.lines).toEqual([]);
  });

  it('stores a vote with the question, fact ids, score, channel kind and time of its answer', () => {
    const path = join(tempDir(), 'bot.db');
    const h = harness();
    const s = store({ path, logger: h.logger, now: h.now });
    const id = s.recordAnswer({ question: 'armenia mou', answer: ANSWERED, channelKind: 'guild' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    h.advance(5_000);
    s.vote(id as string, USER, -1);
    s.close();

    const db = new Database(path, { readonly: true });
    const row = db
      .prepare(
        `SELECT a.question, a.status, a.fact_ids, a.score, a.channel_kind, a.low_confidence, a.created_at,
                v.vote, v.created_at AS voted_at, v.updated_at
         FROM votes v JOIN answers a ON a.id = v.answer_id WHERE a.id = ?`,
      )
      .get(id);
    db.close();
    expect(row).toEqual({
      question: 'armenia mou',
      status: 'answered',
      fact_ids: JSON.stringify(ANSWERED.factIds),
      score: 0.93,
      channel_kind: 'guild',
      low_confidence: 0,
      created_at: '2025-03-01T10:00:00.000Z',
      vote: -1,
      voted_at: '2025-03-01T10:00:05.000Z',
      updated_at: '2025-03-01T10:00:05.000Z',
    });
  });

  it('changes the vote when the same user votes again instead of adding one', () => {
    const path = join(tempDir(), 'bot.db');
    const h = harness();
    const s = store({ path, logger: h.logger, now: h.now });
    const id = s.recordAnswer({ question: 'armenia mou', answer: ANSWERED, channelKind: 'guild' }) as string;
    expect(s.vote(id, USER, 1)).toEqual({ changed: true });
    h.advance(60_000);
    expect(s.vote(id, USER, -1)).toEqual({ changed: true, previous: 1 });
    expect(s.vote(id, USER, -1)).toEqual({ changed: false, previous: -1 });
    expect(s.vote(id, '999999999999999999', 1)).toEqual({ changed: true });
    expect(s.vote('no-such-answer', USER, 1)).toBeNull();
    s.close();

    const db = new Database(path, { readonly: true });
    const votes = db.prepare('SELECT vote, created_at, updated_at FROM votes ORDER BY vote').all();
    db.close();
    expect(votes).toEqual([
      { vote: -1, created_at: '2025-03-01T10:00:00.000Z', updated_at: '2025-03-01T10:01:00.000Z' },
      { vote: 1, created_at: '2025-03-01T10:01:00.000Z', updated_at: '2025-03-01T10:01:00.000Z' },
    ]);
  });

  it('never stores a user id in clear, only its HMAC with the configured key', () => {
    const dir = tempDir();
    const path = join(dir, 'bot.db');
    const h = harness();
    const key = 'test-feedback-hash-key-0123456789';
    const s = store({ path, hashKey: key, logger: h.logger });
    const id = s.recordAnswer({ question: 'armenia mou', answer: ANSWERED, channelKind: 'dm' }) as string;
    s.vote(id, USER, 1);

    // While open (the write may sit in the WAL) and after closing: no file holds the raw id.
    const scan = () =>
      readdirSync(dir).map((f) => readFileSync(join(dir, f)).includes(Buffer.from(USER, 'utf8')));
    expect(scan().some(Boolean)).toBe(false);
    s.close();
    expect(scan().some(Boolean)).toBe(false);

    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT * FROM votes').all() as Record<string, unknown>[];
    const meta = db.prepare('SELECT key FROM meta').all();
    db.close();
    expect(JSON.stringify(rows)).not.toContain(USER);
    expect(rows[0]?.user_hash).toBe(hashUserId(key, USER));
    expect(rows[0]?.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(meta).toEqual([]); // a configured key is never written to the database
  });

  it('groups near-duplicate unanswered questions and counts low-confidence answers as unanswered', () => {
    const h = harness();
    const s = store({ path: ':memory:', logger: h.logger, now: h.now });
    const ask = (question: string, answer = NO_MATCH, lowConfidence = false) => {
      h.advance(1000);
      s.recordAnswer({ question, answer, channelKind: 'guild', lowConfidence });
    };
    ask('What is the GDP of Iran?');
    ask('what is the gdp of iran');
    ask("Iran's GDP?");
    ask('gdp iran');
    ask('iran gdp!!', ANSWERED, true); // answered, but flagged low confidence
    ask('How many industrial parks are in Armenia?');
    ask('how many industral parks are in armenia'); // a typo: merged by the fuzzy pass
    ask('who is the minister of industry');
    ask('armenia mou', ANSWERED); // answered: not a gap

    const { unanswered } = s.gaps({ limit: 10 });
    expect(unanswered).toEqual([
      {
        question: 'what is the gdp of iran', // asked twice (case and "?" aside), as last asked
        count: 5,
        lastSeen: '2025-03-01T10:00:05.000Z',
        examples: ['what is the gdp of iran', 'iran gdp!!', 'gdp iran'],
      },
      {
        question: 'how many industral parks are in armenia',
        count: 2,
        lastSeen: '2025-03-01T10:00:07.000Z',
        examples: ['how many industral parks are in armenia', 'How many industrial parks are in Armenia?'],
      },
      {
        question: 'who is the minister of industry',
        count: 1,
        lastSeen: '2025-03-01T10:00:08.000Z',
        examples: ['who is the minister of industry'],
      },
    ]);
    expect(s.gaps({ limit: 1 }).unanswered).toHaveLength(1);
    expect(s.gaps({ since: '2025-03-01T10:00:08.000Z' }).unanswered.map((g) => g.count)).toEqual([1]);
  });

  it('lists the most-disliked answers by their fact ids', () => {
    const h = harness();
    const s = store({ path: ':memory:', logger: h.logger, now: h.now });
    const a = s.recordAnswer({ question: 'armenia mou', answer: ANSWERED, channelKind: 'guild' }) as string;
    const b = s.recordAnswer({
      question: 'the armenian memorandum',
      answer: ANSWERED,
      channelKind: 'dm',
    }) as string;
    const c = s.recordAnswer({
      question: 'sme exports',
      answer: { status: 'answered', factIds: ['exports-2020'], score: 0.8 },
      channelKind: 'guild',
    }) as string;
    s.vote(a, 'u1', -1);
    h.advance(1000);
    s.vote(b, 'u2', -1);
    s.vote(b, 'u3', 1);
    s.vote(c, 'u1', 1);
    expect(s.gaps().disliked).toEqual([
      {
        factIds: ANSWERED.factIds,
        question: 'the armenian memorandum',
        down: 2,
        up: 1,
        lastSeen: '2025-03-01T10:00:01.000Z',
      },
    ]);
  });
});

/**
 * Opens the store for `path` in a child process and returns the lines it logged. `command` goes
 * before node (e.g. a private mount namespace); `uid` runs it as another user (when root).
 */
function openInChild(path: string, opts: { command?: string[]; uid?: number } = {}) {
  const src = (file: string) => JSON.stringify(resolve(file));
  const code =
    `import { openStore } from ${src('src/storage/store.ts')};` +
    `import { createLogger } from ${src('src/logger.ts')};` +
    `openStore({ path: process.argv[1], logger: createLogger('error', (l) => console.log(l)) }).close();`;
  const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', code, path];
  const [file, ...args] = [...(opts.command ?? []), ...node] as [string, ...string[]];
  const r = spawnSync(file, args, {
    encoding: 'utf8',
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
  });
  return {
    status: r.status,
    stderr: r.stderr,
    lines: r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** A read-only file system mounted on `dir`, seen only by the command after it (a private mount namespace). */
const readOnlyMount = (dir: string) => [
  'unshare',
  '--map-root-user',
  '--mount',
  'sh',
  '-c',
  'mount -t tmpfs -o ro tmpfs "$0" && exec "$@"',
  dir,
];
const canMountReadOnly = (() => {
  const [file, ...args] = readOnlyMount(tempDir()) as [string, ...string[]];
  return spawnSync(file, [...args, 'true']).status === 0;
})();

/** Someone other than root, for whom file permissions hold: this process, or `nobody` when it is root. */
const unprivileged = process.getuid?.() === 0 ? 65534 : undefined;
/** Whether that user can run the child at all (read this checkout). */
const canRunUnprivileged = openInChild(':memory:', { uid: unprivileged }).status === 0;

describe('the feedback store when the database cannot be written', () => {
  it.runIf(canMountReadOnly)('names EROFS and the read-only folder when the disk is read-only', () => {
    for (const inner of ['bot.db', 'data/bot.db']) {
      const dir = tempDir();
      const path = join(dir, inner);
      const r = openInChild(path, { command: readOnlyMount(dir) });
      expect(r.stderr).toBe('');
      expect(r.lines, inner).toHaveLength(1);
      expect(r.lines[0], inner).toMatchObject({ level: 'error', path, op: 'open' });
      expect(r.lines[0]?.reason, inner).toBe(`EROFS: read-only file system: cannot write the folder ${dir}`);
    }
  });

  it.runIf(canRunUnprivileged)('names EACCES and the folder when this user may not write there', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    for (const inner of ['bot.db', 'data/bot.db']) {
      const path = join(dir, 'locked', inner);
      const r = openInChild(path, { uid: unprivileged });
      expect(r.stderr, inner).toBe('');
      expect(r.lines, inner).toHaveLength(1);
      expect(r.lines[0]?.reason, inner).toBe(
        `EACCES: permission denied: cannot write the folder ${join(dir, 'locked')}`,
      );
    }
  });

  it.runIf(canRunUnprivileged)('names EACCES and the file when the database file is read-only', () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const path = join(dir, 'bot.db');
    store({ path, logger: harness().logger }).close();
    chmodSync(path, 0o444);
    const r = openInChild(path, { uid: unprivileged });
    expect(r.stderr).toBe('');
    expect(r.lines[0]?.reason).toBe(`EACCES: permission denied: cannot write the file ${path}`);
  });

  const unwritable = (): [string, string][] => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    mkdirSync(join(dir, 'bot.db')); // the database path is a folder
    return [
      ['a path under /dev/null', '/dev/null/x.db'],
      ['a path whose parent is a regular file', join(dir, 'a-file', 'bot.db')],
      ['a database path that is a folder', join(dir, 'bot.db')],
    ];
  };

  for (const [what, path] of unwritable()) {
    it(`never throws and logs one line across many writes (${what})`, () => {
      const h = harness();
      const s = store({ path, logger: h.logger, now: h.now });
      for (let i = 0; i < 50; i++) {
        expect(s.recordAnswer({ question: `q${i}`, answer: NO_MATCH, channelKind: 'dm' })).toBeNull();
        expect(s.vote('abc', USER, 1)).toBeNull();
        h.advance(10_000); // retries every 60 s fail quietly
      }
      expect(s.gaps()).toEqual({ unanswered: [], disliked: [] });
      expect(s.healthy).toBe(false);
      expect(h.lines).toHaveLength(1);
      expect(h.lines[0]).toMatchObject({ level: 'error', path, op: 'open' });
      expect(h.lines[0]?.reason).toEqual(expect.any(String));
      expect(h.lines[0]?.reason).not.toBe('');
    });
  }

  it('retries after the backoff and logs once when it recovers', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data'), 'a file where the data folder should be');
    const path = join(dir, 'data', 'bot.db');
    const h = harness('debug');
    const s = store({ path, logger: h.logger, now: h.now, retryAfterMs: 60_000 });
    expect(s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' })).toBeNull();
    h.advance(30_000);
    expect(s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' })).toBeNull();
    expect(h.lines.map((l) => l.level)).toEqual(['error']); // no retry before the backoff

    h.advance(31_000); // a retry that fails again: debug only
    expect(s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' })).toBeNull();
    expect(h.lines.map((l) => l.level)).toEqual(['error', 'debug']);

    rmSync(join(dir, 'data')); // the operator fixes it
    h.advance(1_000);
    expect(s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' })).toBeNull(); // still backing off
    h.advance(60_000);
    expect(s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' })).toMatch(/^[\w-]{12}$/);
    expect(s.healthy).toBe(true);
    expect(h.lines.map((l) => l.level)).toEqual(['error', 'debug', 'info']);
    expect(h.lines[2]).toMatchObject({ msg: 'storage recovered', droppedWrites: 4 });
  });

  it('survives a database locked by another process and recovers when the lock is released', () => {
    const path = join(tempDir(), 'bot.db');
    const h = harness();
    const s = store({ path, logger: h.logger, now: h.now });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock
    for (let i = 0; i < 20; i++) {
      expect(s.recordAnswer({ question: `q${i}`, answer: NO_MATCH, channelKind: 'guild' })).toBeNull();
    }
    expect(h.lines).toHaveLength(1);
    expect(h.lines[0]).toMatchObject({ level: 'error', op: 'recordAnswer' });
    expect(String(h.lines[0]?.reason)).toMatch(/SQLITE_BUSY|locked/);
    other.exec('ROLLBACK');
    other.close();
    h.advance(60_000);
    expect(s.recordAnswer({ question: 'again', answer: NO_MATCH, channelKind: 'guild' })).not.toBeNull();
    expect(h.lines.map((l) => l.msg)).toEqual([
      'storage unavailable: feedback is not recorded until it recovers',
      'storage recovered',
    ]);
  });

  it('refuses, without throwing, a database written by a newer version', () => {
    const path = join(tempDir(), 'bot.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const h = harness();
    const s = store({ path, logger: h.logger });
    expect(s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' })).toBeNull();
    expect(String(h.lines[0]?.reason)).toMatch(/newer/);
  });
});

describe('the feedback store for health, metrics and logs', () => {
  it('checks that the database takes a write, and says why not while it is down', () => {
    const h = harness();
    expect(store({ path: join(tempDir(), 'bot.db'), logger: h.logger }).check()).toEqual({ ok: true });
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const down = store({ path: join(dir, 'a-file', 'bot.db'), logger: h.logger, now: h.now });
    expect(down.check()).toEqual({ ok: false, reason: expect.stringMatching(/EEXIST|ENOTDIR/) });
  });

  it('counts failed operations and the writes dropped while down', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const h = harness();
    const s = store({ path: join(dir, 'a-file', 'bot.db'), logger: h.logger, now: h.now });
    for (let i = 0; i < 3; i++) s.recordAnswer({ question: 'q', answer: NO_MATCH, channelKind: 'dm' });
    expect(s.stats).toEqual({ errors: 1, droppedWrites: 3 });
  });

  it('hashes a user id as its votes do, with the key kept in the database', () => {
    const path = join(tempDir(), 'bot.db');
    const s = store({ path, logger: harness().logger });
    const id = s.recordAnswer({ question: 'q', answer: ANSWERED, channelKind: 'guild' }) as string;
    s.vote(id, USER, 1);
    const db = new Database(path, { readonly: true });
    const { user_hash } = db.prepare('SELECT user_hash FROM votes').get() as { user_hash: string };
    db.close();
    expect(s.hashUserId(USER)).toBe(user_hash);
  });
});

describe('the feedback store with RETENTION_DAYS', () => {
  /** A database with one question a day for ten days, the last (with a vote) on 2025-03-10. */
  function tenDays(): { path: string; clock: ReturnType<typeof harness> } {
    const path = join(tempDir(), 'bot.db');
    const clock = harness();
    const s = store({ path, logger: clock.logger, now: clock.now });
    let last = '';
    for (let day = 1; day <= 10; day++) {
      last = s.recordAnswer({ question: `day ${day}`, answer: ANSWERED, channelKind: 'guild' }) as string;
      s.vote(last, USER, 1);
      clock.advance(24 * 60 * 60 * 1000);
    }
    s.close();
    return { path, clock };
  }
  const questions = (path: string) => {
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT question FROM answers ORDER BY created_at').all() as {
      question: string;
    }[];
    const votes = (db.prepare('SELECT COUNT(*) AS n FROM votes').get() as { n: number }).n;
    db.close();
    return { questions: rows.map((r) => r.question), votes };
  };

  it('deletes questions older than N days, and their votes, when it opens', () => {
    const { path, clock } = tenDays(); // now: the day after the tenth question
    const h = harness();
    store({ path, logger: h.logger, now: clock.now, retentionDays: 3, every: () => () => {} });
    expect(questions(path)).toEqual({ questions: ['day 8', 'day 9', 'day 10'], votes: 3 });
    expect(h.lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'retention: old questions deleted',
        deleted: 7,
        retentionDays: 3,
      }),
    ]);
  });

  it('deletes again each day while it runs, and stops when closed', () => {
    const { path, clock } = tenDays();
    let daily: (() => void) | undefined;
    let interval = 0;
    let stopped = false;
    const s = store({
      path,
      logger: harness().logger,
      now: clock.now,
      retentionDays: 5,
      every: (ms, fn) => {
        interval = ms;
        daily = fn;
        return () => (stopped = true);
      },
    });
    expect(interval).toBe(24 * 60 * 60 * 1000);
    expect(questions(path).questions).toHaveLength(5);
    clock.advance(2 * 24 * 60 * 60 * 1000);
    daily?.();
    expect(questions(path).questions).toEqual(['day 8', 'day 9', 'day 10']);
    s.close();
    expect(stopped).toBe(true);
  });

  it('keeps every question without a retention setting', () => {
    const { path, clock } = tenDays();
    clock.advance(1000 * 24 * 60 * 60 * 1000);
    store({ path, logger: harness().logger, now: clock.now });
    expect(questions(path).questions).toHaveLength(10);
  });
});
