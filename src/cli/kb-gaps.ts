/**
 * `npm run kb:gaps [-- --json] [--limit 20] [--db path] [--since 2025-01-01]`: what curators should
 * do next — the most-asked questions the bot could not answer (near-duplicates grouped, see
 * src/storage/gaps.ts), then the most-disliked answers. Reads the feedback database (DATABASE_PATH,
 * default ./data/bot.db) read-only. Exits 1 when there is no database yet or an option is wrong.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import {
  DEFAULT_DATABASE_PATH,
  queryGaps,
  queryTotals,
  SCHEMA_VERSION,
  type Gaps,
} from '../storage/store.ts';
import { isMain } from '../util/is-main.ts';
import { terminalJson, terminalLine, terminalText } from '../util/terminal-text.ts';

export interface KbGapsOptions {
  db: string;
  limit: number;
  json: boolean;
  since?: string | undefined;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface GapsReport extends Gaps {
  database: string;
  since: string | null;
  totals: { answers: number; unanswered: number; votes: number };
}

/** Reads the report; throws an Error with a message for a person when the file is missing or foreign. */
export function readGapsReport(path: string, limit: number, since?: string): GapsReport {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new Error(
      `No feedback database at ${path} yet. The bot creates it when it records its first answer; ` +
        'point to another file with --db or DATABASE_PATH.',
    );
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) {
      throw new Error(
        version === 0
          ? `${path} is not a feedback database (no schema).`
          : `${path} has schema version ${version}; this tool reads version ${SCHEMA_VERSION}. ` +
              (version < SCHEMA_VERSION ? 'Start the bot once to migrate it.' : 'Update this checkout.'),
      );
    }
    return {
      database: path,
      since: since ?? null,
      totals: queryTotals(db),
      ...queryGaps(db, { limit, ...(since ? { since } : {}) }),
    };
  } finally {
    db.close();
  }
}

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const quote = (s: string) => `“${s.length > 100 ? s.slice(0, 99) + '…' : s}”`;

/** The report as lines of text; the questions are Discord users' text, so control characters show escaped. */
export function formatGapsReport(r: GapsReport): string[] {
  const lines: string[] = [];
  lines.push(
    `Feedback database ${r.database}: ${r.totals.answers} questions recorded, ` +
      `${r.totals.unanswered} unanswered or low-confidence, ${r.totals.votes} votes` +
      (r.since ? ` (report since ${r.since})` : '') +
      '.',
  );
  lines.push('');
  lines.push('Unanswered questions, most asked first (near-duplicates grouped):');
  if (r.unanswered.length === 0) lines.push('  none — nothing to add.');
  r.unanswered.forEach((g, i) => {
    lines.push(`  ${i + 1}. ${g.count}× (last ${day(g.lastSeen)} UTC) ${quote(g.question)}`);
    const others = g.examples.filter((e) => e !== g.question);
    if (others.length > 0) lines.push(`     also asked as: ${others.map(quote).join(', ')}`);
  });
  if (r.unanswered.length > 0) {
    lines.push(
      '  → if the articles cover them, add facts or questions/keywords (knowledge/facts/), then npm run kb:check.',
    );
  }
  lines.push('');
  lines.push('Most-disliked answers:');
  if (r.disliked.length === 0) lines.push('  none — no 👎 votes.');
  r.disliked.forEach((d, i) => {
    const facts = d.factIds.length > 0 ? d.factIds.join(', ') : '(no fact: the "not covered" reply)';
    lines.push(`  ${i + 1}. ${d.down} down / ${d.up} up (last ${day(d.lastSeen)} UTC) facts: ${facts}`);
    lines.push(`     e.g. ${quote(d.question)}`);
  });
  if (r.disliked.length > 0) {
    lines.push(
      "  → review these facts' answer text, questions and keywords: wrong fact, or an unclear answer?",
    );
  }
  return lines.map(terminalLine);
}

export function runKbGaps(o: KbGapsOptions): number {
  let report: GapsReport;
  try {
    report = readGapsReport(o.db, o.limit, o.since);
  } catch (e) {
    const message = (e as Error).message;
    if (o.json) o.out(terminalJson({ error: message, database: o.db }));
    else o.err(terminalLine(message));
    return 1;
  }
  if (o.json) o.out(terminalJson(report));
  else for (const line of formatGapsReport(report)) o.out(line);
  return 0;
}

/** Parses the command line; returns an error message for a bad option. */
export function parseKbGapsArgs(
  args: string[],
  env: NodeJS.ProcessEnv,
): { db: string; limit: number; json: boolean; since?: string } | string {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        limit: { type: 'string', default: '20' },
        db: { type: 'string' },
        since: { type: 'string' },
      },
    }));
  } catch (e) {
    return `${(e as Error).message}\nusage: npm run kb:gaps [-- --json] [--limit 20] [--db path] [--since YYYY-MM-DD]`;
  }
  if (!/^[1-9]\d*$/.test(values.limit ?? ''))
    return `--limit must be a positive integer, not "${values.limit}"`;
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
    return `--since must be a date (YYYY-MM-DD), not "${values.since}"`;
  }
  const db = values.db ?? (env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH);
  return {
    db,
    limit: Number(values.limit),
    json: values.json ?? false,
    ...(values.since ? { since: values.since } : {}),
  };
}

if (isMain(import.meta.url)) {
  const dotenv = await import('dotenv');
  dotenv.config({ quiet: true });
  const parsed = parseKbGapsArgs(process.argv.slice(2), process.env);
  if (typeof parsed === 'string') {
    console.error(terminalText(parsed));
    process.exitCode = 1;
  } else {
    process.exitCode = runKbGaps({
      ...parsed,
      out: (l) => console.log(l),
      err: (l) => console.error(l),
    });
  }
}
