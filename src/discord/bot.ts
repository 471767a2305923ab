/** The Discord bot: a discord.js Client wired to the router, with a clean start and a graceful stop. */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, Status } from 'discord.js';
import type { Config } from '../config.ts';
import type { Engine } from '../engine/engine.ts';
import type { KnowledgeReloader } from '../knowledge/reloader.ts';
import type { Logger } from '../logger.ts';
import {
  startHealthServer,
  type Check,
  type HealthReport,
  type HealthServer,
} from '../observability/http.ts';
import { createMetrics, type Metrics } from '../observability/metrics.ts';
import type { Store } from '../storage/store.ts';
import type { AskOptions, Command, CommandContext, QuestionSource } from './command.ts';
import { Cooldown } from './cooldown.ts';
import { feedbackButton, recordQuestion } from './feedback.ts';
import { FEEDBACK_PREFIX } from './reply.ts';
import { createRouter } from './router.ts';
import { exposeShardApi } from './shards.ts';
import { retryStartup } from './startup-retry.ts';

/** How long a stop waits for discord.js to close the gateway connection after the replies. */
const DISCONNECT_TIMEOUT_MS = 1000;

/** Whether `work` settles within `ms`; the timer never outlives it. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface BotOptions {
  config: Config;
  engine: Engine;
  /** The reloadable knowledge base (/reload, KNOWLEDGE_WATCH): when given, the engine is read from it. */
  reloader?: KnowledgeReloader;
  logger: Logger;
  /** discord.js REST options; `api` defaults to config.DISCORD_API_BASE. */
  rest?: { api?: string };
  /** The slash commands to serve, handed in by the entry point (main.ts: all of commands/). */
  commands: readonly Command[];
  cooldown?: Cooldown;
  /** Where questions and 👍/👎 votes are stored (opened and closed by the caller); none → no feedback buttons. */
  store?: Store;
  /** The metrics to count into (default: made here; under sharding labelled with the shard id). */
  metrics?: Metrics;
}

