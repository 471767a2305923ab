/**
 * The Discord round trip: the real bot (createBot with every command, REST pointed at the fake)
 * against the fake Discord on 127.0.0.1, each question timed by tinybench from the moment it is
 * sent to the moment the fake has recorded the bot's reply. Questions alternate /ask and @mention;
 * they are the benchmark's own (paraphrases with typos of the knowledge base's questions, and
 * off-topic ones), on knowledge/ or KNOWLEDGE_DIR. The per-user cooldown is lifted.
 *
 *   npx tsx tests/e2e/roundtrip-bench.ts [--n 60] [--json]
 *
 * `npm run bench` runs it with --json and puts the figures in its table; `npm run bench:discord`
 * runs it alone. Stops by itself: a timeout per reply and a deadline for the whole run.
 */
import { parseArgs } from 'node:util';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { commands } from '../../commands/index.ts';
import { time } from '../../src/bench/measure.ts';
import { benchQuestions } from '../../src/bench/questions.ts';
import { parseConfig } from '../../src/config.ts';
import { createBot } from '../../src/discord/bot.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { DEFAULT_KNOWLEDGE_DIR, buildEngine } from '../../src/knowledge/build.ts';
import { loadKnowledgeBase } from '../../src/knowledge/load.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeDiscord } from './fake-discord.ts';

const REPLY_TIMEOUT_MS = 5000;
const WARMUP = 5;

const { values } = parseArgs({
  options: { n: { type: 'string', default: '60' }, json: { type: 'boolean', default: false } },
});
const n = Number(values.n);
if (!Number.isInteger(n) || n < 1) {
  console.error(`--n takes a whole number of questions ≥ 1, got "${values.n}"`);
  process.exit(2);
}
const deadline = setTimeout(() => {
  console.error('round trip: no result after 120 s, giving up');
  process.exit(1);
}, 120_000).unref();

const kb = loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR);
const questions = benchQuestions(kb, n + WARMUP, 7).map((q) => q.text);
const fake = await FakeDiscord.start();
const bot = createBot({
  config: parseConfig({ DISCORD_TOKEN: 'fake.token.value', LOG_LEVEL: 'silent' }),
  engine: buildEngine(kb),
  logger: createLogger('silent'),
  rest: { api: fake.apiUrl },
  commands,
  cooldown: new Cooldown({ limit: Number.MAX_SAFE_INTEGER, windowMs: 1 }),
});

/** Asks question `i` (/ask for even i, @mention for odd) and waits for the bot's reply. */
async function ask(i: number): Promise<void> {
  const question = questions[i % questions.length] as string;
  if (i % 2 === 0) {
    const value = { type: ApplicationCommandOptionType.String as const, name: 'question', value: question };
    await fake
      .sendInteraction({ type: 'command', name: 'ask', options: [value] })
      .waitForReply(REPLY_TIMEOUT_MS);
    return;
  }
  const since = fake.requests.length;
  const sent = fake.sendMessage({ content: `<@${fake.bot.id}> ${question}` });
  await fake.waitForRequest((r) => {
    const ref = (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference;
    return r.index >= since && r.kind === 'channel-message' && r.status < 300 && ref?.message_id === sent.id;
  }, REPLY_TIMEOUT_MS);
}

let code = 0;
try {
  await bot.start();
  let next = 0;
  const t = await time(() => ask(next++), { iterations: n, warmup: WARMUP, async: true });
  if (values.json) console.log(JSON.stringify(t));
  else
    console.log(
      `Discord round trip (${t.n} questions, /ask and @mention): ` +
        `p50 ${t.p50.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`,
    );
} catch (err) {
  console.error(`round trip failed: ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await bot.stop();
  await fake.stop();
  clearTimeout(deadline);
}
process.exitCode = code;
// Everything is closed; if some handle still keeps the process alive, do not hang.
setTimeout(() => process.exit(code), 2000).unref();
