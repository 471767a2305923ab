/** The benchmark's targets and its readable report (a table per figure, one column per knowledge base). */
import type { ColdStartResult } from './cold-start.ts';
import type { BaselineResult, KbResult, Latency, ServedResult } from './measure.ts';
import type { Summary } from './stats.ts';

export interface KbFailure {
  label: string;
  kind: 'real' | 'generated';
  error: string;
}

export type KbOutcome = KbResult | KbFailure;

export function failed(o: KbOutcome): o is KbFailure {
  return 'error' in o && typeof o.error === 'string' && !('latency' in o);
}

export interface TargetCheck {
  name: string;
  target: string;
  /** The measured figure, or null when it was not measured. */
  value: number | null;
  unit: string;
  pass: boolean | null;
  detail: string;
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  node: string;
  platform: string;
  cpus: number;
  /** 1-minute load average before and after the KB runs: other processes skew timings. */
  loadAverage: { before: number; after: number };
  gc: string;
  config: Record<string, unknown>;
  kbs: KbOutcome[];
  coldStart: ColdStartResult[];
  targets: TargetCheck[];
  notes: string[];
}

const ms = (n: number | undefined | null): string => {
  if (n === undefined || n === null || !Number.isFinite(n)) return '–';
  if (n >= 1000) return `${Math.round(n).toLocaleString('en-US')}`;
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  if (n >= 1) return n.toFixed(2);
  return n.toFixed(3);
};
const pct = (r: number) => (Number.isFinite(r) ? `${(r * 100).toFixed(1)}%` : '–');
const mb = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const tri = (s: Summary) => (s.n === 0 ? '–' : `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)} (n=${s.n})`);

function byFacts(kbs: KbOutcome[], facts: number): KbResult | undefined {
  return kbs.find((k): k is KbResult => !failed(k) && k.kind === 'generated' && k.facts === facts);
}

function check(
  name: string,
  target: string,
  value: number | null,
  limit: number,
  unit: string,
  detail: string,
): TargetCheck {
  return {
    name,
    target,
    value,
    unit,
    pass: value === null || !Number.isFinite(value) ? null : value < limit,
    detail,
  };
}

