/**
 * The e2e harness: the fake Discord and the real bot (createBot) for one test, stopped after it.
 *
 * Call `botHarness()` once at the top of a test file: it registers an `afterEach` that stops the
 * bot, closes its feedback store and stops the fake, in that order. In a test, `start()` starts a
 * fake (or reuses one) and logs the bot into it; `stopBot()` stops only the bot (and its store),
 * mid-test, leaving the fake up for a restart or for checks; `startFake()` starts a fake alone.
 */
import { afterEach } from 'vitest';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import { parseConfig } from '../../src/config.ts';
import { createBot, type Bot, type BotOptions } from '../../src/discord/bot.ts';
import { openFeedbackStore } from '../../src/discord/feedback.ts';
import { createLogger, type LogLevel } from '../../src/logger.ts';
import type { Store } from '../../src/storage/store.ts';
import { FakeDiscord, type FakeDiscordOptions, type SentInteraction } from './fake-discord.ts';

/** createBot's options (engine, reloader, commands, cooldown), plus how to set up the rest. */
export interface BotHarnessOptions extends Omit<BotOptions, 'config' | 'logger' | 'rest' | 'store'> {
  /** Config keys on top of DISCORD_TOKEN, e.g. DATABASE_PATH or KNOWLEDGE_WATCH. */
  config?: Record<string, string>;
  /** Make the fake's `answers` channel an answer channel (ANSWER_CHANNEL_IDS). */
  answerChannel?: boolean;
  /** A running fake to reuse, or options for a new one (heartbeat every 250 ms unless given). */
  fake?: FakeDiscord | FakeDiscordOptions;
  /** Collects every log line (JSON text) the bot writes. */
  logLines?: string[];
  /** The logger's level; default 'debug' with `logLines`, else 'silent'. */
  logLevel?: LogLevel;
  /** Open the feedback store for DATABASE_PATH, as main.ts does; closed when the bot stops. */
  feedbackStore?: boolean;
}

export interface RunningBot {
  fake: FakeDiscord;
  bot: Bot;
  /** The feedback store, with `feedbackStore`. */
  store: Store | undefined;
  /** Every log entry the bot wrote, parsed. */
  logs: Record<string, unknown>[];
}

export interface BotHarness {
  start(opts: BotHarnessOptions): Promise<RunningBot>;
  /** Stops the bot and closes its store; the fake stays up until the test ends. */
  stopBot(): Promise<void>;
  /** Starts a fake Discord without a bot (with `opts` as given), stopped after the test. */
  startFake(opts?: FakeDiscordOptions): Promise<FakeDiscord>;
}

/** A user's `/ask question:…` (with any further options), in a guild channel or, with `dm`, a DM. */
export function sendAsk(
  fake: FakeDiscord,
  question: string,
  opts: { options?: APIApplicationCommandInteractionDataOption[]; dm?: boolean } = {},
): SentInteraction {
  return fake.sendInteraction({
    type: 'command',
    name: 'ask',
    ...(opts.dm ? { dm: true } : {}),
    options: [
      { type: ApplicationCommandOptionType.String, name: 'question', value: question },
      ...(opts.options ?? []),
    ],
  });
}

export function botHarness(): BotHarness {
  let fake: FakeDiscord | undefined;
  let bot: Bot | undefined;
  let store: Store | undefined;

  async function startFake(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    if (fake) throw new Error('a fake Discord is already running in this test');
    fake = await FakeDiscord.start(opts);
    return fake;
  }

  async function fakeFor(opts: FakeDiscord | FakeDiscordOptions | undefined): Promise<FakeDiscord> {
    if (!(opts instanceof FakeDiscord)) return startFake({ heartbeatIntervalMs: 250, ...opts });
    if (fake && fake !== opts) throw new Error('another fake Discord is already running in this test');
    return (fake = opts);
  }

  async function start(opts: BotHarnessOptions): Promise<RunningBot> {
    if (bot) throw new Error('a bot is already running in this test: stopBot() first');
    const {
      config: extra,
      answerChannel,
      fake: fakeOpts,
      logLines,
      logLevel,
      feedbackStore,
      ...botOptions
    } = opts;
    const f = await fakeFor(fakeOpts);
    const config = parseConfig({
      DISCORD_TOKEN: 'fake.token.value',
      ...extra,
      ...(answerChannel ? { ANSWER_CHANNEL_IDS: f.channelId('answers') } : {}),
    });
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger(logLevel ?? (logLines ? 'debug' : 'silent'), (line) => {
      logLines?.push(line);
      logs.push(JSON.parse(line) as Record<string, unknown>);
    });
    store = feedbackStore ? openFeedbackStore(config, logger) : undefined;
    bot = createBot({ ...botOptions, config, logger, store, rest: { api: f.apiUrl } });
    await bot.start();
    return { fake: f, bot, store, logs };
  }

  async function stopBot(): Promise<void> {
    await bot?.stop();
    store?.close();
    bot = undefined;
    store = undefined;
  }

  afterEach(async () => {
    await stopBot();
    await fake?.stop();
    fake = undefined;
  });

  return { start, stopBot, startFake };
}
