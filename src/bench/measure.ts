/**
 * What `npm run bench` measures, with tinybench doing the timing and the statistics: one call per
 * iteration (one question, one build, one process start), so a task's samples are the latencies.
 * p95 is read from tinybench's own sorted samples (tinybench reports p50, p75, p99, not p95).
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { Bench } from 'tinybench';
import type { Engine } from '../engine/engine.ts';
import type { Fact, KnowledgeBase } from '../engine/types.ts';
import { buildEngine } from '../knowledge/build.ts';
import { commonWords, countryWords, everydayWords } from '../knowledge/dictionary.ts';
import type { BenchQuestion } from './questions.ts';

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface TimeOptions {
  iterations: number;
  /** Untimed calls first (JIT, caches). */
  warmup?: number;
  async?: boolean;
  /** Called before the warm-up ('warmup') and before the timed run ('run'). */
  beforeAll?: (mode?: 'run' | 'warmup') => void;
}

/** Times `iterations` calls of `fn` with tinybench, after `warmup` untimed ones; latencies in ms. */
export async function time(fn: () => unknown, options: TimeOptions): Promise<Timing> {
  const { iterations, warmup = 0 } = options;
  const bench = new Bench({
    iterations,
    time: 0, // exactly `iterations` calls, however long they take
    warmup: warmup > 0,
    warmupIterations: warmup,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  // `async` stated, so tinybench does not call fn once more to find out.
  const opts = { async: options.async ?? false, beforeAll: options.beforeAll };
  bench.add('task', options.async ? async () => void (await fn()) : () => void fn(), opts);
  await bench.run();
  const result = bench.tasks[0]?.result;
  if (result?.state !== 'completed') throw new Error(`benchmark did not complete (${result?.state})`);
  const { samples, p50, max } = result.latency;
  return { n: samples?.length ?? 0, p50, p95: p95(samples ?? []), max };
}

/** The nearest-rank 95th percentile of ascending samples (tinybench keeps them sorted). */
export function p95(sorted: readonly number[]): number {
  return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? NaN;
}

/** What a search gave for a question: its first fact, or nothing (a refusal). */
type Search = (question: string) => string | null;

/** A way to answer questions over a knowledge base: the engine and the two baselines. */
export interface System {
  name: string;
  build(kb: KnowledgeBase): Search;
}

const FIELDS = ['questions', 'answer', 'keywords'] as const;

export const SYSTEMS: readonly System[] = [
  {
    name: 'engine',
    build(kb) {
      const engine: Engine = buildEngine(kb);
      return (q) => {
        const a = engine.answer(q);
        return a.status === 'answered' ? (a.factIds[0] ?? null) : null;
      };
    },
  },
  {
    // What a user would pick first: full-text search with fuzzy matching for typos.
    name: 'MiniSearch',
    build(kb) {
      const index = new MiniSearch<Fact>({
        fields: [...FIELDS],
        extractField: (fact, field) => [fact[field as (typeof FIELDS)[number]]].flat().join(' '),
      });
      index.addAll(reviewed(kb));
      return (q) => (index.search(q, { fuzzy: 0.2 })[0]?.id as string | undefined) ?? null;
    },
  },
  {
    // The plain fuse.js search, default options: the whole question as the pattern.
    name: 'fuse.js',
    build(kb) {
      const fuse = new Fuse(reviewed(kb), { keys: [...FIELDS] });
      return (q) => fuse.search(q)[0]?.item.id ?? null;
    },
  },
];

function reviewed(kb: KnowledgeBase): Fact[] {
  return kb.facts.filter((f) => f.status === 'reviewed');
}

export interface Row {
  system: string;
  build: Timing;
  /** Heap the built index holds (heap used after building minus before, after a GC when exposed). */
  heapMb: number;
  latency: Timing;
  /** Paraphrases answered with the fact they were made from, first. */
  top1: number;
  /** Off-topic questions refused (nothing found). */
  refused: number;
}

/** Loads the word lists every engine shares, so that no engine's build time or heap counts them. */
export function loadDictionaries(): void {
  commonWords();
  countryWords();
  everydayWords();
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function heapUsed(): number {
  gc(); // twice: weak references and finalizers need a second pass
  gc();
  return process.memoryUsage().heapUsed;
}

export interface Plan {
  /** How many of the questions each system answers, in SYSTEMS' order. */
  counts: readonly number[];
  builds: number;
  /** Other questions for the warm-up (the engine caches typo corrections: the timed ones are new). */
  warmup: readonly BenchQuestion[];
  log?: (message: string) => void;
}

/**
 * Builds every system over `kb` (each timed `builds` times), then has each answer the first of
 * `questions` (its count), one per timed iteration, after a warm-up: a pass over as many of the
 * warm-up questions where that is cheap (100 or more questions), else a tenth as many.
 * The indexes are all built first and kept until the end: the heap each one adds is measured
 * while none has been dropped (a dropped one that has been queried can stay reachable for a while
 * from the JIT's background compile jobs, and would be counted against the next).
 */
export async function measureKb(
  kb: KnowledgeBase,
  questions: readonly BenchQuestion[],
  plan: Plan,
): Promise<Row[]> {
  const built = [];
  for (const system of SYSTEMS) {
    plan.log?.(`${system.name}: building`);
    const before = heapUsed();
    let search: Search | undefined;
    const build = await time(() => (search = system.build(kb)), { iterations: plan.builds });
    built.push({ system, build, heapMb: (heapUsed() - before) / 2 ** 20, search: search as Search });
  }
  const rows: Row[] = [];
  for (const [i, { system, build, heapMb, search }] of built.entries()) {
    const asked = questions.slice(0, plan.counts[i] ?? 0);
    plan.log?.(`${system.name}: ${asked.length} questions`);
    const got: (string | null)[] = [];
    let list: readonly BenchQuestion[] = asked;
    let next = 0;
    const ask = () => {
      got[next] = search((list[next] as BenchQuestion).text);
      next++;
    };
    const start = (mode?: string) => {
      list = mode === 'warmup' ? plan.warmup : asked;
      next = 0;
    };
    const warmup = Math.min(plan.warmup.length, asked.length >= 100 ? asked.length : asked.length / 10);
    const latency = await time(ask, {
      iterations: asked.length,
      warmup: Math.floor(warmup),
      beforeAll: start,
    });
    // A paraphrase is right when its fact comes first, an off-topic question when nothing does.
    const right = (offTopic: boolean) => {
      const kind = asked.map((q, i) => ({ q, i })).filter(({ q }) => (q.factId === null) === offTopic);
      return kind.filter(({ q, i }) => got[i] === q.factId).length / kind.length;
    };
    rows.push({ system: system.name, build, heapMb, latency, top1: right(false), refused: right(true) });
  }
  return rows;
}
