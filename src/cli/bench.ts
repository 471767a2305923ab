/**
 * `npm run bench`: in one run, on the real knowledge base and on a generated one of 10,000 facts,
 * the engine beside MiniSearch and a plain fuse.js search on the same questions (answer p50/p95,
 * top-1, off-topic refused, build time, heap); the real knowledge base's load time; the cold start
 * of the real `ask` program; the Discord round trip; then the targets, PASS or FAIL. tinybench does
 * the timing and statistics (hyperfine the cold start, when it is on PATH). Progress goes to stderr.
 *
 *   --quick     a smoke run: 1,000 generated facts, few questions, starts and round trips
 *   --facts N   the generated knowledge base's size (default 10000)
 *   --json      one JSON object instead of the table
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { coldStart } from '../bench/cold-start.ts';
import { generateKb } from '../bench/generate.ts';
import { loadDictionaries, measureKb, time } from '../bench/measure.ts';
import type { Row, Timing } from '../bench/measure.ts';
import { benchQuestions } from '../bench/questions.ts';
import type { KnowledgeBase } from '../engine/types.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/build.ts';
import { loadKnowledgeBase } from '../knowledge/load.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { isMain } from '../util/is-main.ts';

const USAGE = 'Usage: npm run bench -- [--quick] [--facts N] [--json]';

/** How many questions each system answers, per knowledge base: fuse.js takes seconds at 10,000 facts. */
const PLAN = {
  full: { questions: 400, real: [400, 400, 30], generated: [400, 60, 1], loads: 5, starts: 10, trips: 60 },
  quick: { questions: 40, real: [40, 40, 3], generated: [40, 10, 1], loads: 1, starts: 2, trips: 10 },
};

/** What a run found: what runBench returns, and what --json prints. */
export type BenchResult = Awaited<ReturnType<typeof runBench>>;

type Failed = { error: string };

