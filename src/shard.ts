/**
 * `npm run start:sharded`: the Discord bot in several shards. A discord.js ShardingManager forks
 * one `src/main.ts` process per shard (the manager passes each its shard id and the shard count in
 * SHARDS / SHARD_COUNT, which discord.js's Client reads), respawns a shard whose process dies, and on
 * SIGINT / SIGTERM stops every shard gracefully. With HEALTH_PORT the manager serves /healthz and
 * /metrics for every shard (the shards serve none themselves).
 */
import 'dotenv/config';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import { ConfigError, EXIT_CONFIG, parseConfig } from './config.ts';
import { shardManagerSource } from './discord/shards.ts';
import { retryStartup } from './discord/startup-retry.ts';
import { createAppLogger, type Logger } from './logger.ts';
import { startHealthServer } from './observability/http.ts';

/**
 * The script each shard runs: main.ts beside this file under tsx, or main.js beside the bundle
 * when run from the build (`scripts/run.mjs shard`), which needs no loader.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const SHARD_SCRIPT = fileURLToPath(new URL(FROM_SOURCE ? './main.ts' : './main.js', import.meta.url));
/** How long a shard may take to stop after SIGTERM beyond its SHUTDOWN_GRACE_MS, before it is killed. */
const STOP_MARGIN_MS = 5000;
/** How long a shard may take to become ready beyond its STARTUP_RETRY_MS (discord.js's default: 30 s). */
const READY_MARGIN_MS = 30_000;

/**
 * Discord's recommended shard count from GET /gateway/bot on another API base. discord.js's own
 * `fetchRecommendedShardCount` (used by the manager for 'auto') always asks discord.com.
 */
async function recommendedShardCount(apiBase: string, token: string): Promise<number> {
  const res = await fetch(`${apiBase.replace(/\/+$/, '')}/v10/gateway/bot`, {
    headers: { Authorization: `Bot ${token}` },
  });
  if (res.status === 401) throw new ConfigError(TOKEN_REJECTED);
  if (!res.ok) {
    // `status` lets the start-up retry tell Discord's own trouble (5xx) from a refusal.
    throw Object.assign(new Error(`GET /gateway/bot: ${res.status} ${res.statusText}`), {
      status: res.status,
    });
  }
  const { shards } = (await res.json()) as { shards?: unknown };
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new Error(`GET /gateway/bot: no usable shard count (${JSON.stringify(shards)})`);
  }
  return shards;
}

const TOKEN_REJECTED =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the developer portal ' +
  '(your application → Bot → Reset Token) and set the new one in DISCORD_TOKEN.';

/** Sends the shard's process SIGTERM and waits for it to exit; SIGKILL after `timeoutMs`. */
async function stopShard(shard: Shard, logger: Logger, timeoutMs: number): Promise<boolean> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return true;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  let graceful = true;
  const timer = setTimeout(() => {
    graceful = false;
    logger.warn('shard did not stop in time; killing it', { shard: shard.id, timeoutMs });
    child.kill('SIGKILL');
  }, timeoutMs);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
  return graceful;
}

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const token = config.DISCORD_TOKEN;
  if (!token) {
    throw new ConfigError(
      'DISCORD_TOKEN is not set: the sharded bot needs the bot token. Set it in the environment or ' +
        'in .env in the working folder (copy .env.example).',
    );
  }
  const logger = createAppLogger(config);
  const stopTimeoutMs = config.SHUTDOWN_GRACE_MS + STOP_MARGIN_MS;

  let totalShards = config.BOT_SHARD_COUNT;
  if (totalShards === 'auto' && config.DISCORD_API_BASE) {
    const apiBase = config.DISCORD_API_BASE;
    totalShards = await retryStartup(() => recommendedShardCount(apiBase, token), {
      what: 'ask Discord for the shard count',
      logger,
      maxMs: config.STARTUP_RETRY_MS,
    });
    logger.info('recommended shard count', { shards: totalShards });
  }

  const manager = new ShardingManager(SHARD_SCRIPT, {
    execArgv: FROM_SOURCE ? ['--import', 'tsx'] : [],
    token,
    totalShards,
    respawn: true,
  });

  const health =
    config.HEALTH_PORT === undefined
      ? undefined
      : await startHealthServer({
          host: config.HEALTH_HOST,
          port: config.HEALTH_PORT,
          logger,
          source: shardManagerSource(manager),
        });

  let stopping = false;
  /** A shard exited with a configuration error (e.g. a rejected token): respawning cannot help. */
  let configFailure = false;
  const stops: Promise<boolean>[] = [];
  manager.on('shardCreate', (shard) => {
    // The manager runs in 'process' mode (the default): a shard's child is a ChildProcess.
    shard.on('spawn', (child) => {
      logger.info('shard launched', { shard: shard.id, pid: (child as ChildProcess).pid });
      // A shard the manager launches while stopping (the spawn loop or a respawn in progress).
      if (stopping) stops.push(stopShard(shard, logger, stopTimeoutMs));
    });
    shard.on('ready', () => logger.info('shard ready', { shard: shard.id }));
    shard.on('death', (child) => {
      const { exitCode, signalCode } = child as ChildProcess;
      const fields = { shard: shard.id, exitCode, signal: signalCode };
      if (exitCode === EXIT_CONFIG && !stopping) {
        configFailure = true;
        manager.respawn = false;
      }
      if (stopping) logger.info('shard stopped', fields);
      else logger.warn('shard died', { ...fields, respawning: manager.respawn });
    });
    // A shard stopping on purpose reports these too: only worth a debug line then.
    shard.on('disconnect', () =>
      logger[stopping ? 'debug' : 'warn']('shard disconnected', { shard: shard.id }),
    );
    shard.on('reconnecting', () =>
      logger[stopping ? 'debug' : 'info']('shard reconnecting', { shard: shard.id }),
    );
    shard.on('resume', () => logger.info('shard resumed', { shard: shard.id }));
    shard.on('error', (err: unknown) => logger.error('shard error', { shard: shard.id, err }));
  });

  // A shard retries its login for up to STARTUP_RETRY_MS before it gives up.
  const spawning = manager.spawn({ timeout: config.STARTUP_RETRY_MS + READY_MARGIN_MS });
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    manager.respawn = false; // read when a shard's process exits
    logger.info('stopping shards', { signal, shards: manager.shards.size });
    for (const shard of manager.shards.values()) stops.push(stopShard(shard, logger, stopTimeoutMs));
    await spawning.catch(() => undefined); // settles once its pending shard is stopped
    let graceful = true;
    for (let i = 0; i < stops.length; i++) graceful = ((await stops[i]) ?? true) && graceful; // stops may grow
    if (!graceful) process.exitCode = 1;
    await health?.close();
    logger.info('shards stopped');
  };
  const onSignal = (signal: string) => {
    shutdown(signal).catch((err: unknown) => {
      logger.error('stop failed', { err });
      process.exitCode = 1;
    });
  };
  // Not `once`: a terminal's Ctrl-C reaches npm and this process, and npm forwards its copy too.
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  try {
    const shards = await spawning;
    if (!stopping)
      logger.info('all shards launched', { shards: shards.size, totalShards: manager.totalShards });
  } catch (err) {
    if (stopping) return;
    logger.error('a shard failed to start', { err });
    process.exitCode = configFailure ? EXIT_CONFIG : 1;
    await shutdown('start-up failure');
  }
}

main().catch((err: unknown) => {
  const config = err instanceof ConfigError;
  console.error(config ? err.message : `Start-up failed: ${(err as Error).message}`);
  process.exitCode = config ? EXIT_CONFIG : 1;
});
