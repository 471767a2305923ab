/**
 * What each shard of `npm run start:sharded` offers the others and the manager (over discord.js's
 * IPC, with broadcastEval / Shard#eval): its health, its metrics and a knowledge base reload. The bot
 * sets it on its Client as `kbShard` (see bot.ts); the functions sent to the shards below read it
 * there. They are sent as source text and run in the shard, so they use nothing but their arguments.
 */
import type { Client, Shard, ShardClientUtil } from 'discord.js';
import type { ReloadResult } from '../knowledge/reloader.ts';
import type { HealthReport } from '../observability/http.ts';
import type { MetricsJson } from '../observability/metrics.ts';

export interface ShardApi {
  health(): HealthReport;
  metrics(): Promise<MetricsJson>;
  /** Reloads this shard's knowledge base and logs it; null when the bot has no reloader. */
  reload(by: { userId?: string }): ReloadResult | null;
}

/** A Client carrying its ShardApi. */
export type ShardHost = Client & { kbShard?: ShardApi };

export function exposeShardApi(client: Client, api: ShardApi): void {
  (client as ShardHost).kbShard = api;
}

/** How long a shard may take to answer before it is reported as not answering. */
export const SHARD_ANSWER_TIMEOUT_MS = 10_000;

/** A shard's answer, or why there is none (dead, respawning, too slow). */
export type ShardAnswer<T> =
  { shard: number; ok: true; value: T } | { shard: number; ok: false; error: string };

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function settle<T>(shard: number, work: () => Promise<T>, timeoutMs: number): Promise<ShardAnswer<T>> {
  try {
    return { shard, ok: true, value: await withTimeout(work(), timeoutMs, `shard ${shard}`) };
  } catch (err) {
    return { shard, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** From inside a shard: reloads the knowledge base on every shard (this one included), each answer in shard order. */
export function reloadOnEveryShard(
  util: ShardClientUtil,
  by: { userId?: string },
  timeoutMs = SHARD_ANSWER_TIMEOUT_MS,
): Promise<ShardAnswer<ReloadResult | null>[]> {
  const ids = Array.from({ length: util.count }, (_, i) => i);
  return Promise.all(
    ids.map((shard) =>
      settle(
        shard,
        () =>
          util.broadcastEval(
            (c, context: { userId?: string }) => (c as ShardHost).kbShard?.reload(context) ?? null,
            { shard, context: by },
          ) as Promise<ReloadResult | null>,
        timeoutMs,
      ),
    ),
  );
}

/** From the manager: each shard's health (null: the shard has no ShardApi yet). */
export function shardHealth(
  shard: Shard,
  timeoutMs = SHARD_ANSWER_TIMEOUT_MS,
): Promise<ShardAnswer<HealthReport | null>> {
  return settle(
    shard.id,
    () => shard.eval((c) => (c as ShardHost).kbShard?.health() ?? null) as Promise<HealthReport | null>,
    timeoutMs,
  );
}

/** From the manager: each shard's metrics as prom-client JSON (null: no ShardApi yet). */
export function shardMetrics(
  shard: Shard,
  timeoutMs = SHARD_ANSWER_TIMEOUT_MS,
): Promise<ShardAnswer<MetricsJson | null>> {
  return settle(
    shard.id,
    () => shard.eval((c) => (c as ShardHost).kbShard?.metrics() ?? null) as Promise<MetricsJson | null>,
    timeoutMs,
  );
}