/** What `work` gives, or the error it throws, so that one failed part leaves the rest of the run. */
async function attempt<T>(work: () => T | Promise<T>): Promise<T | Failed> {
  try {
    return await work();
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

async function kbResult(label: string, kb: KnowledgeBase, counts: number[], builds: number, n: number) {
  const [questions, warmup] = [benchQuestions(kb, n, 1), benchQuestions(kb, n, 2)];
  const rows = await measureKb(kb, questions, { counts, builds, warmup, log: (m) => log(`${label}: ${m}`) });
  return { label, facts: kb.facts.length, rows };
}

function roundTrip(n: number): Timing {
  const args = ['--import', 'tsx', 'tests/e2e/roundtrip-bench.ts', '--json', '--n', String(n)];
  const r = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`exit ${r.status ?? r.signal}: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Timing;
}

export async function runBench(opts: { quick: boolean; facts: number }) {
  const plan = opts.quick ? PLAN.quick : PLAN.full;
  const loadBefore = loadavg()[0] ?? 0;
  loadDictionaries();
  const dir = process.env.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR;
  log('real knowledge base: load');
  const real = await attempt(() => loadKnowledgeBase(dir)); // also the warm-up
  const load =
    'error' in real
      ? real
      : await attempt(() => time(() => loadKnowledgeBase(dir), { iterations: plan.loads }));
  const kbs: { label: string; facts: number; rows: Row[] }[] = [];
  if (!('error' in real)) kbs.push(await kbResult('real', real, plan.real, 5, plan.questions));
  log(`generating ${opts.facts.toLocaleString('en-US')} facts`);
  const generated = generateKb({ facts: opts.facts, seed: 1 }).kb;
  kbs.push(await kbResult('generated', generated, plan.generated, 1, plan.questions));

  log(`cold start: ${plan.starts} starts of ask`);
  const facts = 'error' in real ? [] : real.facts;
  const question = facts.find((f) => f.status === 'reviewed')?.questions[0] ?? 'what is this about';
  const cold = await attempt(() => coldStart(question, plan.starts));
  log(`Discord round trip: ${plan.trips} questions`);
  const trip = await attempt(() => roundTrip(plan.trips));

  const engineP95 = (label: string) => kbs.find((k) => k.label === label)?.rows[0]?.latency.p95 ?? NaN;
  const target = (name: string, value: number, limit: number, unit: 'ms' | 's') =>
    ({ name, value, limit, unit, pass: value <= limit }) as const;
  return {
    node: process.version,
    cpus: availableParallelism(),
    loadAverage: [loadBefore, loadavg()[0] ?? 0],
    kbs,
    load,
    coldStart: cold,
    roundTrip: trip,
    targets: [
      target('real knowledge base, engine p95', engineP95('real'), 1, 'ms'),
      target(`${opts.facts.toLocaleString('en-US')} facts, engine p95`, engineP95('generated'), 5, 'ms'),
      target('cold start of ask, p50', 'p50' in cold ? cold.p50 / 1000 : NaN, 1, 's'),
    ],
  };
}

const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toPrecision(2)} ms`);
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x * 100)}%`);
const timing = (t: Timing | Failed, unit = ms) =>
  'error' in t ? `failed: ${t.error}` : `p50 ${unit(t.p50)}, p95 ${unit(t.p95)} (n = ${t.n})`;

/** Columns padded to their widest cell. */
function columns(lines: string[][]): string {
  const widths = lines[0]?.map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length))) ?? [];
  const line = (l: string[]) => l.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
  return lines.map((l) => line(l).trimEnd()).join('\n');
}

export function render(r: BenchResult): string {
  const head = ['', '', 'build', 'heap', 'questions', 'p50', 'p95', 'top-1', 'off-topic refused'];
  const lines = [head];
  for (const kb of r.kbs) {
    const name = `${kb.label} (${kb.facts.toLocaleString('en-US')} facts)`;
    kb.rows.forEach(({ system, build, heapMb, latency, top1, refused }, i) => {
      const figures = [
        ms(build.p50),
        `${heapMb.toFixed(1)} MB`,
        `${latency.n}`,
        ms(latency.p50),
        ms(latency.p95),
      ];
      lines.push([i === 0 ? name : '', system, ...figures, pct(top1), pct(refused)]);
    });
  }
  const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const cold = 'tool' in r.coldStart ? ` (${r.coldStart.tool})` : '';
  return [
    `npm run bench: Node ${r.node}, ${r.cpus} CPUs, load average ${r.loadAverage.map((l) => l.toFixed(1)).join(' → ')}` +
      (Math.max(...r.loadAverage) > r.cpus ? ': a busy machine, so the timings are inflated' : ''),
    '',
    columns(lines),
    '',
    `real knowledge base load (read, YAML, zod, checks): ${timing(r.load)}`,
    `cold start of ask (spawn → answer → exit)${cold}: ${timing(r.coldStart, seconds)}`,
    `Discord round trip (real bot, fake Discord, /ask and @mention): ${timing(r.roundTrip)}`,
    '',
    ...r.targets.map(
      (t) =>
        `${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.unit === 's' ? t.value.toFixed(2) : ms(t.value)} ≤ ${t.limit} ${t.unit}`,
    ),
    '',
    'Questions: paraphrases of curated questions with typos, every fourth one off-topic instead; each system',
    'answers the first n of the same list (fuse.js only a few: it takes seconds a question at 10,000 facts).',
    'top-1: the paraphrase answered with its own fact first; refused: nothing returned. build: p50 of the builds;',
    'heap: what the built index holds.',
  ].join('\n');
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { quick: { type: 'boolean' }, json: { type: 'boolean' }, facts: { type: 'string' } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const facts = Number(values.facts ?? (values.quick ? 1000 : 10_000));
  if (!Number.isInteger(facts) || facts < 10) {
    console.error(`--facts takes a whole number ≥ 10, got "${values.facts}"\n${USAGE}`);
    return 2;
  }
  const result = await runBench({ quick: values.quick ?? false, facts });
  console.log(values.json ? JSON.stringify(result) : render(result));
  return [result.load, result.coldStart, result.roundTrip].some((x) => 'error' in x) ? 1 : 0;
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
