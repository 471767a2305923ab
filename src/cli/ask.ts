/**
 * `npm run ask -- "question"` answers once. `--json` prints one JSON object; with `-` in place
 * of the question it reads one question a line from standard input and answers each, in order.
 * For clean JSON on stdout use `npm run -s ask -- --json …` (npm prints a banner otherwise).
 */
import { parseArgs } from 'node:util';
import type { Engine } from '../engine/engine.ts';
import { renderAnswerText } from '../engine/render.ts';
import { parseConfig } from '../config.ts';
import { openEngineCached, snapshotDirFor } from '../knowledge/snapshot.ts';
import { answerToJson } from './answer-json.ts';
import { isMain } from '../util/is-main.ts';
import { terminalJson, terminalText } from '../util/terminal-text.ts';

const USAGE = `Usage: npm run ask -- [--json [--explain]] "your question"
       npm run ask -- [--json [--explain]] -        (one question a line from standard input)
--explain adds a "trace" field: the candidate facts, each check's verdict, the decision.`;

/** The answer as printed: JSON or text, control characters escaped (see terminal-text.ts). */
export function formatAnswer(engine: Engine, question: string, json: boolean, explain = false): string {
  const answer = engine.answer(question, { explain });
  return json ? terminalJson(answerToJson(answer, explain)) : terminalText(renderAnswerText(answer));
}

/**
 * The lines of a stream, split on LF and CRLF only: a lone CR stays in its line (readline would
 * end a line there too). The last line counts without a line break after it.
 */
export async function* linesOf(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const line = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);
  let rest = '';
  for await (const chunk of input.setEncoding('utf8')) {
    const parts = (rest + String(chunk)).split('\n');
    rest = parts.pop() as string;
    for (const part of parts) yield line(part);
  }
  if (rest !== '') yield rest;
}

export async function runAsk(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    console.error(terminalText(`${(err as Error).message}\n${USAGE}`));
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`No question given.\n${USAGE}`);
    return 2;
  }
  const json = values.json ?? false;
  const explain = values.explain ?? false;
  if (explain && !json) {
    console.error(`--explain goes with --json.
${USAGE}`);
    return 2;
  }
  const config = parseConfig(process.env);
  const engine = await openEngineCached(config.KNOWLEDGE_DIR, {
    snapshot: { dir: snapshotDirFor(config.CACHE_DIR) },
  });
  if (positionals.length === 1 && positionals[0] === '-') {
    for await (const line of linesOf(process.stdin)) {
      process.stdout.write(formatAnswer(engine, line, json, explain) + (json ? '\n' : '\n\n'));
    }
    return 0;
  }
  console.log(formatAnswer(engine, positionals.join(' '), json, explain));
  return 0;
}

if (isMain(import.meta.url)) {
  // A reader that goes away (`… | head -1`) is no error: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  runAsk(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(`ask failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
