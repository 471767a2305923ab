/**
 * The bot's Prometheus metrics (prom-client), served as text by GET /metrics (see http.ts).
 *
 * Counted as they happen: questions by outcome and source, the answer latency, cooldown hits.
 * Read when scraped, from the parts that keep their own counts: the gateway's ping and state, the
 * knowledge base's reloads and size, storage errors (see `watch`). Node's process figures (CPU,
 * memory, event-loop lag) come from prom-client's default metrics.
 */
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';

export type QuestionOutcome = 'answered' | 'refused' | 'error';
/** A slash command, or a message: an @mention, a DM, or a message in an answer channel. */
export type QuestionSourceLabel = 'command' | 'mention' | 'dm' | 'channel';

export const OUTCOMES: readonly QuestionOutcome[] = ['answered', 'refused', 'error'];
export const SOURCES: readonly QuestionSourceLabel[] = ['command', 'mention', 'dm', 'channel'];

/** What the metrics read when scraped; each part is optional. */
export interface MetricSources {
  /** The gateway's heartbeat round trip in ms (negative or null while unknown). */
  gatewayPingMs?: () => number | null;
  gatewayConnected?: () => boolean;
  /** Reloads so far by outcome, and the facts served now. */
  knowledge?: () => { reloadsOk: number; reloadsFailed: number; facts: number };
  /** Failed storage operations so far, and writes dropped while storage was down. */
  storage?: () => { errors: number; droppedWrites: number };
}

export interface Metrics {
  readonly registry: Registry;
  /** A question handled from its event to its reply (or failure). */
  question(source: QuestionSourceLabel, outcome: QuestionOutcome, seconds: number): void;
  /** A question refused by the per-user cooldown. */
  cooldownHit(source: QuestionSourceLabel): void;
  /** Reads these when scraped (replaces any given before). */
  watch(sources: MetricSources): void;
}

export interface MetricsOptions {
  /** Labels on every series (e.g. `{ shard: '0' }`). */
  labels?: Record<string, string>;
  /** Node's process metrics (default true). */
  processMetrics?: boolean;
}

/** Answer latency buckets, in seconds: a local answer takes milliseconds, a reply over the network more. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.labels) registry.setDefaultLabels(options.labels);
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let sources: MetricSources = {};

  const questions = new Counter({
    name: 'kb_questions_total',
    help: 'Questions handled, by outcome (answered, refused: the material does not cover it, error) and source',
    labelNames: ['outcome', 'source'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'kb_answer_duration_seconds',
    help: 'Time from receiving a question to the end of replying to it',
    labelNames: ['source'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const cooldownHits = new Counter({
    name: 'kb_cooldown_hits_total',
    help: 'Questions refused because the user asked too quickly (a notice at most once a window)',
    labelNames: ['source'] as const,
    registers,
  });
  for (const source of SOURCES) {
    for (const outcome of OUTCOMES) questions.labels(outcome, source).inc(0);
    cooldownHits.labels(source).inc(0);
  }

  new Gauge({
    name: 'kb_gateway_ping_seconds',
    help: "The Discord gateway's last heartbeat round trip",
    registers,
    collect() {
      const ms = sources.gatewayPingMs?.();
      // NaN while unknown (before the first heartbeat): never a made-up 0.
      this.set(typeof ms === 'number' && ms >= 0 ? ms / 1000 : NaN);
    },
  });
  new Gauge({
    name: 'kb_gateway_connected',
    help: '1 while the Discord gateway session is ready, else 0',
    registers,
    collect() {
      this.set(sources.gatewayConnected?.() ? 1 : 0);
    },
  });
  new Counter({
    name: 'kb_knowledge_reloads_total',
    help: 'Knowledge base reloads (/reload, file watch), by outcome (ok, failed: the last good one kept)',
    labelNames: ['outcome'] as const,
    registers,
    collect() {
      const k = sources.knowledge?.();
      this.reset();
      this.labels('ok').inc(k?.reloadsOk ?? 0);
      this.labels('failed').inc(k?.reloadsFailed ?? 0);
    },
  });
  new Gauge({
    name: 'kb_knowledge_facts',
    help: 'Facts served now',
    registers,
    collect() {
      this.set(sources.knowledge?.().facts ?? NaN);
    },
  });
  new Counter({
    name: 'kb_storage_errors_total',
    help: 'Failed storage operations (the bot answers on; see the log for the reason)',
    registers,
    collect() {
      this.reset();
      this.inc(sources.storage?.().errors ?? 0);
    },
  });
  new Counter({
    name: 'kb_storage_dropped_writes_total',
    help: 'Questions and votes not stored because storage was down',
    registers,
    collect() {
      this.reset();
      this.inc(sources.storage?.().droppedWrites ?? 0);
    },
  });

  return {
    registry,
    question(source, outcome, seconds) {
      questions.labels(outcome, source).inc();
      latency.labels(source).observe(seconds);
    },
    cooldownHit(source) {
      cooldownHits.labels(source).inc();
    },
    watch(next) {
      sources = next;
    },
  };
}

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/** One Prometheus text exposition of several registries' JSON (e.g. every shard's, each labelled with its shard). */
export async function aggregateMetrics(parts: readonly MetricsJson[]): Promise<string> {
  return AggregatorRegistry.aggregate(parts as MetricsJson[]).metrics();
}
