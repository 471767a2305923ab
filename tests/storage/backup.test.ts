import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { BackupError, backupDatabase } from '../../src/storage/backup.ts';
import { openStore } from '../../src/storage/store.ts';

const NO_MATCH = { status: 'no_match' as const, factIds: [], score: 0.2 };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kb-backup-'));
}

/** A store's database with `n` questions, closed. */
function seeded(n: number): string {
  const path = join(tempDir(), 'bot.db');
  const s = openStore({ path, logger: createLogger('silent') });
  for (let i = 0; i < n; i++) s.recordAnswer({ question: `q${i}`, answer: NO_MATCH, channelKind: 'guild' });
  s.close();
  return path;
}

/**
 * Another process writing the database as the bot does (one question a transaction, WAL mode), until
 * killed; it prints each row's sequence number after its commit.
 */
const WRITER = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 250');
  const insert = db.prepare("INSERT INTO answers (id, created_at, question, status, fact_ids, score, channel_kind) VALUES (?, ?, ?, 'no_match', '[]', 0, 'guild')");
  let i = 0;
  const step = () => { for (let k = 0; k < 20; k++) { i++; insert.run('writer-' + i, new Date().toISOString(), 'written ' + i); } process.stdout.write(i + '\\n'); setImmediate(step); };
  step();
`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('the database backup', () => {
  it('copies a database being written by another process into a consistent, complete file', async () => {
    const path = seeded(50);
    const writer = spawn(process.execPath, ['-e', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(writer);
    let written = 0;
    writer.stdout.on('data', (d: Buffer) => {
      const last = d.toString().trim().split('\n').at(-1);
      if (last) written = Number(last);
    });
    while (written < 500) await new Promise((r) => setTimeout(r, 10));
    const before = written;

    const target = join(tempDir(), 'backup.db');
    const summary = await backupDatabase(path, target);
    // The writer was never locked out: it goes on writing (its output can lag the backup's end, so wait for it).
    const deadline = Date.now() + 5000;
    while (written <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(written).toBeGreaterThan(before);
    writer.kill('SIGKILL');

    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    const rows = copy.prepare("SELECT id FROM answers WHERE id LIKE 'writer-%'").all() as { id: string }[];
    copy.close();
    // One moment's database: the writer's rows 1..k with none missing, k at least what it had reported before.
    const seq = rows.map((r) => Number(r.id.slice('writer-'.length))).sort((a, b) => a - b);
    expect(seq.length).toBeGreaterThanOrEqual(before);
    expect(seq).toEqual(Array.from({ length: seq.length }, (_, i) => i + 1));
    expect(summary.answers).toBe(50 + seq.length);
    expect(readdirSync(join(target, '..'))).toEqual(['backup.db']); // no temporary file left
  });

  it('refuses to overwrite a file, and leaves it as it was', async () => {
    const path = seeded(1);
    const target = join(tempDir(), 'exists.db');
    writeFileSync(target, 'keep me');
    await expect(backupDatabase(path, target)).rejects.toThrow(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('says so when there is no database, or the file is not one of the bot’s', async () => {
    const dir = tempDir();
    await expect(backupDatabase(join(dir, 'none.db'), join(dir, 'b.db'))).rejects.toThrow(BackupError);
    const empty = join(dir, 'empty.db');
    new Database(empty).close();
    await expect(backupDatabase(empty, join(dir, 'b.db'))).rejects.toThrow(/not the bot's database/);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
  });

  it('refuses to back a database up onto itself', async () => {
    const path = seeded(1);
    await expect(backupDatabase(path, path)).rejects.toThrow(/must not be the database itself/);
  });
});
