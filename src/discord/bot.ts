/** The Discord bot: a discord.js Client wired to the router, with a clean start and a graceful stop. */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { commands as allCommands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Engine } from '../engine/engine.ts';
import type { KnowledgeReloader } from '../knowledge/reloader.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../storage/store.ts';
import type { AskOptions, Command, CommandContext, QuestionSource } from './command.ts';
import { Cooldown } from './cooldown.ts';
import { feedbackButton, recordQuestion } from './feedback.ts';
import { FEEDBACK_PREFIX } from './reply.ts';
import { createRouter } from './router.ts';

export interface BotOptions {
  config: Config;
  engine: Engine;
  /** The reloadable knowledge base (/reload, KNOWLEDGE_WATCH): when given, the engine is read from it. */
  reloader?: KnowledgeReloader;
  logger: Logger;
  /** discord.js REST options; `api` defaults to config.DISCORD_API_BASE. */
  rest?: { api?: string };
  /** The commands (default: all of commands/). */
  commands?: readonly Command[];
  cooldown?: Cooldown;
  /** Where questions and 👍/👎 votes are stored (opened and closed by the caller); none → no feedback buttons. */
  store?: Store;
}

export interface Bot {
  readonly client: Client;
  /** Logs in; resolves once the gateway session is ready. */
  start(): Promise<void>;
  /** Stops taking events, waits for replies in flight, then disconnects. */
  stop(): Promise<void>;
  /** Answers with another engine from now on (e.g. a reloaded knowledge base). */
  setEngine(engine: Engine): void;
}

/**
 * Only the intents the bot uses. Guilds: slash commands and channel cache; GuildMessages and
 * DirectMessages: questions asked by @mention and in DMs, whose content Discord sends without the
 * privileged MessageContent intent. MessageContent is asked for only when answer channels are
 * configured, because only then does the bot read messages not addressed to it.
 */
export function intentsFor(config: Config): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  if ((config.ANSWER_CHANNEL_IDS ?? []).length > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function createBot(options: BotOptions): Bot {
  const { config, logger } = options;
  let engine = options.engine;
  const api = options.rest?.api ?? config.DISCORD_API_BASE;
  const client = new Client({
    intents: intentsFor(config),
    // DMs: discord.js drops messages in an uncached DM channel unless it may create it as a partial.
    partials: [Partials.Channel],
    ...(api ? { rest: { api } } : {}),
  });

  const ctx: CommandContext = {
    get engine() {
      return options.reloader?.engine ?? engine;
    },
    logger,
    reloader: options.reloader,
    ask(question: string, source: QuestionSource, askOptions?: AskOptions) {
      const started = performance.now();
      const answer = ctx.engine.answer(question);
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      const answerId = recordQuestion(options.store, question, answer, source, { ...askOptions, logger });
      logger.info('question answered', {
        ...source,
        status: answer.status,
        factIds: answer.factIds,
        score: answer.score,
        latencyMs,
        answerId,
      });
      return { ...answer, answerId };
    },
  };
  const router = createRouter({
    commands: options.commands ?? allCommands,
    ctx,
    logger,
    cooldown: options.cooldown ?? new Cooldown(),
    botUserId: () => client.user?.id,
    answerChannelIds: config.ANSWER_CHANNEL_IDS ?? [],
    buttonHandlers: { [FEEDBACK_PREFIX]: feedbackButton(options.store) },
  });

  let accepting = true;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) track(router.onInteraction(interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    if (accepting) track(router.onMessage(message));
  });
  client.on(Events.Error, (err) => logger.error('discord client error', { err }));
  client.on(Events.Warn, (message) => logger.warn('discord client warning', { message }));

  let stopWatching: (() => void) | undefined;
  return {
    client,
    async start() {
      if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
      const ready = once(client, Events.ClientReady); // before login(): login resolves before ready
      await client.login(config.DISCORD_TOKEN);
      await ready;
      logger.info('bot ready', { user: client.user?.tag, guilds: client.guilds.cache.size });
      if (config.KNOWLEDGE_WATCH && options.reloader) stopWatching ??= options.reloader.watch({ logger });
    },
    async stop() {
      stopWatching?.();
      stopWatching = undefined;
      accepting = false;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      logger.info('bot stopped');
    },
    setEngine(next) {
      if (options.reloader) options.reloader.setEngine(next);
      else engine = next;
    },
  };
}
