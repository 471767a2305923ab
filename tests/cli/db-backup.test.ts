import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDbBackup, USAGE } from '../../src/cli/db-backup.ts';
import { createLogger } from '../../src/logger.ts';
import { openStore } from '../../src/storage/store.ts';

function seeded(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'kb-db-backup-')), 'bot.db');
  const s = openStore({ path, logger: createLogger('silent') });
  s.recordAnswer({ question: 'q', answer: { status: 'no_match', factIds: [], score: 0 }, channelKind: 'dm' });
  s.close();
  return path;
}

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDbBackup({ args, env, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run db:backup', () => {
  it('backs up DATABASE_PATH to the file given and prints a summary', async () => {
    const db = seeded();
    const target = join(mkdtempSync(join(tmpdir(), 'kb-db-backup-')), 'copy.db');
    const r = await run([target], { DATABASE_PATH: db });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(
      /^Backed up .*bot\.db to .*copy\.db: 1 questions, 0 votes, \d+ KB, integrity ok, in \d+ ms\.$/,
    );
  });

  it('takes the database from --db before DATABASE_PATH', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'kb-db-backup-')), 'copy.db');
    const r = await run([target, '--db', seeded()], { DATABASE_PATH: '/nowhere/bot.db' });
    expect(r.code).toBe(0);
  });

  it('exits 2 with the usage without exactly one file, or with an unknown option', async () => {
    for (const args of [[], ['a.db', 'b.db'], ['a.db', '--force']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(USAGE);
    }
  });

  it('exits 1 with a plain message when there is no database', async () => {
    const r = await run(['copy.db'], { DATABASE_PATH: '/nowhere/bot.db' });
    expect(r).toMatchObject({
      code: 1,
      err: 'No database at /nowhere/bot.db (set DATABASE_PATH or pass --db).',
    });
  });

  it('runs as an npm script', () => {
    const target = join(mkdtempSync(join(tmpdir(), 'kb-db-backup-')), 'copy.db');
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'db-backup', target], {
      env: { ...process.env, DATABASE_PATH: seeded() },
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('integrity ok');
  });
});
