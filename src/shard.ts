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
import { ConfigError, parseConfig } from './config.ts';
import { shardManagerSource } from './discord/shards.ts';
import { createAppLogger, type Logger } from './logger.ts';
import { startHealthServer } from './observability/http.ts';

/**
 * The script each shard runs: main.ts beside this file under tsx, or main.js beside the bundle
 * when run from the build (`scripts/run.mjs shard`), which needs no loader.
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const SHARD_SCRIPT = fileURLToPath(new URL(FROM_SOURCE ? './main.ts' : './main.js', import.meta.url));
/** How long a shard may take to stop after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 10_000;

/**
 * Discord's recommended shard count from GET /gateway/bot on another API base. discord.js's own
 * `fetchRecommendedShardCount` (used by the manager for 'auto') always asks discord.com.
 */
async function recommendedShardCount(apiBase: string, token: string): Promise<number> {
  const res = await fetch(`${apiBase.replace(/\/+$/, '')}/v10/gateway/bot`, {
    headers: { Authorization: `Bot ${token}` },
  });
  if (res.status === 401) throw new Error('GET /gateway/bot: 401 — Discord rejected DISCORD_TOKEN');
  if (!res.ok) throw new Error(`GET /gateway/bot: ${res.status} ${res.statusText}`);
  const { shards } = (await res.json()) as { shards?: unknown };
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) {
    throw new Error(`GET /gateway/bot: no usable shard count (${JSON.stringify(shards)})`);
  }
  return shards;
}

/** Sends the shard's process SIGTERM and waits for it to exit; SIGKILL after STOP_TIMEOUT_MS. */
async function stopShard(shard: Shard, logger: Logger): Promise<boolean> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return true;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  let graceful = true;
  const timer = setTimeout(() => {
    graceful = false;
    logger.warn('shard did not stop in time; killing it', { shard: shard.id, timeoutMs: STOP_TIMEOUT_MS });
    child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
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
      'DISCORD_TOKEN is not set: the sharded bot needs the bot token (see .env.example).',
    );
  }
  const logger = createAppLogger(config);

  let totalShards = config.BOT_SHARD_COUNT;
  if (totalShards === 'auto' && config.DISCORD_API_BASE) {
    totalShards = await recommendedShardCount(config.DISCORD_API_BASE, token);
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
  const stops: Promise<boolean>[] = [];
  manager.on('shardCreate', (shard) => {
    // The manager runs in 'process' mode (the default): a shard's child is a ChildProcess.
    shard.on('spawn', (child) => {
      logger.info('shard launched', { shard: shard.id, pid: (child as ChildProcess).pid });
      // A shard the manager launches while stopping (the spawn loop or a respawn in progress).
      if (stopping) stops.push(stopShard(shard, logger));
    });
    shard.on('ready', () => logger.info('shard ready', { shard: shard.id }));
    shard.on('death', (child) => {
      const { exitCode, signalCode } = child as ChildProcess;
      const fields = { shard: shard.id, exitCode, signal: signalCode };
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

  const spawning = manager.spawn();
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    manager.respawn = false; // read when a shard's process exits
    logger.info('stopping shards', { signal, shards: manager.shards.size });
    for (const shard of manager.shards.values()) stops.push(stopShard(shard, logger));
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
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    const shards = await spawning;
    if (!stopping)
      logger.info('all shards launched', { shards: shards.size, totalShards: manager.totalShards });
  } catch (err) {
    if (stopping) return;
    logger.error('a shard failed to start', { err });
    process.exitCode = 1;
    await shutdown('start-up failure');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Start-up failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
