/**
 * `npm run bench` — speed, memory and answer quality of the engine on the real knowledge base and
 * on generated ones (1,000 / 10,000 / 100,000 facts), beside a plain fuse.js baseline, with the
 * targets marked PASS/FAIL. Progress goes to stderr; the report (or, with --json, one JSON object)
 * to stdout. For clean JSON use `npm run -s bench -- --json`.
 *
 *   --sizes 1000,10000   generated sizes (default 1000,10000,100000)
 *   --quick              fast smoke run (small samples, 1,000 facts, tight baseline budget)
 *   --json               one JSON object instead of the table
 *   --seed N             generator seed (default 1)
 *   --questions N        paraphrases per KB (default 300; off-topic questions are a third)
 *   --no-real            skip the real knowledge base    --kb DIR   its folder (default knowledge/)
 *   --no-baseline        skip fuse.js                    --baseline-budget S   seconds per KB for it
 *   --files-max N        largest generated KB also loaded from the file format (default 10000)
 *   --cold-runs N        cold-start runs per mode (default 3; 0 skips cold start)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BaselineCostModel } from '../bench/baseline.ts';
import { COLD_MODES, coldStart } from '../bench/cold-start.ts';
import type { ColdMode, ColdStartResult } from '../bench/cold-start.ts';
import { GcWatch } from '../bench/gc-watch.ts';
import { generateKb } from '../bench/generate.ts';
import { writeKbFolder } from '../bench/kb-files.ts';
import { labelFor, measureKb } from '../bench/measure.ts';
import type { BaselinePlan, BenchConfig, KbSpec } from '../bench/measure.ts';
import { collect, gcMode } from '../bench/memory.ts';
import { evaluateTargets, failed, renderReport } from '../bench/report.ts';
import type { BenchReport, KbOutcome } from '../bench/report.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/open.ts';
import { isMain } from '../util/is-main.ts';

/** The cold-start question: one a newcomer asks first, whose answer gathers a topic's facts. */
const COLD_QUESTION = 'how many industrial parks does iran have';

const USAGE = `Usage: npm run bench -- [--quick] [--json] [--sizes 1000,10000,100000] [--seed N] [--questions N]
         [--no-real] [--kb DIR] [--no-baseline] [--baseline-budget SECONDS] [--files-max N] [--cold-runs N]`;