export interface Bot {
  readonly client: Client;
  /**
   * Logs in; resolves once the gateway session is ready. While Discord cannot be reached it retries
   * with backoff for up to STARTUP_RETRY_MS (see startup-retry.ts); a rejected token fails at once.
   */
  start(): Promise<void>;
  /**
   * Stops taking events, gives the replies in flight up to SHUTDOWN_GRACE_MS, then disconnects
   * (waiting at most DISCONNECT_TIMEOUT_MS for that). Replies still unfinished are abandoned.
   */
  stop(): Promise<void>;
  /** Answers with another engine from now on (e.g. a reloaded knowledge base). */
  setEngine(engine: Engine): void;
  /** The gateway connected, the knowledge base loaded, storage writable (GET /healthz). */
  health(): HealthReport;
  readonly metrics: Metrics;
  /** The health and metrics endpoint, while the bot runs with HEALTH_PORT set (not in a shard: the manager serves it). */
  readonly healthServer: HealthServer | undefined;
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
  // A shard of `npm run start:sharded` (discord.js sets client.shard): the manager serves the endpoint.
  const shardId = client.shard?.ids[0];
  const metrics =
    options.metrics ??
    createMetrics({
      ...(shardId !== undefined ? { labels: { shard: String(shardId) } } : {}),
      processMetrics: client.shard !== null || config.HEALTH_PORT !== undefined,
    });
  const gatewayReady = () =>
    client.isReady() &&
    client.ws.shards.size > 0 &&
    client.ws.shards.every((shard) => shard.status === Status.Ready);
  metrics.watch({
    gatewayPingMs: () => client.ws.ping,
    gatewayConnected: gatewayReady,
    knowledge: () => ({
      reloadsOk: options.reloader?.stats.ok ?? 0,
      reloadsFailed: options.reloader?.stats.failed ?? 0,
      facts: ctx.engine.facts.length,
    }),
    ...(options.store ? { storage: () => options.store!.stats } : {}),
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
    commands: options.commands,
    ctx,
    logger,
    cooldown: options.cooldown ?? new Cooldown(),
    metrics,
    botUserId: () => client.user?.id,
    answerChannelIds: config.ANSWER_CHANNEL_IDS ?? [],
    buttonHandlers: new Map([[FEEDBACK_PREFIX, feedbackButton(options.store)]]),
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

  function health(): HealthReport {
    const ready = gatewayReady();
    const gateway: Check = ready
      ? { ok: true, pingMs: client.ws.ping }
      : { ok: false, reason: `not connected (${String(Status[client.ws.status] ?? client.ws.status)})` };
    const facts = ctx.engine.facts.length;
    const knowledge: Check =
      facts > 0 ? { ok: true, facts } : { ok: false, reason: 'no facts loaded', facts };
    const storage: Check = options.store ? options.store.check() : { ok: true, detail: 'not used' };
    return { ok: gateway.ok && knowledge.ok && storage.ok, checks: { gateway, knowledge, storage } };
  }

  if (client.shard) {
    exposeShardApi(client, {
      health,
      metrics: () => metrics.registry.getMetricsAsJSON(),
      reload: (by) =>
        options.reloader?.reloadAndLog(logger, { trigger: 'command', shard: shardId, ...by }) ?? null,
    });
  }

  let healthServer: HealthServer | undefined;
  let stopWatching: (() => void) | undefined;
  /** Aborts the start-up retries when the bot is stopped while still starting. */
  const starting = new AbortController();
  return {
    client,
    metrics,
    get healthServer() {
      return healthServer;
    },
    health,
    async start() {
      const token = config.DISCORD_TOKEN;
      if (!token) throw new Error('DISCORD_TOKEN is not set');
      // Listening before login, so a supervisor sees 503 "connecting" rather than nothing.
      if (config.HEALTH_PORT !== undefined && !client.shard && !healthServer) {
        healthServer = await startHealthServer({
          host: config.HEALTH_HOST,
          port: config.HEALTH_PORT,
          logger,
          source: { health, metrics: () => metrics.registry.metrics() },
        });
      }
      const ready = once(client, Events.ClientReady, { signal: starting.signal }); // login resolves before ready
      ready.catch(() => undefined); // rejected only by a stop during start-up, reported by login
      try {
        await retryStartup(() => client.login(token), {
          what: 'log in to Discord',
          logger,
          maxMs: config.STARTUP_RETRY_MS,
          signal: starting.signal,
        });
        await ready;
      } catch (err) {
        await healthServer?.close(); // an open server would keep a failed process alive
        healthServer = undefined;
        throw err;
      }
      logger.info('bot ready', { user: client.user?.tag, guilds: client.guilds.cache.size });
      if (config.KNOWLEDGE_WATCH && options.reloader) stopWatching ??= options.reloader.watch({ logger });
    },
    async stop() {
      starting.abort(new Error('the bot was stopped while starting'));
      stopWatching?.();
      stopWatching = undefined;
      accepting = false;
      const graceMs = config.SHUTDOWN_GRACE_MS;
      if (inFlight.size > 0 && !(await settlesWithin(Promise.allSettled([...inFlight]), graceMs))) {
        logger.warn('replies still in flight after the shutdown grace period; abandoning them', {
          inFlight: inFlight.size,
          graceMs,
        });
      }
      if (!(await settlesWithin(client.destroy(), DISCONNECT_TIMEOUT_MS))) {
        logger.warn('the gateway did not close in time; leaving it', { timeoutMs: DISCONNECT_TIMEOUT_MS });
      }
      await healthServer?.close();
      healthServer = undefined;
      logger.info('bot stopped');
    },
    setEngine(next) {
      if (options.reloader) options.reloader.setEngine(next);
      else engine = next;
    },
  };
}
