/**
 * `npm run db:backup -- <file> [--db path]`: a consistent copy of the feedback database (DATABASE_PATH,
 * default ./data/bot.db) while the bot runs; see src/storage/backup.ts. Refuses to overwrite a file.
 * Exits 0 with a one-line summary, 1 when the backup fails, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase } from '../storage/backup.ts';
import { DEFAULT_DATABASE_PATH } from '../storage/store.ts';
import { isMain } from '../util/is-main.ts';

export const USAGE = 'usage: npm run db:backup -- <backup-file> [--db path/to/bot.db]';

export interface DbBackupOptions {
  args: string[];
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

export async function runDbBackup(o: DbBackupOptions): Promise<number> {
  let target: string | undefined;
  let db: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: o.args,
      options: { db: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length !== 1) throw new Error('give exactly one backup file');
    target = positionals[0];
    db = values.db;
  } catch (e) {
    o.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const source = db ?? (o.env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH);
  try {
    const s = await backupDatabase(source, target as string);
    o.out(
      `Backed up ${s.source} to ${s.target}: ${s.answers} questions, ${s.votes} votes, ` +
        `${kb(s.bytes)}, integrity ok, in ${s.ms} ms.`,
    );
    return 0;
  } catch (e) {
    const message = e instanceof BackupError ? e.message : `Backup failed: ${(e as Error).message}`;
    o.err(message);
    return 1;
  }
}

if (isMain(import.meta.url)) {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  process.exitCode = await runDbBackup({
    args: process.argv.slice(2),
    env: process.env,
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  });
}
