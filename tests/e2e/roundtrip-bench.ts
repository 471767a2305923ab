/**
 * Round-trip benchmark of the real Discord bot against the fake Discord (a script, not a vitest test).
 *
 *   npx tsx tests/e2e/roundtrip-bench.ts [--n 300] [--warmup 20] [--timeout 120] [--json]
 *
 * Starts FakeDiscord and the bot (createBot, REST pointed at the fake), then asks `--n` questions one
 * after another, alternating /ask slash commands and @mention messages, drawn in a fixed order from a
 * fixed list of answered and refused questions. For each it measures:
 *   - round trip: from the fake's dispatch of INTERACTION_CREATE / MESSAGE_CREATE to the moment the
 *     fake has recorded the bot's reply (the interaction callback, or the reply posted to the channel);
 *   - engine: the time spent in engine.answer during that round trip (the engine is wrapped), checked
 *     against the `latencyMs` the bot logs for each question (the logger writes into memory).
 * The first `--warmup` questions (JIT, first REST calls) are asked the same way but not counted.
 * Prints n, p50, p95, p99 and max of both and their ratio; --json prints one JSON object on stdout.
 * The per-user cooldown is lifted (a bench user asks far faster than the default 5 per 10 s).
 * Stops by itself: a bounded count, a per-reply timeout and an overall deadline. Exits 0 on success,
 * 1 if a reply is missing or wrong, 2 on bad arguments.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { commands } from '../../commands/index.ts';
import { parseConfig } from '../../src/config.ts';
import { createBot, type Bot } from '../../src/discord/bot.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { openEngine } from '../../src/knowledge/open.ts';
import { createLogger } from '../../src/logger.ts';
import { FakeDiscord, type RecordedRequest } from './fake-discord.ts';

/** Answered and refused questions, terse, well-formed and misspelled; asked in this order, cycling. */
const QUESTIONS: readonly string[] = [
  'How many industrial parks does Iran have?',
  'tell me a joke',
  'Who is Ali Rasoulian?',
  'What is the weather in Paris?',
  'armenia mou',
  'How do I reverse a string in Python?',
  'memorandom with armenia investor suport center',
  "What's the population of Brazil?",
  'Who is Artashes Toumanian?',
  'Who is the president of Armenia?',
  'Where will Iran and Armenia set up joint industrial parks?',
  'What were SME exports in 2022?',
  'Who is the head of ISIPO?',
  "What is ISIPO's annual budget?",
  'When were the US sanctions on Iran re-imposed?',
  'How many knowledge-based companies are there in Iran?',
  "how have sanctons affected iran's economy",
  'recommend a good movie for tonight',
  'What does ISIPO stand for?',
  'How many MOUs has ISIPO signed with China?',
  'Who were the seven memorandums signed with?',
  'what time is it in tokyo',
  'how many e-sytems were unvieled on sme day',
  'How many export consortiums does Turkey have?',
  'wat did the industry minstry pay to smes',
  '🤖🤖🤖',
  'Which period does the $1.6 billion export figure cover?',
  'What percentage of SMEs in industrial parks are active?',
  'Is South Korea going to train Iranian SMEs?',
  "What share of South Korea's exports come from SMEs?",
  'south koria mou new technolgies',
  'iran sme exports',
];

type Via = 'ask' | 'mention';

interface Sample {
  i: number;
  via: Via;
  question: string;
  roundTripMs: number;
  engineMs: number;
  engineCalls: number;
  status: string;
  /** REST requests the fake recorded during the round trip (1 = just the reply). */
  requests: number;
  /** discord.js's REST queue held the reply back (its client-side rate limits; the fake sets none). */
  rateLimited: boolean;
}

interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const USAGE =
  'Usage: npx tsx tests/e2e/roundtrip-bench.ts [--n 300] [--warmup 20] [--timeout SECONDS] [--reply-timeout MS] [--json]';

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      n: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '20' },
      timeout: { type: 'string', default: '120' },
      'reply-timeout': { type: 'string', default: '5000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const int = (name: string, v: string, min: number): number => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${v}"`);
    return x;
  };
  return {
    help: values.help ?? false,
    n: int('n', values.n ?? '300', 1),
    warmup: int('warmup', values.warmup ?? '20', 0),
    timeoutMs: int('timeout', values.timeout ?? '120', 1) * 1000,
    replyTimeoutMs: int('reply-timeout', values['reply-timeout'] ?? '5000', 1),
    json: values.json ?? false,
  };
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: sorted.length,
    mean: round(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const deadline = performance.now() + args.timeoutMs;
  const progress = (msg: string) => {
    if (!args.json) process.stderr.write(`${msg}\n`);
  };

  // The engine, wrapped: each answer() call adds its duration to the current question's tally.
  const engine = openEngine();
  const answer = engine.answer.bind(engine);
  let tally = { ms: 0, calls: 0, status: '' };
  engine.answer = (question: string) => {
    const t0 = performance.now();
    const result = answer(question);
    tally.ms += performance.now() - t0;
    tally.calls += 1;
    tally.status = result.status;
    return result;
  };

  // The bot's log lines, kept in memory; `question answered` lines carry latencyMs.
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));

  let fake: FakeDiscord | undefined;
  let bot: Bot | undefined;
  const samples: Sample[] = [];
  const warm: Sample[] = [];
  let failure: Error | undefined;
  let stopDuration = 0;
  let restLimits: { i: number; global: boolean; route: string; timeToReset: number }[] = [];
  try {
    fake = await FakeDiscord.start();
    const f = fake;

    // When the fake dispatched the last event, and when it recorded each request.
    let dispatchedAt = 0;
    const dispatch = f.dispatch.bind(f);
    f.dispatch = (t, d) => {
      dispatchedAt = performance.now();
      return dispatch(t, d);
    };
    const recordedAt = new WeakMap<RecordedRequest, number>();
    const push = f.requests.push.bind(f.requests);
    f.requests.push = (...items: RecordedRequest[]) => {
      const now = performance.now();
      for (const r of items) recordedAt.set(r, now);
      return push(...items);
    };

    bot = createBot({
      config: parseConfig({ DISCORD_TOKEN: 'fake.token.value', LOG_LEVEL: 'silent' }),
      engine,
      logger,
      rest: { api: f.apiUrl },
      commands,
      cooldown: new Cooldown({ limit: Number.MAX_SAFE_INTEGER, windowMs: 1 }),
    });
    let limitedAt = -1;
    let current = -1;
    const limits: { i: number; global: boolean; route: string; timeToReset: number }[] = [];
    bot.client.rest.on('rateLimited', (info) => {
      limitedAt = current;
      limits.push({ i: current, global: info.global, route: info.route, timeToReset: info.timeToReset });
    });
    restLimits = limits;
    await withTimeout(bot.start(), Math.max(1, deadline - performance.now()), 'for the bot to log in');
    progress(`bot ready; asking ${args.warmup} warm-up + ${args.n} questions…`);

    const total = args.warmup + args.n;
    for (let i = 0; i < total; i++) {
      const remaining = deadline - performance.now();
      if (remaining <= 0)
        throw new Error(`overall timeout (${args.timeoutMs / 1000} s) after ${i} questions`);
      const question = QUESTIONS[i % QUESTIONS.length] as string;
      // Alternate the way in, and swap it each pass through the list so every question goes both ways.
      const via: Via = (i + Math.floor(i / QUESTIONS.length)) % 2 === 0 ? 'ask' : 'mention';
      const replyTimeout = Math.min(args.replyTimeoutMs, remaining);
      tally = { ms: 0, calls: 0, status: '' };
      current = i;
      const before = f.requests.length;
      let reply: RecordedRequest;
      if (via === 'ask') {
        const sent = f.sendInteraction({
          type: 'command',
          name: 'ask',
          options: [{ type: ApplicationCommandOptionType.String, name: 'question', value: question }],
        });
        reply = (await sent.waitForReply(replyTimeout)).request;
        if (reply.kind !== 'callback')
          throw new Error(`question ${i}: reply came as ${reply.kind}, not a callback`);
      } else {
        const since = f.requests.length;
        const sent = f.sendMessage({ content: `<@${f.bot.id}> ${question}` });
        reply = await f.waitForRequest(
          (r) =>
            r.index >= since &&
            r.kind === 'channel-message' &&
            r.status < 300 &&
            (r.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
              ?.message_id === sent.id,
          replyTimeout,
        );
      }
      const start = dispatchedAt;
      const end = recordedAt.get(reply);
      if (end === undefined) throw new Error(`question ${i}: reply not timestamped`);
      const body = reply.body as { data?: { embeds?: unknown[] }; embeds?: unknown[] } | undefined;
      const embeds = via === 'ask' ? body?.data?.embeds : body?.embeds;
      if (!embeds?.length) throw new Error(`question ${i} (${via}: ${question}): the reply has no embed`);
      if (tally.calls !== 1)
        throw new Error(`question ${i}: engine.answer ran ${tally.calls} times, not once`);
      const sample: Sample = {
        i,
        via,
        question,
        roundTripMs: end - start,
        engineMs: tally.ms,
        engineCalls: tally.calls,
        status: tally.status,
        requests: reply.index - before + 1,
        rateLimited: limitedAt === i,
      };
      (i < args.warmup ? warm : samples).push(sample);
      if (!args.json && (i + 1) % 100 === 0) progress(`  ${i + 1}/${total}`);
    }
  } catch (e) {
    failure = e as Error;
  } finally {
    const t0 = performance.now();
    try {
      await withTimeout(bot?.stop() ?? Promise.resolve(), 5000, 'stopping the bot');
    } catch (e) {
      failure ??= e as Error;
    }
    try {
      await withTimeout(fake?.stop() ?? Promise.resolve(), 5000, 'stopping the fake');
    } catch (e) {
      failure ??= e as Error;
    }
    stopDuration = performance.now() - t0;
  }

  // Cross-check against what the bot logged for each question.
  const answered = logLines
    .map((l) => JSON.parse(l) as { msg?: string; level?: string; latencyMs?: number })
    .filter((l) => l.msg === 'question answered');
  const loggedLatency = answered
    .slice(warm.length, warm.length + samples.length)
    .map((l) => l.latencyMs ?? NaN);
  const problems = logLines.filter((l) => /"level":"(warn|error)"/.test(l));

  const rt = stats(samples.map((s) => s.roundTripMs));
  const eng = stats(samples.map((s) => s.engineMs));
  const unlimited = samples.filter((s) => !s.rateLimited);
  const rtUnlimited = stats(unlimited.map((s) => s.roundTripMs));
  const outside = stats(samples.map((s) => s.roundTripMs - s.engineMs));
  const share = stats(samples.map((s) => s.engineMs / s.roundTripMs));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  const byVia = (via: Via) => {
    const xs = samples.filter((s) => s.via === via);
    return { roundTripMs: stats(xs.map((s) => s.roundTripMs)), engineMs: stats(xs.map((s) => s.engineMs)) };
  };
  const report = {
    ok: failure === undefined,
    ...(failure ? { error: failure.message } : {}),
    n: samples.length,
    requested: args.n,
    warmup: { n: warm.length, firstRoundTripMs: r3(warm[0]?.roundTripMs ?? NaN) },
    mix: {
      ask: samples.filter((s) => s.via === 'ask').length,
      mention: samples.filter((s) => s.via === 'mention').length,
      answered: samples.filter((s) => s.status === 'answered').length,
      noMatch: samples.filter((s) => s.status === 'no_match').length,
      distinctQuestions: new Set(samples.map((s) => s.question)).size,
    },
    roundTripMs: rt,
    engineMs: eng,
    /** Round trips whose reply discord.js did not hold back for its own rate limits. */
    roundTripNotRateLimitedMs: rtUnlimited,
    restRateLimited: {
      samples: samples.length - unlimited.length,
      events: restLimits.map((l) => ({ ...l, timeToReset: Math.round(l.timeToReset) })),
    },
    outsideEngineMs: outside,
    ratio: {
      /** engine time / round trip, over all samples (sum / sum). */
      total: r3(sum(samples.map((s) => s.engineMs)) / sum(samples.map((s) => s.roundTripMs))),
      /** engine p50 / round-trip p50. */
      p50: r3(eng.p50 / rt.p50),
      /** the per-question share. */
      perQuestion: share,
    },
    byVia: { ask: byVia('ask'), mention: byVia('mention') },
    loggedLatencyMs: { ...stats(loggedLatency), lines: answered.length },
    slowest: [...samples]
      .sort((a, b) => b.roundTripMs - a.roundTripMs)
      .slice(0, 5)
      .map((s) => ({ ...s, roundTripMs: r3(s.roundTripMs), engineMs: r3(s.engineMs) })),
    slowestEngine: [...samples]
      .sort((a, b) => b.engineMs - a.engineMs)
      .slice(0, 5)
      .map((s) => ({ i: s.i, via: s.via, question: s.question, engineMs: r3(s.engineMs), status: s.status })),
    botWarnings: problems.length,
    stopMs: r3(stopDuration),
  };

  if (args.json) console.log(JSON.stringify(report));
  else {
    const fmt = (label: string, s: Stats) =>
      `${label.padEnd(22)} n=${String(s.n).padEnd(4)} p50 ${s.p50.toFixed(3).padStart(8)}  p95 ${s.p95
        .toFixed(3)
        .padStart(8)}  p99 ${s.p99.toFixed(3).padStart(8)}  max ${s.max.toFixed(3).padStart(8)}  (ms)`;
    const lines = [
      `Round trip against the fake Discord: ${report.n} questions (${report.mix.ask} /ask, ${report.mix.mention} @mention; ${report.mix.answered} answered, ${report.mix.noMatch} refused; ${report.mix.distinctQuestions} distinct), after ${warm.length} warm-up`,
      fmt('round trip', rt),
      fmt('  not rate-limited', rtUnlimited),
      fmt('engine.answer', eng),
      fmt('outside the engine', outside),
      fmt('logged latencyMs', report.loggedLatencyMs),
      fmt('  /ask round trip', report.byVia.ask.roundTripMs),
      fmt('  @mention round trip', report.byVia.mention.roundTripMs),
      `engine share of the round trip: ${(report.ratio.total * 100).toFixed(1)}% of total time; p50/p50 ${(report.ratio.p50 * 100).toFixed(1)}%; per question p50 ${(share.p50 * 100).toFixed(1)}%, max ${(share.max * 100).toFixed(1)}%`,
      `discord.js REST held ${report.restRateLimited.samples} replies back for its own rate limit: ${restLimits.map((l) => `#${l.i} ${l.global ? 'global' : 'route'} ${l.route} ${Math.round(l.timeToReset)} ms`).join(', ') || 'none'}`,
      `slowest: ${report.slowest.map((s) => `#${s.i} ${s.via} ${s.roundTripMs} ms (engine ${s.engineMs}, ${s.requests} req) "${s.question}"`).join('; ')}`,
      `slowest engine.answer: ${report.slowestEngine.map((s) => `#${s.i} ${s.engineMs} ms ${s.status} "${s.question}"`).join('; ')}`,
      `first warm-up round trip ${warm.length ? `${report.warmup.firstRoundTripMs} ms` : 'n/a (no warm-up)'}; bot warnings/errors logged: ${report.botWarnings}; stop took ${report.stopMs} ms`,
    ];
    console.log(lines.join('\n'));
    if (failure) console.error(`FAILED: ${failure.message}`);
  }
  return failure ? 1 : 0;
}

const code = await main();
// Everything is closed; if some handle still keeps the loop alive, do not hang.
setTimeout(() => process.exit(code), 2000).unref();
process.exitCode = code;
