import { describe, expect, it } from 'vitest';
import { aggregateMetrics, createMetrics } from '../../src/observability/metrics.ts';
import { value } from '../helpers/prometheus.ts';

describe('the bot metrics', () => {
  it('counts questions by outcome and source, and times them', async () => {
    const m = createMetrics({ processMetrics: false });
    m.question('command', 'answered', 0.02);
    m.question('command', 'answered', 0.03);
    m.question('dm', 'refused', 0.5);
    m.question('mention', 'error', 1.2);
    const text = await m.registry.metrics();
    expect(value(text, 'kb_questions_total{outcome="answered",source="command"}')).toBe(2);
    expect(value(text, 'kb_questions_total{outcome="refused",source="dm"}')).toBe(1);
    expect(value(text, 'kb_questions_total{outcome="error",source="mention"}')).toBe(1);
    expect(value(text, 'kb_questions_total{outcome="answered",source="channel"}')).toBe(0);
    expect(value(text, 'kb_answer_duration_seconds_count{source="command"}')).toBe(2);
    expect(value(text, 'kb_answer_duration_seconds_bucket{le="0.025",source="command"}')).toBe(1);
    expect(value(text, 'kb_answer_duration_seconds_sum{source="command"}')).toBeCloseTo(0.05);
  });

  it('counts cooldown hits by source', async () => {
    const m = createMetrics({ processMetrics: false });
    m.cooldownHit('mention');
    m.cooldownHit('mention');
    const text = await m.registry.metrics();
    expect(value(text, 'kb_cooldown_hits_total{source="mention"}')).toBe(2);
    expect(value(text, 'kb_cooldown_hits_total{source="command"}')).toBe(0);
  });

  it('reads the gateway, the knowledge base and storage when scraped', async () => {
    const m = createMetrics({ processMetrics: false });
    let reloads = { reloadsOk: 1, reloadsFailed: 0, facts: 84 };
    m.watch({
      gatewayPingMs: () => 42,
      gatewayConnected: () => true,
      knowledge: () => reloads,
      storage: () => ({ errors: 3, droppedWrites: 7 }),
    });
    let text = await m.registry.metrics();
    expect(value(text, 'kb_gateway_ping_seconds')).toBe(0.042);
    expect(value(text, 'kb_gateway_connected')).toBe(1);
    expect(value(text, 'kb_knowledge_reloads_total{outcome="ok"}')).toBe(1);
    expect(value(text, 'kb_knowledge_facts')).toBe(84);
    expect(value(text, 'kb_storage_errors_total')).toBe(3);
    expect(value(text, 'kb_storage_dropped_writes_total')).toBe(7);
    reloads = { reloadsOk: 1, reloadsFailed: 2, facts: 84 };
    text = await m.registry.metrics();
    expect(value(text, 'kb_knowledge_reloads_total{outcome="failed"}')).toBe(2);
  });

  it('reports the ping as NaN while it is unknown', async () => {
    const m = createMetrics({ processMetrics: false });
    m.watch({ gatewayPingMs: () => -1, gatewayConnected: () => false });
    const text = await m.registry.metrics();
    expect(value(text, 'kb_gateway_ping_seconds')).toBeNaN();
    expect(value(text, 'kb_gateway_connected')).toBe(0);
  });

  it('includes Node process figures unless asked not to', async () => {
    expect(await createMetrics().registry.metrics()).toContain('process_resident_memory_bytes');
    expect(await createMetrics({ processMetrics: false }).registry.metrics()).not.toContain('process_');
  });

  it('joins several shards’ figures into one text, each shard’s series kept apart by its label', async () => {
    const shards = [0, 1].map((id) =>
      createMetrics({ labels: { shard: String(id) }, processMetrics: false }),
    );
    shards[0]?.question('command', 'answered', 0.01);
    shards[1]?.question('command', 'answered', 0.01);
    shards[1]?.question('command', 'answered', 0.01);
    const text = await aggregateMetrics(await Promise.all(shards.map((s) => s.registry.getMetricsAsJSON())));
    expect(value(text, 'kb_questions_total{outcome="answered",source="command",shard="0"}')).toBe(1);
    expect(value(text, 'kb_questions_total{outcome="answered",source="command",shard="1"}')).toBe(2);
    expect(text.match(/^# TYPE kb_questions_total counter$/gm)).toHaveLength(1);
  });
});
