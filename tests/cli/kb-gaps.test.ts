import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKbGapsArgs, runKbGaps, type GapsReport } from '../../src/cli/kb-gaps.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/storage/store.ts';

const NO_MATCH = { status: 'no_match' as const, factIds: [], score: 0.1 };

/** Any C0 control but line feed, DEL or C1 control: what a terminal would obey. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** A database with a few unanswered questions and votes, as the bot would leave it. */
function seededDb(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kb-gaps-')), 'bot.db');
  let t = Date.parse('2025-03-01T09:00:00.000Z');
  const s = openStore({ path, logger: createLogger('silent'), now: () => new Date((t += 60_000)) });
  for (const q of ['What is the GDP of Iran?', 'iran gdp', "Iran's GDP", 'gdp of iran?']) {
    s.recordAnswer({ question: q, answer: NO_MATCH, channelKind: 'guild' });
  }
  s.recordAnswer({ question: 'who is the minister of industry', answer: NO_MATCH, channelKind: 'dm' });
  const parks = { status: 'answered' as const, factIds: ['parks-900', 'parks-800'], score: 0.8 };
  const a = s.recordAnswer({ question: 'how many parks', answer: parks, channelKind: 'guild' }) as string;
  const b = s.recordAnswer({
    question: 'number of industrial parks',
    answer: parks,
    channelKind: 'dm',
  }) as string;
  s.vote(a, '111111111111111111', -1);
  s.vote(b, '222222222222222222', -1);
  s.vote(b, '333333333333333333', 1);
  s.close();
  return path;
}

function run(args: { db: string; json?: boolean; limit?: number }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runKbGaps({
    db: args.db,
    json: args.json ?? false,
    limit: args.limit ?? 20,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

describe('kb:gaps', () => {
  it('prints the most-asked unanswered questions, grouped, then the most-disliked answers', () => {
    const r = run({ db: seededDb() });
    expect(r.code).toBe(0);
    expect(r.out).toContain('7 questions recorded, 5 unanswered or low-confidence, 3 votes');
    expect(r.out).toMatch(/1\. 4× \(last 2025-03-01 09:04 UTC\) “gdp of iran\?”/);
    expect(r.out).toMatch(/also asked as: “Iran's GDP”, “iran gdp”$/m);
    expect(r.out).toMatch(/2\. 1× \(last 2025-03-01 09:05 UTC\) “who is the minister of industry”/);
    expect(r.out).toMatch(
      /Most-disliked answers:\n {2}1\. 2 down \/ 1 up \(last 2025-03-01 09:10 UTC\) facts: parks-900, parks-800/,
    );
    expect(r.out).toContain('e.g. “number of industrial parks”');
  });

  it('prints one JSON object with --json', () => {
    const r = run({ db: seededDb(), json: true, limit: 1 });
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const report = JSON.parse(r.out) as GapsReport;
    expect(report.totals).toEqual({ answers: 7, unanswered: 5, votes: 3 });
    expect(report.unanswered).toEqual([
      {
        question: 'gdp of iran?',
        count: 4,
        lastSeen: '2025-03-01T09:04:00.000Z',
        examples: ['gdp of iran?', "Iran's GDP", 'iran gdp'],
      },
    ]);
    expect(report.disliked).toEqual([
      {
        factIds: ['parks-900', 'parks-800'],
        question: 'number of industrial parks',
        down: 2,
        up: 1,
        lastSeen: '2025-03-01T09:10:00.000Z', // the last vote
      },
    ]);
  });

  it("shows the escape sequences in a Discord user's question as visible text, never raw", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kb-gaps-')), 'bot.db');
    const s = openStore({ path, logger: createLogger('silent') });
    const typed =
      '\u001b[2J\u001b]0;owned\u0007\u001b]8;;http://x.test\u001b\\gdp\u001b]8;;\u001b\\\u009b31m\rfake line';
    const id = s.recordAnswer({ question: typed, answer: NO_MATCH, channelKind: 'guild' }) as string;
    s.vote(id, '111111111111111111', -1);
    s.close();

    const text = run({ db: path });
    expect(text.code).toBe(0);
    expect(text.out).not.toMatch(RAW_CONTROL);
    expect(text.out).toContain('“\\x1b[2J\\x1b]0;owned\\x07\\x1b]8;;http://x.test\\x1b\\gdp');
    expect(text.out).toContain('\\x9b31m\\x0dfake line”');

    const json = run({ db: path, json: true });
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect((JSON.parse(json.out) as GapsReport).unanswered[0]?.question).toBe(typed);
  });

  it('says clearly when the database does not exist yet', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'kb-gaps-')), 'none.db');
    const r = run({ db });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No feedback database at .*none\.db yet/);
    const j = run({ db, json: true });
    expect(j.code).toBe(1);
    expect(JSON.parse(j.out)).toMatchObject({ error: expect.stringMatching(/No feedback database/) });
  });

  it('reads --limit, --db and DATABASE_PATH, and rejects a bad limit', () => {
    expect(parseKbGapsArgs([], {})).toEqual({ db: './data/bot.db', limit: 20, json: false });
    expect(parseKbGapsArgs(['--json', '--limit', '5'], { DATABASE_PATH: '/x/y.db' })).toEqual({
      db: '/x/y.db',
      limit: 5,
      json: true,
    });
    expect(parseKbGapsArgs(['--db', 'a.db'], { DATABASE_PATH: '/x/y.db' })).toMatchObject({ db: 'a.db' });
    expect(parseKbGapsArgs(['--limit', '0'], {})).toMatch(/--limit must be a positive integer/);
    expect(parseKbGapsArgs(['--nope'], {})).toMatch(/usage: npm run kb:gaps/);
  });

  it('runs as a command and prints JSON on stdout only', () => {
    const db = seededDb();
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'kb-gaps', '--json', '--db', db], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as GapsReport).unanswered[0]?.count).toBe(4);
  });
});