export interface BenchArgs {
  quick: boolean;
  json: boolean;
  sizes: number[];
  seed: number;
  questions: number;
  real: boolean;
  kbDir: string;
  baseline: boolean;
  baselineBudgetS: number | null;
  filesMax: number;
  coldRuns: number;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      questions: { type: 'string' },
      'no-real': { type: 'boolean', default: false },
      kb: { type: 'string' },
      'no-baseline': { type: 'boolean', default: false },
      'baseline-budget': { type: 'string' },
      'files-max': { type: 'string' },
      'cold-runs': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  const quick = values.quick ?? false;
  const num = (name: string, v: string | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number ≥ 0, got "${v}"`);
    return n;
  };
  const sizes = (values.sizes ?? (quick ? '1000' : '1000,10000,100000'))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const n = Number(s.replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 10)
        throw new UsageError(`--sizes takes whole numbers ≥ 10, got "${s}"`);
      return n;
    });
  return {
    quick,
    json: values.json ?? false,
    sizes,
    seed: num('seed', values.seed, 1),
    questions: num('questions', values.questions, quick ? 40 : 300),
    real: !(values['no-real'] ?? false),
    kbDir: resolve(values.kb ?? process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR),
    baseline: !(values['no-baseline'] ?? false),
    baselineBudgetS:
      values['baseline-budget'] === undefined ? null : num('baseline-budget', values['baseline-budget'], 0),
    filesMax: num('files-max', values['files-max'], quick ? 1000 : 10_000),
    coldRuns: num('cold-runs', values['cold-runs'], quick ? 1 : 3),
  };
}

class UsageError extends Error {}

/**
 * How much of the (slow) baseline to run per KB. fuse.js costs ~1.2 ns per searched character per
 * 32-character chunk of the question on 2 cores: ~1 s a question at 1,000 generated facts, ~14 s at
 * 10,000, ~1.5 min at 100,000, ~25 s for one 2,000-character message at 1,000 (and twice that
 * when the machine is busy). The budgets keep the default run near 4 minutes.
 */
export function baselinePlan(
  label: string,
  facts: number,
  args: Pick<BenchArgs, 'quick' | 'baselineBudgetS'>,
): BaselinePlan {
  let plan: BaselinePlan;
  if (args.quick) {
    plan =
      label === 'real'
        ? { questions: 3, offTopic: 1, long: false, budgetMs: 3_000 }
        : { questions: 1, offTopic: 0, long: true, budgetMs: 3_000 };
  } else if (label === 'real') plan = { questions: 30, offTopic: 10, long: true, budgetMs: 30_000 };
  else if (facts <= 1_000) plan = { questions: 10, offTopic: 3, long: true, budgetMs: 50_000 };
  else if (facts <= 10_000) plan = { questions: 3, offTopic: 1, long: false, budgetMs: 60_000 };
  else plan = { questions: 1, offTopic: 1, long: false, budgetMs: 120_000 };
  if (args.baselineBudgetS !== null) plan.budgetMs = args.baselineBudgetS * 1000;
  return plan;
}

export async function runBench(args: BenchArgs, log: (m: string) => void): Promise<BenchReport> {
  const started = Date.now();
  const config: BenchConfig = {
    seed: args.seed,
    questions: args.questions,
    offTopic: Math.max(1, Math.round(args.questions / 3)),
    warmup: args.quick ? 10 : 40,
    passes: args.quick ? 1 : 3,
    longPerShape: args.quick ? 1 : 3,
    longLength: 2000,
    breakdownQuestions: args.quick ? 20 : 100,
    corrections: args.quick ? 20 : 100,
    filesMax: args.filesMax,
    baseline: args.baseline,
    baselinePlan: (label, facts) => baselinePlan(label, facts, args),
    log,
  };
  const model = new BaselineCostModel();
  const specs: KbSpec[] = [
    ...(args.real ? [{ label: 'real', kind: 'real' as const, dir: args.kbDir }] : []),
    ...args.sizes.map((facts) => ({ label: labelFor(facts), kind: 'generated' as const, facts })),
  ];
  // Cold start first, while this process is small and nothing else has run.
  const cold: ColdStartResult[] = [];
  if (args.coldRuns > 0) {
    if (args.real) {
      // The first mode is the target's figure: the real `ask` program, spawn to exit.
      const modes: readonly ColdMode[] = args.quick ? ['ask', 'bundle + snapshot'] : COLD_MODES;
      for (const mode of modes) {
        log(`cold start: real KB, ${mode}`);
        cold.push(coldStart('real', args.kbDir, COLD_QUESTION, mode, args.coldRuns));
      }
    }
    if (!args.quick) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
      try {
        const { kb } = generateKb({ facts: 1000, seed: args.seed });
        writeKbFolder(kb, dir);
        const question = kb.facts[0]?.questions[0] ?? 'x';
        for (const mode of ['bundle + snapshot', 'bundle, files'] as const) {
          log(`cold start: generated 1k KB (file format), ${mode}`);
          cold.push(coldStart('1k generated', dir, question, mode, args.coldRuns));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }

  const kbs: KbOutcome[] = [];
  const gc = new GcWatch();
  const loadBefore = loadavg()[0] as number;
  for (const spec of specs) {
    try {
      const result = measureKb(spec, config, model);
      // GC entries arrive asynchronously: wait for them, then split GC pauses out of the latencies.
      await gc.flush();
      if (result.spans) result.latency.gc = gc.attribute(result.spans);
      if (result.served && 'spans' in result.served && result.served.spans) {
        result.served.latency.gc = gc.attribute(result.served.spans);
      }
      delete result.spans;
      if (result.served && 'spans' in result.served) delete result.served.spans;
      kbs.push(result);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`${spec.label}: failed: ${message.split('\n')[0]}`);
      kbs.push({ label: spec.label, kind: spec.kind, error: message });
    }
    collect();
  }
  gc.stop();
  const loadAfter = loadavg()[0] as number;

  const notes = [
    'Latency: performance.now() around engine.answer() only, after a warm-up of ' +
      `${config.warmup} questions not counted. "All questions" = paraphrases with typos + off-topic (a third as many), ` +
      `in ${config.passes} pass(es) of fresh questions; the targets use the median of the passes' p95s.`,
    'Paraphrases: a curated question of a random fact with 1–2 typos (swapped/dropped/doubled letter in words of ≥5 letters), ' +
      'sometimes a word dropped or moved, lowercased, filler added. Top-1 = answered and factIds[0] is the source fact.',
    'Off-topic: a question frame around two subject words the KB does not use (everyday English, invented names). Refusal = no_match.',
    'Odd inputs ("constructor", "__proto__", emoji, control characters, Persian…) are answered once per KB; any that throw are listed.',
    'Load: the real KB with loadKnowledgeBase (first of 3 runs); generated KBs as a JSON stringify → parse round trip, ' +
      `and, up to ${args.filesMax.toLocaleString('en-US')} facts, written in the knowledge/ file format and loaded with loadKnowledgeBase.`,
    `Memory: heap after a forced GC (${gcMode()}), before vs after; "peak" is the process's max RSS so far (cumulative over the run).`,
    '2,000-char messages: 4 shapes (KB words, random letters + typo words, one long word, a repeated question), ' +
      `${config.longPerShape} of each. The engine refuses messages over its maxQuestionLength unread ("too_long"), ` +
      'so the longest accepted length is measured too.',
    "Baseline: new Fuse(reviewed facts, { keys: ['questions','answer','keywords'], includeScore, ignoreLocation }), " +
      'fuse.search(whole question); top-1 = first result is the source; refusal = no result. It answers the first n of the ' +
      "engine's paraphrases; each search is skipped if its estimated cost does not fit the KB's budget.",
  ];
  const cpus = availableParallelism();
  if (Math.max(loadBefore, loadAfter) > cpus * 0.75) {
    notes.unshift(
      `WARNING: the machine was busy (1-min load average ${loadBefore.toFixed(1)} before the KB runs, ` +
        `${loadAfter.toFixed(1)} after, on ${cpus} CPUs): other processes inflate these timings.`,
    );
  }
  notes.push(
    'GC: pauses (perf_hooks "gc" entries) that began inside a timed answer are counted per KB; ' +
      '"without GC" takes them out of each latency.',
  );
  const report: BenchReport = {
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus,
    loadAverage: { before: loadBefore, after: loadAfter },
    gc: gcMode(),
    config: { ...args, offTopic: config.offTopic, warmup: config.warmup, longPerShape: config.longPerShape },
    kbs,
    coldStart: cold,
    targets: evaluateTargets(kbs, cold),
    notes,
  };
  return report;
}

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof UsageError && message === '') {
      console.log(USAGE);
      return 0;
    }
    console.error(`${message}\n${USAGE}`);
    return 2;
  }
  const t0 = Date.now();
  const log = (m: string) =>
    process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${m}\n`);
  const report = await runBench(args, log);
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${renderReport(report)}\n`);
  // A KB that failed to load is reported, not fatal: the rest of the run still stands.
  return report.kbs.some((k) => failed(k) && k.kind === 'generated') ? 1 : 0;
}

if (isMain(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    },
  );
}
