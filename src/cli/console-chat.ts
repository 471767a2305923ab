/** The local console chat: the same answers as the bot, without Discord. */
import { createInterface } from 'node:readline';
import type { Engine } from '../engine/engine.ts';
import { renderAnswerText } from '../engine/render.ts';
import { terminalText } from '../util/terminal-text.ts';

/** What `help` shows: the subject from the knowledge base, then examples. */
export function consoleHelp(engine: Engine): string {
  return `Ask a question about ${engine.kb.about.subject}, e.g.
  How many industrial parks does Iran have?
  Who is Ali Rasoulian?
  armenia mou
  summarise the Korea article
  Which news agency reported the Armenia MOU?
Commands: help (this text), sources (the articles), quit (or exit, Ctrl-D).`;
}

/** What the console prints for a line typed: null to quit. Control characters show escaped. */
export function consoleReply(engine: Engine, line: string): string | null {
  const reply = replyTo(engine, line);
  return reply === null ? null : terminalText(reply);
}

function replyTo(engine: Engine, line: string): string | null {
  const input = line.trim();
  const command = input.toLowerCase();
  if (command === 'quit' || command === 'exit') return null;
  if (command === 'help' || command === '?') return consoleHelp(engine);
  if (command === 'sources') {
    return engine.kb.articles
      .map((a) => `• ${a.title} — ${a.outlet}, ${a.date ?? 'undated'} [${a.id}]`)
      .join('\n');
  }
  if (input === '') return '';
  return renderAnswerText(engine.answer(line));
}

export async function runConsoleChat(
  engine: Engine,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const rl = createInterface({ input, output, terminal: Boolean((input as { isTTY?: boolean }).isTTY) });
  const write = (text: string) => output.write(text + '\n');
  write(
    `Iran SME knowledge bot — console chat (${engine.facts.length} facts from ${engine.kb.articles.length} articles).`,
  );
  write('Type a question, "help" or "quit".');
  rl.setPrompt('> ');
  rl.prompt();
  for await (const line of rl) {
    const reply = consoleReply(engine, line);
    if (reply === null) break;
    if (reply) write(reply + '\n');
    rl.prompt();
  }
  rl.close();
  write('Bye.');
}
