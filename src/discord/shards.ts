/**
 * What each shard of `npm run start:sharded` offers the others and the manager (over discord.js's
 * IPC, with broadcastEval / Shard#eval): its health, its metrics and a knowledge base reload. The bot
 * sets it on its Client as `kbShard` (see bot.ts); the functions sent to the shards below read it
 * there. They are sent as source text and run in the shard, so they use nothing but their arguments.
 */
import type { Client, Shard, ShardClientUtil, ShardingManager } from 'discord.js';
import { Gauge, Registry } from 'prom-client';
import type { ReloadResult } from '../knowledge/reloader.ts';
import { failures, type Check, type HealthReport, type HealthSource } from '../observability/http.ts';
import { aggregateMetrics, type MetricsJson } from '../observability/metrics.ts';

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

/** How long the manager waits for a shard's health or metrics (a health check must answer quickly). */
export const SHARD_PROBE_TIMEOUT_MS = 3_000;

/**
 * The shard manager's /healthz and /metrics: every shard's, gathered over IPC. Healthy when every
 * shard (0 … totalShards - 1) is running and healthy; a shard not started, starting, dead or too
 * slow is a failing check. The metrics are each shard's (labelled `shard`) in one exposition, with
 * `kb_shard_up` saying which shards answered.
 */
export function shardManagerSource(
  manager: ShardingManager,
  timeoutMs = SHARD_PROBE_TIMEOUT_MS,
): HealthSource {
  const ids = () =>
    typeof manager.totalShards === 'number'
      ? Array.from({ length: manager.totalShards }, (_, i) => i)
      : [...manager.shards.keys()];
  return {
    async health() {
      const checks: Record<string, Check> = {};
      await Promise.all(
        ids().map(async (id) => {
          const shard = manager.shards.get(id);
          if (!shard) {
            checks[`shard ${id}`] = { ok: false, reason: 'not started yet' };
            return;
          }
          const answer = await shardHealth(shard, timeoutMs);
          if (!answer.ok) checks[`shard ${id}`] = { ok: false, reason: answer.error };
          else if (!answer.value) checks[`shard ${id}`] = { ok: false, reason: 'starting' };
          else if (!answer.value.ok) {
            checks[`shard ${id}`] = {
              ok: false,
              reason: failures(answer.value).join('; '),
              checks: answer.value.checks,
            };
          } else checks[`shard ${id}`] = { ok: true, checks: answer.value.checks };
        }),
      );
      const sorted = Object.fromEntries(
        Object.entries(checks).sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })),
      );
      return { ok: Object.values(sorted).every((c) => c.ok), checks: sorted };
    },
    async metrics() {
      const up = createShardUpRegistry();
      const parts: MetricsJson[] = [];
      await Promise.all(
        ids().map(async (id) => {
          const shard = manager.shards.get(id);
          const answer = shard ? await shardMetrics(shard, timeoutMs) : undefined;
          const ok = answer?.ok === true && answer.value !== null;
          up.gauge.labels(String(id)).set(ok ? 1 : 0);
          if (answer?.ok && answer.value) parts.push(answer.value);
        }),
      );
      parts.push(await up.registry.getMetricsAsJSON());
      return aggregateMetrics(parts);
    },
  };
}

function createShardUpRegistry() {
  const registry = new Registry();
  const gauge = new Gauge({
    name: 'kb_shard_up',
    help: '1 when the shard answered the manager for these metrics, else 0',
    labelNames: ['shard'] as const,
    registers: [registry],
  });
  return { registry, gauge };
}