/** The targets, each PASS, FAIL or not measured (pass: null) with the reason. */
export function evaluateTargets(kbs: KbOutcome[], cold: ColdStartResult[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  const real = kbs.find((k) => k.kind === 'real');
  if (!real) out.push(check('engine p95, real KB', '< 1 ms', null, 1, 'ms', 'not run (--no-real)'));
  else if (failed(real))
    out.push(
      check('engine p95, real KB', '< 1 ms', null, 1, 'ms', `real KB did not load: ${firstLine(real.error)}`),
    );
  else {
    out.push(
      check(
        'engine p95, real KB',
        '< 1 ms',
        real.latency.p95,
        1,
        'ms',
        `new Engine(kb); ${passes(real.latency)}`,
      ),
    );
    const s = real.served;
    if (s && 'openMs' in s) {
      out.push(
        check(
          'engine p95, real KB as served',
          '< 1 ms',
          s.latency.p95,
          1,
          'ms',
          `openEngine(); ${passes(s.latency)}`,
        ),
      );
    } else if (s)
      out.push(
        check(
          'engine p95, real KB as served',
          '< 1 ms',
          null,
          1,
          'ms',
          `openEngine failed: ${firstLine(s.error)}`,
        ),
      );
  }

  for (const [facts, limit] of [
    [10_000, 5],
    [100_000, 40],
  ] as const) {
    const k = byFacts(kbs, facts);
    const name = `engine p95, ${int(facts)} facts`;
    out.push(
      k
        ? check(name, `< ${limit} ms`, k.latency.p95, limit, 'ms', passes(k.latency))
        : check(name, `< ${limit} ms`, null, limit, 'ms', `size not run (--sizes)`),
    );
  }

  const k10 = byFacts(kbs, 10_000);
  if (!k10) {
    out.push(
      check('2,000-char message, 10,000 facts', 'max < 50 ms', null, 50, 'ms', 'size not run (--sizes)'),
    );
  } else {
    for (const l of k10.long) {
      const outcome = Object.entries(l.outcomes)
        .map(([o, n]) => `${n} ${o}`)
        .join(', ');
      const is2000 = l.length === 2000;
      out.push(
        check(
          is2000
            ? '2,000-char message, 10,000 facts'
            : `${int(l.length)}-char message (longest accepted), 10,000 facts`,
          'max < 50 ms',
          l.maxMs,
          50,
          'ms',
          `n=${l.n}, 4 shapes; engine said: ${outcome}${is2000 ? '' : ' (added: the 2,000-char ones are refused unread)'}`,
        ),
      );
    }
  }

  const measured = kbs.filter((k): k is KbResult => !failed(k));
  if (measured.length > 0) {
    const errors = measured.reduce((n, k) => n + k.errors.length, 0);
    out.push({
      name: 'engine.answer() never throws (generated questions + odd inputs)',
      target: '0 errors',
      value: errors,
      unit: 'errors',
      pass: errors === 0,
      detail: errors === 0 ? 'none threw' : 'see "Engine errors" above (added check)',
    });
  }

  const c = cold.find((r) => r.label === 'real' && r.launcher === 'ask');
  const name = 'cold start to first answer, real KB';
  if (!c) out.push(check(name, '< 1 s', null, 1000, 'ms', 'not run'));
  else if (c.error) out.push(check(name, '< 1 s', null, 1000, 'ms', `failed: ${firstLine(c.error)}`));
  else
    out.push(
      check(
        name,
        '< 1 s',
        c.wallMs,
        1000,
        'ms',
        `\`npm run ask\` without npm (node scripts/run.mjs ask), spawn → answer printed → exit, median of ${c.runs.length}`,
      ),
    );
  return out;
}

function passes(l: Latency): string {
  return `median of ${l.passP95.length} passes' p95 (${l.passP95.map(ms).join(', ')}), n=${l.all.n} questions`;
}

function firstLine(s: string): string {
  const lines = s.split('\n').filter(Boolean);
  return lines.length > 1
    ? `${lines[0]} ${lines[1]}${lines.length > 2 ? ` (+${lines.length - 2} more)` : ''}`
    : (lines[0] ?? s);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function served(k: KbResult, f: (v: Extract<ServedResult, { openMs: number }>) => string): string {
  if (!k.served) return k.kind === 'real' ? '–' : 'n/a (real KB only)';
  if ('error' in k.served) return 'failed (see below)';
  return f(k.served);
}

function baselineCell(b: KbResult['baseline'], f: (b: BaselineResult) => string): string {
  if (!b) return '–';
  if ('skipped' in b) return 'skipped';
  return f(b);
}

export function renderReport(r: BenchReport): string {
  const out: string[] = [];
  const kbs = r.kbs;
  const ok = kbs.filter((k): k is KbResult => !failed(k));
  out.push(
    `Answer-engine benchmark — ${r.startedAt}, node ${r.node}, ${r.platform}, ${r.cpus} CPUs, ` +
      `load avg ${r.loadAverage.before.toFixed(1)}→${r.loadAverage.after.toFixed(1)}, took ${(r.durationMs / 1000).toFixed(0)} s`,
  );
  out.push('All times in ms unless marked. a / b / c = p50 / p95 / max.');
  for (const k of kbs) if (failed(k)) out.push(`\n${k.label} KB: FAILED TO LOAD — ${k.error.trim()}`);
  if (ok.length > 0) {
    const header = ['', ...ok.map((k) => (k.kind === 'real' ? 'real KB' : `${k.label} facts`))];
    const cell = (f: (k: KbResult) => string) => ok.map(f);
    const row = (label: string, f: (k: KbResult) => string): string[] => [label, ...cell(f)];
    const section = (label: string): string[] => [label, ...ok.map(() => '')];
    const longAt = (k: KbResult, i: number) => {
      const l = k.long[i];
      return l ? `${ms(l.maxMs)} ${l.worstShape} (n=${l.n})` : '–';
    };
    const rows: string[][] = [
      section('Knowledge base'),
      row('  facts / articles', (k) => `${int(k.facts)} / ${int(k.articles)}`),
      row('  questions per fact', (k) => k.questionsPerFact.toFixed(1)),
      row('  vocabulary (stemmed words)', (k) => int(k.vocabulary)),
      row('  load', (k) => `${ms(k.load.ms)} (${k.load.kind === 'files' ? 'files' : 'JSON trip'})`),
      row('  load, file format (yaml)', (k) =>
        !k.loadFiles ? '(above)' : 'skipped' in k.loadFiles ? 'skipped (size)' : ms(k.loadFiles.ms),
      ),
      section('Engine'),
      row('  build new Engine(kb)', (k) => `${ms(k.build.ms)} (n=${k.build.runs.length})`),
      row('  heap: KB / engine index MB', (k) => `${mb(k.memory.kbHeapMb)} / ${mb(k.memory.engineHeapMb)}`),
      row('  RSS after build / peak MB', (k) => `${mb(k.memory.rssMb)} / ${mb(k.memory.maxRssMb)}`),
      row('  answer, all questions', (k) => tri(k.latency.all)),
      row('  p95 per pass → median', (k) => `${k.latency.passP95.map(ms).join(', ')} → ${ms(k.latency.p95)}`),
      row('  answer, paraphrases', (k) => tri(k.latency.paraphrase)),
      row('  answer, off-topic', (k) => tri(k.latency.offTopic)),
      row('  GC in answers: pauses / ms', (k) =>
        k.latency.gc
          ? `${k.latency.gc.pauses} / ${ms(k.latency.gc.ms)} (${k.latency.gc.questionsHit} q)`
          : '–',
      ),
      row('  all, without GC: p95 / max', (k) =>
        k.latency.gc ? `${ms(k.latency.gc.p95WithoutGc)} / ${ms(k.latency.gc.maxWithoutGc)}` : '–',
      ),
      row('  2,000-char msgs, max', (k) => longAt(k, 0)),
      row(`  longest accepted msgs, max`, (k) => (k.long[1] ? `${longAt(k, 1)} @${k.long[1].length}` : '–')),
      row('  top-1 accuracy (typos)', (k) => `${pct(k.accuracy.top1)} (n=${k.accuracy.n})`),
      row(
        '  source in answer / answered',
        (k) => `${pct(k.accuracy.inAnswer)} / ${pct(k.accuracy.answered)}`,
      ),
      row('  refusal, off-topic', (k) => `${pct(k.refusal.rate)} (n=${k.refusal.n})`),
      row('  inputs that made answer() throw', (k) => String(k.errors.length)),
      section('As served: openEngine(dir)'),
      row('  open (load + options + build)', (k) => served(k, (v) => ms(v.openMs))),
      row('  answer, all questions', (k) => served(k, (v) => tri(v.latency.all))),
      row('  p95 per pass → median', (k) =>
        served(k, (v) => `${v.latency.passP95.map(ms).join(', ')} → ${ms(v.latency.p95)}`),
      ),
      row('  all, without GC: p95 / max', (k) =>
        served(k, (v) =>
          v.latency.gc ? `${ms(v.latency.gc.p95WithoutGc)} / ${ms(v.latency.gc.maxWithoutGc)}` : '–',
        ),
      ),
      row('  top-1 accuracy (typos)', (k) => served(k, (v) => `${pct(v.accuracy.top1)} (n=${v.accuracy.n})`)),
      row('  refusal, off-topic', (k) => served(k, (v) => `${pct(v.refusal.rate)} (n=${v.refusal.n})`)),
      section('Where answer time goes'),
      row('  analyse()', (k) => tri(k.breakdown.analyse)),
      row('  rank()', (k) => tri(k.breakdown.rank)),
      row('  one typo correction', (k) => tri(k.breakdown.correct)),
      row(
        '  postings walked / question',
        (k) =>
          `${int(k.breakdown.postings.p50)} / ${int(k.breakdown.postings.p95)} / ${int(k.breakdown.postings.max)}`,
      ),
      section('fuse.js baseline'),
      row('  build new Fuse / heap MB', (k) =>
        baselineCell(k.baseline, (b) => `${ms(b.buildMs)} / ${mb(b.heapMb)}`),
      ),
      row('  search, paraphrases', (k) =>
        baselineCell(k.baseline, (b) => (b.latency.n === 0 ? 'skipped (budget)' : tri(b.latency))),
      ),
      row('  top-1 accuracy', (k) =>
        baselineCell(k.baseline, (b) =>
          b.top1.n === 0 ? 'skipped (budget)' : `${pct(b.top1.rate)} (n=${b.top1.n})`,
        ),
      ),
      row('  engine top-1, same questions', (k) =>
        baselineCell(k.baseline, (b) =>
          b.engineSameQuestions.n === 0
            ? '–'
            : `${pct(b.engineSameQuestions.top1)} (n=${b.engineSameQuestions.n})`,
        ),
      ),
      row('  refusal, off-topic', (k) =>
        baselineCell(k.baseline, (b) =>
          b.refusal.n === 0
            ? b.plan.offTopic === 0
              ? 'not planned'
              : 'skipped (budget)'
            : `${pct(b.refusal.rate)} (n=${b.refusal.n})`,
        ),
      ),
      row('  2,000-char message', (k) =>
        baselineCell(k.baseline, (b) =>
          b.long ? `${ms(b.long.ms)} (n=1)` : b.plan.long ? 'skipped (budget)' : 'not planned',
        ),
      ),
      row('  time spent / budget s', (k) =>
        baselineCell(
          k.baseline,
          (b) => `${(b.spentMs / 1000).toFixed(1)} / ${(b.budgetMs / 1000).toFixed(0)}`,
        ),
      ),
      section('Engine vs baseline'),
      row('  p50 speed-up', (k) => (k.speedup ? `×${int(k.speedup.p50)}` : '–')),
      row('  2,000-char speed-up', (k) => (k.speedup?.long ? `×${int(k.speedup.long)}` : '–')),
    ];
    out.push('', table(header, rows));

    const skips = ok.flatMap((k) =>
      k.baseline && 'skips' in k.baseline
        ? k.baseline.skips.map((s) => `  ${k.label}: ${s.label} skipped (budget): ${s.reason}`)
        : [],
    );
    const disabled = ok.flatMap((k) =>
      k.baseline && 'skipped' in k.baseline ? [`  ${k.label}: ${k.baseline.skipped}`] : [],
    );
    const files = ok.flatMap((k) =>
      k.loadFiles && 'skipped' in k.loadFiles
        ? [`  ${k.label}: file-format load skipped: ${k.loadFiles.skipped}`]
        : [],
    );
    const thrown = ok.flatMap((k) => k.errors.map((e) => `  ${k.label}: engine.answer threw on ${e}`));
    if (thrown.length > 0) out.push('', 'Engine errors:', ...thrown);
    for (const k of ok)
      if (k.served && 'error' in k.served) files.push(`  ${k.label}: openEngine failed: ${k.served.error}`);
    if (skips.length + disabled.length + files.length > 0)
      out.push('', 'Skipped (never silently):', ...skips, ...disabled, ...files);
  }

  if (r.coldStart.length > 0) {
    out.push('', 'Cold start to first answer (fresh process: start, load, build, answer one question)');
    out.push(
      table(
        ['', 'wall (parent)', 'in child', 'bootstrap', 'import', 'load', 'build', 'answer', 'runs (wall)'],
        r.coldStart.map((c) => {
          const first = c.runs.find((x) => !x.error);
          const med = (f: (x: (typeof c.runs)[number]) => number | undefined) => {
            const vals = c.runs.filter((x) => !x.error).map((x) => f(x) ?? NaN);
            return vals.length ? ms(vals.sort((a, b) => a - b)[Math.floor((vals.length - 1) / 2)]) : '–';
          };
          return [
            `${c.label}, ${c.launcher}`,
            c.error && !first ? 'failed' : ms(c.wallMs),
            ms(c.sinceProcessStartMs),
            med((x) => x.beforeScriptMs),
            med((x) => x.importMs),
            med((x) => x.loadMs),
            med((x) => x.buildMs),
            med((x) => x.answerMs),
            c.runs.map((x) => (x.error ? 'error' : ms(x.wallMs))).join(', '),
          ];
        }),
      ),
    );
    for (const c of r.coldStart) if (c.error) out.push(`  ${c.label}, ${c.launcher}: ${c.error}`);
    out.push(
      '  ask = the real `ask` program, timed from outside only. bundle = node scripts/run.mjs (esbuild bundle);',
      '  snapshot = knowledge base from its snapshot (CACHE_DIR); files = YAML read and validated (a start after an edit);',
      '  tsx = the TypeScript source under the tsx loader. bootstrap = node (+ loader) and static imports.',
      '  Each mode had one unmeasured warm-up start (it builds the bundle / writes the snapshot).',
    );
  }

  out.push('', 'Targets');
  for (const t of r.targets) {
    const mark = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL';
    const value =
      t.value === null ? 'not measured' : t.unit === 'ms' ? `${ms(t.value)} ms` : `${t.value} ${t.unit}`;
    out.push(`  ${mark}  ${t.name} ${t.target}: ${value} — ${t.detail}`);
  }
  if (r.notes.length > 0) out.push('', 'Notes', ...r.notes.map((n) => `  - ${n}`));
  return out.join('\n');
}
