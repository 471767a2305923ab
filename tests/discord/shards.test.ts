import { describe, expect, it } from 'vitest';
import type { Shard, ShardingManager } from 'discord.js';
import { shardManagerSource, withTimeout } from '../../src/discord/shards.ts';
import type { HealthReport } from '../../src/observability/http.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { value } from '../helpers/prometheus.ts';

const HEALTHY: HealthReport = { ok: true, checks: { gateway: { ok: true } } };

/** A manager whose shards answer `eval` with what `answer(id, script)` gives. */
function manager(
  total: number,
  shards: Record<number, (script: string) => Promise<unknown>>,
): ShardingManager {
  const map = new Map<number, Shard>(
    Object.entries(shards).map(([id, answer]) => [
      Number(id),
      { id: Number(id), eval: (fn: unknown) => answer(String(fn)) } as unknown as Shard,
    ]),
  );
  return { totalShards: total, shards: map } as unknown as ShardingManager;
}

describe('the shard manager’s health', () => {
  it('is healthy when every shard is', async () => {
    const source = shardManagerSource(manager(2, { 0: async () => HEALTHY, 1: async () => HEALTHY }));
    const report = await source.health();
    expect(report.ok).toBe(true);
    expect(Object.keys(report.checks)).toEqual(['shard 0', 'shard 1']);
  });

  it('fails naming each shard that is unhealthy, starting, not started, dead or too slow', async () => {
    const source = shardManagerSource(
      manager(5, {
        0: async () => ({
          ok: false,
          checks: { gateway: { ok: false, reason: 'not connected (Reconnecting)' } },
        }),
        1: async () => null,
        3: () => Promise.reject(new Error('Shard 3 has no active process or worker.')),
        4: () => new Promise(() => {}),
      }),
      50,
    );
    const report = await source.health();
    expect(report.ok).toBe(false);
    expect(report.checks).toMatchObject({
      'shard 0': { ok: false, reason: 'gateway: not connected (Reconnecting)' },
      'shard 1': { ok: false, reason: 'starting' },
      'shard 2': { ok: false, reason: 'not started yet' },
      'shard 3': { ok: false, reason: 'Shard 3 has no active process or worker.' },
      'shard 4': { ok: false, reason: 'shard 4: no answer within 50 ms' },
    });
  });
});

describe('the shard manager’s metrics', () => {
  it('joins the shards’ metrics and says which shards answered', async () => {
    const shard0 = createMetrics({ labels: { shard: '0' }, processMetrics: false });
    shard0.question('dm', 'answered', 0.01);
    const source = shardManagerSource(
      manager(2, {
        0: async () => shard0.registry.getMetricsAsJSON(),
        1: () => Promise.reject(new Error('dead')),
      }),
    );
    const text = await source.metrics();
    expect(value(text, 'kb_questions_total{outcome="answered",source="dm",shard="0"}')).toBe(1);
    expect(value(text, 'kb_shard_up{shard="0"}')).toBe(1);
    expect(value(text, 'kb_shard_up{shard="1"}')).toBe(0);
  });
});

describe('withTimeout', () => {
  it('passes the answer through, or fails naming what was waited for', async () => {
    await expect(withTimeout(Promise.resolve(1), 50, 'x')).resolves.toBe(1);
    await expect(withTimeout(new Promise(() => {}), 10, 'shard 1')).rejects.toThrow(
      'shard 1: no answer within 10 ms',
    );
  });
});
