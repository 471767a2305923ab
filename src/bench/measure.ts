/**
 * Measures one knowledge base: load, engine build, memory, answer latency, long messages,
 * accuracy and refusal, a breakdown of where answer time goes, and the fuse.js baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../engine/engine.ts';
import { toWords } from '../text/tokenise.ts';
import type { Answer, KnowledgeBase } from '../engine/types.ts';
import { loadKnowledgeBase } from '../knowledge/load.ts';
import { openEngine } from '../knowledge/open.ts';
import { BaselineCostModel, BudgetRunner, buildBaseline, searchedChars } from './baseline.ts';
import type { Skip } from './baseline.ts';
import type { GcAttribution } from './gc-watch.ts';
import { generateKb } from './generate.ts';
import { writeKbFolder } from './kb-files.ts';
import { MB, collect, snapshot } from './memory.ts';
import { Rng } from '../util/prng.ts';
import { LONG_SHAPES, kbWords, longMessage, offTopicSet, paraphraseSet, typo } from './questions.ts';
import type { BenchQuestion, LongMessage, LongShape } from './questions.ts';
import { median, summarise, timed } from './stats.ts';
import type { Summary } from './stats.ts';

export interface BaselinePlan {
  /** Paraphrases searched (the first ones of the engine's set, so both answer the same questions). */
  questions: number;
  offTopic: number;
  /** One 2,000-character message (kb-words shape). */
  long: boolean;
  budgetMs: number;
}

export interface BenchConfig {
  seed: number;
  /** Paraphrases (with typos) answered per KB. */
  questions: number;
  offTopic: number;
  warmup: number;
  /** Passes over fresh question sets (p95 is judged on the median pass). */
  passes: number;
  /** Messages per long shape and per length. */
  longPerShape: number;
  longLength: number;
  breakdownQuestions: number;
  corrections: number;
  /** Largest generated KB also written in the file format and loaded with loadKnowledgeBase. */
  filesMax: number;
  baseline: boolean;
  baselinePlan: (label: string, facts: number) => BaselinePlan;
  log: (message: string) => void;
}

export type KbSpec =
  { label: string; kind: 'real'; dir: string } | { label: string; kind: 'generated'; facts: number };

export interface LongFigures {
  length: number;
  n: number;
  maxMs: number;
  worstShape: LongShape;
  byShape: Record<LongShape, number>;
  /** What the engine did with them (too_long means it refused before reading). */
  outcomes: Record<string, number>;
}

export interface BaselineResult {
  buildMs: number;
  heapMb: number;
  budgetMs: number;
  spentMs: number;
  latency: Summary;
  top1: { rate: number; n: number };
  refusal: { rate: number; n: number };
  long: { ms: number; length: number; shape: LongShape; engineMs: number } | null;
  /** The engine on exactly the questions the baseline answered. */
  engineSameQuestions: { top1: number; p50: number; n: number };
  skips: Skip[];
  /** Planned counts, so the report can say what was asked for. */
  plan: BaselinePlan;
}

export interface Latency {
  /** Every timed answer of every pass pooled. */
  all: Summary;
  /** p95 of each pass (fresh questions, so fresh typos, each pass). */
  passP95: number[];
  /** The median of passP95: what the targets are judged on (robust to a burst of load from elsewhere). */
  p95: number;
  paraphrase: Summary;
  offTopic: Summary;
  /** GC pauses that fell inside timed answers (filled in by the caller, which can wait for them). */
  gc?: GcAttribution | undefined;
}

export interface KbResult {
  label: string;
  kind: 'real' | 'generated';
  error?: string;
  facts: number;
  articles: number;
  questionsPerFact: number;
  /** Distinct stemmed words the engine's vocabulary holds. */
  vocabulary: number;
  generateMs?: number;
  load: { kind: 'files' | 'json-roundtrip'; ms: number; runs: number[]; note: string };
  loadFiles?: { ms: number; writeMs: number } | { skipped: string };
  build: { ms: number; runs: number[] };
  memory: { kbHeapMb: number; engineHeapMb: number; rssMb: number; maxRssMb: number };
  latency: Latency;
  /** [start, end] of every timed answer; removed from the output once GC has been attributed. */
  spans?: [number, number][] | undefined;
  long: LongFigures[];
  accuracy: { top1: number; inAnswer: number; answered: number; n: number };
  refusal: { rate: number; n: number };
  /** Questions (generated or odd inputs) on which engine.answer threw, with the message. */
  errors: string[];
  breakdown: { analyse: Summary; rank: Summary; correct: Summary; postings: Summary; corrections: number };
  baseline?: BaselineResult | { skipped: string };
  speedup?: { p50: number; long?: number };
  /** The real KB as the bot serves it: openEngine(dir), with whatever options it passes the engine. */
  served?: ServedResult;
}

export type ServedResult =
  | {
      openMs: number;
      latency: Latency;
      spans?: [number, number][] | undefined;
      accuracy: { top1: number; inAnswer: number; answered: number; n: number };
      refusal: { rate: number; n: number };
    }
  | { error: string };

export function labelFor(facts: number): string {
  if (facts >= 1000 && facts % 1000 === 0) return `${facts / 1000}k`;
  return String(facts);
}

interface Obtained {
  kb: KnowledgeBase;
  load: KbResult['load'];
  generateMs?: number;
}

function obtainReal(dir: string): Obtained {
  const runs: number[] = [];
  let kb: KnowledgeBase | undefined;
  for (let i = 0; i < 3; i++) {
    const r = timed(() => loadKnowledgeBase(dir));
    runs.push(r.ms);
    kb = r.value;
  }
  return {
    kb: kb as KnowledgeBase,
    load: {
      kind: 'files',
      ms: runs[0] as number,
      runs,
      note: 'loadKnowledgeBase(knowledge/): read + YAML parse + zod + checks; first of 3 runs (the later ones are JIT-warm)',
    },
  };
}

function obtainGenerated(facts: number, seed: number): Obtained {
  const gen = timed(() => generateKb({ facts, seed }));
  // "Load" of a generated KB: a JSON serialise → parse round trip of the whole KB.
  const trip = timed(() => JSON.parse(JSON.stringify(gen.value.kb)) as KnowledgeBase);
  return {
    kb: trip.value,
    generateMs: gen.ms,
    load: {
      kind: 'json-roundtrip',
      ms: trip.ms,
      runs: [trip.ms],
      note: 'JSON.stringify → JSON.parse of the generated KB',
    },
  };
}

function measureFilesLoad(kb: KnowledgeBase, config: BenchConfig): KbResult['loadFiles'] {
  if (kb.facts.length > config.filesMax) {
    return {
      skipped: `file-format load is measured up to ${config.filesMax.toLocaleString('en-US')} facts (--files-max)`,
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-kb-'));
  try {
    const write = timed(() => writeKbFolder(kb, dir));
    const load = timed(() => loadKnowledgeBase(dir));
    return { ms: load.ms, writeMs: write.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds the engine (3 times up to 10,000 facts, for a median; once above). */
function buildEngine(kb: KnowledgeBase): { engine: Engine; runs: number[]; rssMb: number } {
  const reps = kb.facts.length <= 10_000 ? 3 : 1;
  const runs: number[] = [];
  let engine: Engine | undefined;
  for (let i = 0; i < reps; i++) {
    engine = undefined;
    collect();
    const r = timed(() => new Engine(kb));
    engine = r.value;
    runs.push(r.ms);
  }
  collect();
  return { engine: engine as Engine, runs, rssMb: snapshot().rss / MB };
}

/**
 * What a structure retains: heap (after a forced GC) with it alive minus heap after dropping it.
 * Measuring "after minus before building" is unreliable: garbage from before the build that
 * V8 could not yet free (temporaries still on the stack) is freed during it.
 */
function retainedMb(drop: () => void): { before: number; after: number; mb: number } {
  collect();
  const before = snapshot().heapUsed;
  drop();
  collect();
  const after = snapshot().heapUsed;
  return { before, after, mb: (before - after) / MB };
}

function isTop1(engineAnswer: { status: string; factIds: string[] }, factId: string | null): boolean {
  return engineAnswer.status === 'answered' && engineAnswer.factIds[0] === factId;
}

export function measureKb(spec: KbSpec, config: BenchConfig, model: BaselineCostModel): KbResult {
  // The KB and the engine live only in `holder` and in measureStages' frame: once that returns, no
  // interpreter register of this frame holds them, so dropping them frees them and the retained
  // heap can be measured.
  const holder: Holder = {};
  const result = measureStages(spec, config, model, holder);
  result.memory.engineHeapMb = retainedMb(() => (holder.engine = undefined)).mb;
  result.memory.kbHeapMb = retainedMb(() => (holder.kb = undefined)).mb;
  result.memory.maxRssMb = snapshot().maxRss / MB;
  return result;
}

interface Holder {
  kb?: KnowledgeBase | undefined;
  engine?: Engine | undefined;
  fuse?: ReturnType<typeof buildBaseline> | undefined;
}

function measureStages(
  spec: KbSpec,
  config: BenchConfig,
  model: BaselineCostModel,
  holder: Holder,
): KbResult {
  const { log } = config;
  log(`${spec.label}: loading`);
  const obtained = spec.kind === 'real' ? obtainReal(spec.dir) : obtainGenerated(spec.facts, config.seed);
  const kb = obtained.kb;
  holder.kb = kb;
  const loadFiles =
    spec.kind === 'generated'
      ? (log(`${spec.label}: file-format load`), measureFilesLoad(kb, config))
      : undefined;

  log(`${spec.label}: building the engine`);
  const built = buildEngine(kb);
  const engine = built.engine;
  holder.engine = engine;

  const figures = answerFigures(spec.label, kb, engine, config, model);
  let served: ServedResult | undefined;
  if (spec.kind === 'real') {
    log(`${spec.label}: as served (openEngine)`);
    served = measureServed(spec.dir, figures.questions);
  }
  const result: KbResult = {
    label: spec.label,
    kind: spec.kind,
    facts: kb.facts.length,
    articles: kb.articles.length,
    questionsPerFact: kb.facts.reduce((s, f) => s + f.questions.length, 0) / Math.max(1, kb.facts.length),
    vocabulary: figures.vocabulary,
    generateMs: obtained.generateMs,
    load: obtained.load,
    loadFiles,
    build: { ms: median(built.runs), runs: built.runs },
    memory: { kbHeapMb: NaN, engineHeapMb: NaN, rssMb: built.rssMb, maxRssMb: NaN },
    latency: figures.latency,
    spans: figures.spans,
    long: figures.long,
    accuracy: figures.accuracy,
    refusal: figures.refusal,
    errors: figures.errors,
    breakdown: figures.breakdown,
    baseline: figures.baseline,
    served,
  };
  const baseline = figures.baseline;
  if (baseline && 'latency' in baseline && baseline.latency.n > 0) {
    result.speedup = { p50: baseline.latency.p50 / result.latency.paraphrase.p50 };
    if (baseline.long) result.speedup.long = baseline.long.ms / baseline.long.engineMs;
  }
  return result;
}

type AnswerFigures = Pick<
  KbResult,
  'vocabulary' | 'latency' | 'spans' | 'long' | 'accuracy' | 'refusal' | 'errors' | 'breakdown' | 'baseline'
> & {
  questions: { passes: QuestionPass[]; warmup: BenchQuestion[] };
};

interface QuestionFigures {
  /** Questions on which engine.answer threw: "question": message. */
  errors: string[];
  /** [start, end] of every timed answer, for GC attribution. */
  spans: [number, number][];
  paraMs: number[];
  offMs: number[];
  engineTop1ByQuestion: boolean[];
  latency: KbResult['latency'];
  accuracy: KbResult['accuracy'];
  refusal: KbResult['refusal'];
}

/** Answers the paraphrases and the off-topic questions, timing engine.answer() alone. */
function answerQuestions(
  engine: Engine,
  paraphrases: BenchQuestion[],
  offTopic: BenchQuestion[],
): QuestionFigures {
  const paraMs: number[] = [];
  let top1 = 0;
  let inAnswer = 0;
  let answered = 0;
  const engineTop1ByQuestion: boolean[] = [];
  const spans: [number, number][] = [];
  const errors: string[] = [];
  const answer = (text: string): Answer | null => {
    try {
      return engine.answer(text);
    } catch (err) {
      errors.push(`${JSON.stringify(text)}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  for (const q of paraphrases) {
    const t0 = performance.now();
    const a = answer(q.text);
    const t1 = performance.now();
    paraMs.push(t1 - t0);
    spans.push([t0, t1]);
    const ok = a !== null && isTop1(a, q.factId);
    engineTop1ByQuestion.push(ok);
    if (ok) top1++;
    if (a?.status === 'answered') answered++;
    if (q.factId && a?.factIds.includes(q.factId)) inAnswer++;
  }
  const offMs: number[] = [];
  let refused = 0;
  for (const q of offTopic) {
    const t0 = performance.now();
    const a = answer(q.text);
    const t1 = performance.now();
    offMs.push(t1 - t0);
    spans.push([t0, t1]);
    if (a?.status === 'no_match') refused++;
  }
  const n = Math.max(1, paraphrases.length);
  return {
    errors,
    spans,
    paraMs,
    offMs,
    engineTop1ByQuestion,
    latency: {
      all: summarise([...paraMs, ...offMs]),
      passP95: [summarise([...paraMs, ...offMs]).p95],
      p95: summarise([...paraMs, ...offMs]).p95,
      paraphrase: summarise(paraMs),
      offTopic: summarise(offMs),
    },
    accuracy: { top1: top1 / n, inAnswer: inAnswer / n, answered: answered / n, n: paraphrases.length },
    refusal: { rate: refused / Math.max(1, offTopic.length), n: offTopic.length },
  };
}

export interface QuestionPass {
  paraphrases: BenchQuestion[];
  offTopic: BenchQuestion[];
}

/** Several passes of answerQuestions, pooled; the first pass's per-question figures kept for the baseline. */
function answerPasses(engine: Engine, passes: QuestionPass[]): QuestionFigures {
  const results = passes.map((p) => answerQuestions(engine, p.paraphrases, p.offTopic));
  const first = results[0] as QuestionFigures;
  const sum = (f: (r: QuestionFigures) => number) => results.reduce((a, r) => a + f(r), 0);
  const paraN = sum((r) => r.accuracy.n);
  const offN = sum((r) => r.refusal.n);
  const weighted = (f: (r: QuestionFigures) => number) =>
    sum((r) => f(r) * r.accuracy.n) / Math.max(1, paraN);
  const passP95 = results.map((r) => r.latency.p95);
  const allPara = results.flatMap((r) => r.paraMs);
  const allOff = results.flatMap((r) => r.offMs);
  return {
    errors: results.flatMap((r) => r.errors),
    spans: results.flatMap((r) => r.spans),
    paraMs: first.paraMs,
    offMs: first.offMs,
    engineTop1ByQuestion: first.engineTop1ByQuestion,
    latency: {
      all: summarise([...allPara, ...allOff]),
      passP95,
      p95: median(passP95),
      paraphrase: summarise(allPara),
      offTopic: summarise(allOff),
    },
    accuracy: {
      top1: weighted((r) => r.accuracy.top1),
      inAnswer: weighted((r) => r.accuracy.inAnswer),
      answered: weighted((r) => r.accuracy.answered),
      n: paraN,
    },
    refusal: { rate: sum((r) => r.refusal.rate * r.refusal.n) / Math.max(1, offN), n: offN },
  };
}

/** The real KB through openEngine (load + the options it passes + build), on the same questions. */
function measureServed(dir: string, questions: AnswerFigures['questions']): ServedResult {
  try {
    const opened = timed(() => openEngine(dir));
    const engine = opened.value;
    for (const q of questions.warmup) engine.answer(q.text);
    const f = answerPasses(engine, questions.passes);
    return {
      openMs: opened.ms,
      latency: f.latency,
      accuracy: f.accuracy,
      refusal: f.refusal,
      spans: f.spans,
    };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

function answerFigures(
  label: string,
  kb: KnowledgeBase,
  engine: Engine,
  config: BenchConfig,
  model: BaselineCostModel,
): AnswerFigures {
  const { log, seed } = config;
  // Questions: generated up front, never inside a timed region.
  const known = kbWords(kb);
  const passes: QuestionPass[] = Array.from({ length: config.passes }, (_, k) => ({
    paraphrases: paraphraseSet(kb, config.questions, seed + 11 + 100 * k),
    offTopic: offTopicSet(kb, config.offTopic, seed + 12 + 100 * k, known),
  }));
  const { paraphrases, offTopic } = passes[0] as QuestionPass;
  const warmup = [
    ...paraphraseSet(kb, config.warmup, seed + 13),
    ...offTopicSet(kb, Math.ceil(config.warmup / 3), seed + 14, known),
  ];
  for (const q of warmup) engine.answer(q.text);

  log(`${label}: answering ${config.passes} × ${paraphrases.length + offTopic.length} questions`);
  const { paraMs, engineTop1ByQuestion, spans, errors, ...answerFiguresOnly } = answerPasses(engine, passes);

  log(`${label}: long messages`);
  const vocab = [...known].filter((w) => /^\p{L}{3,}$/u.test(w));
  const long: LongFigures[] = [];
  const lengths = [...new Set([config.longLength, engine.options.maxQuestionLength])];
  let longForBaseline: LongMessage | undefined;
  let longForBaselineEngineMs = NaN;
  lengths.forEach((length, li) => {
    const byShape = {} as Record<LongShape, number>;
    const outcomes: Record<string, number> = {};
    let n = 0;
    LONG_SHAPES.forEach((shape, si) => {
      let worst = 0;
      for (let k = 0; k < config.longPerShape; k++) {
        const m = longMessage(kb, shape, length, seed + 1000 * (li + 1) + 100 * si + k, vocab);
        const t0 = performance.now();
        const a = engine.answer(m.text);
        const ms = performance.now() - t0;
        worst = Math.max(worst, ms);
        n++;
        const outcome = a.problem ?? a.status;
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (length === config.longLength && shape === 'kb-words' && k === 0) {
          longForBaseline = m;
          longForBaselineEngineMs = ms;
        }
      }
      byShape[shape] = worst;
    });
    const worstShape = LONG_SHAPES.reduce((a, b) => (byShape[b] > byShape[a] ? b : a));
    long.push({ length, n, maxMs: byShape[worstShape], worstShape, byShape, outcomes });
  });

  log(`${label}: time breakdown`);
  const breakdown = measureBreakdown(engine, kb, vocab, config);

  const baseline: KbResult['baseline'] = config.baseline
    ? measureBaseline(label, kb, config, model, {
        paraphrases,
        paraMs,
        engineTop1ByQuestion,
        offTopic,
        long: longForBaseline,
        longEngineMs: longForBaselineEngineMs,
      })
    : { skipped: 'disabled (--no-baseline)' };

  return {
    vocabulary: engine.index.vocabularySize,
    latency: answerFiguresOnly.latency,
    long,
    accuracy: answerFiguresOnly.accuracy,
    refusal: answerFiguresOnly.refusal,
    breakdown,
    baseline,
    questions: { passes, warmup },
    spans,
    errors: [...errors, ...oddInputErrors(engine)],
  };
}

/** Inputs a chat user can type that have broken text code before (prototype keys, control characters…). */
export const ODD_INPUTS = [
  'constructor',
  'Who is the constructor of the industrial park?',
  'toString valueOf hasOwnProperty __proto__ prototype',
  '🙂🙂🙂 ???',
  '\u0000\u0007 sme',
  'ایران صنایع کوچک',
  '1,000,000.5 % $ 33,000',
  "iran's smes' parks'",
  '   ',
];

/** The odd inputs on which engine.answer throws, each with its message. */
function oddInputErrors(engine: Engine): string[] {
  const out: string[] = [];
  for (const text of ODD_INPUTS) {
    try {
      engine.answer(text);
    } catch (err) {
      out.push(`${JSON.stringify(text)}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

/**
 * Where answer time goes, through the engine's public steps: analyse (words, typo correction)
 * and rank (postings, scoring, phrasing), on fresh paraphrases (the correction cache has not seen
 * their typos); one typo correction on its own; and how many postings a question walks.
 */
function measureBreakdown(
  engine: Engine,
  kb: KnowledgeBase,
  vocab: string[],
  config: BenchConfig,
): KbResult['breakdown'] {
  const questions = paraphraseSet(kb, config.breakdownQuestions, config.seed + 21);
  const analyse: number[] = [];
  const rank: number[] = [];
  const postings: number[] = [];
  let corrections = 0;
  for (const q of questions) {
    const a = timed(() => engine.analyse(q.text));
    analyse.push(a.ms);
    corrections += a.value.corrections.length;
    rank.push(timed(() => engine.rank(a.value)).ms);
    postings.push(a.value.words.reduce((s, w) => s + (engine.index.posting(w)?.facts.length ?? 0), 0));
  }
  const rng = new Rng(config.seed + 22);
  const long = vocab.filter((w) => w.length >= 5);
  const correct: number[] = [];
  for (
    let i = 0, tries = 0;
    i < config.corrections && long.length > 0 && tries < config.corrections * 20;
    tries++
  ) {
    const word = toWords(typo(rng, rng.pick(long)))[0];
    if (!word || engine.index.knows(word)) continue;
    correct.push(timed(() => engine.index.correct(word)).ms);
    i++;
  }
  return {
    analyse: summarise(analyse),
    rank: summarise(rank),
    correct: summarise(correct),
    postings: summarise(postings),
    corrections,
  };
}

/** The baseline's searches, then (from this frame, which never held the index) its retained heap. */
function measureBaseline(
  label: string,
  kb: KnowledgeBase,
  config: BenchConfig,
  model: BaselineCostModel,
  engineSide: Parameters<typeof measureBaselineSearches>[4],
): BaselineResult {
  const holder: Holder = {};
  const result = measureBaselineSearches(label, kb, config, model, engineSide, holder);
  result.heapMb = retainedMb(() => (holder.fuse = undefined)).mb;
  return result;
}

function measureBaselineSearches(
  label: string,
  kb: KnowledgeBase,
  config: BenchConfig,
  model: BaselineCostModel,
  engineSide: {
    paraphrases: BenchQuestion[];
    paraMs: number[];
    engineTop1ByQuestion: boolean[];
    offTopic: BenchQuestion[];
    long: LongMessage | undefined;
    longEngineMs: number;
  },
  holder: Holder,
): BaselineResult {
  const facts = kb.facts.filter((f) => f.status === 'reviewed');
  const plan = config.baselinePlan(label, facts.length);
  config.log(`${label}: fuse.js baseline (budget ${Math.round(plan.budgetMs / 1000)} s)`);
  collect();
  const built = timed(() => buildBaseline(facts));
  holder.fuse = built.value;
  const runner = new BudgetRunner(built.value, searchedChars(facts), plan.budgetMs, model);

  const latency: number[] = [];
  let top1 = 0;
  let engineTop1 = 0;
  const engineMs: number[] = [];
  engineSide.paraphrases.slice(0, plan.questions).forEach((q, i) => {
    const r = runner.run({ text: q.text, label: `paraphrase #${i + 1}`, payload: q });
    if (!r) return;
    latency.push(r.ms);
    if (r.topId === q.factId) top1++;
    if (engineSide.engineTop1ByQuestion[i]) engineTop1++;
    engineMs.push(engineSide.paraMs[i] as number);
  });
  let refusals = 0;
  let offN = 0;
  // The paraphrases are what the speed-up is computed on: if none fitted, the rest of the budget
  // is not spent on the less important searches either.
  const noneRan = plan.questions > 0 && latency.length === 0;
  const skipRest = (label: string): void => {
    runner.skips.push({ label, reason: 'no paraphrase fitted the budget, so none of the rest is run' });
  };
  engineSide.offTopic.slice(0, plan.offTopic).forEach((q, i) => {
    if (noneRan) {
      skipRest(`off-topic #${i + 1}`);
      return;
    }
    const r = runner.run({ text: q.text, label: `off-topic #${i + 1}`, payload: q });
    if (!r) return;
    offN++;
    if (r.results === 0) refusals++;
  });
  let long: BaselineResult['long'] = null;
  if (plan.long && engineSide.long && noneRan)
    skipRest(`${engineSide.long.text.length.toLocaleString('en-US')}-char message`);
  else if (plan.long && engineSide.long) {
    const m = engineSide.long;
    const r = runner.run({
      text: m.text,
      label: `${m.text.length.toLocaleString('en-US')}-char ${m.shape}`,
      payload: m,
    });
    if (r) long = { ms: r.ms, length: m.text.length, shape: m.shape, engineMs: engineSide.longEngineMs };
  }
  runner.release();
  return {
    buildMs: built.ms,
    heapMb: NaN,
    budgetMs: plan.budgetMs,
    spentMs: runner.spent,
    latency: summarise(latency),
    top1: { rate: latency.length > 0 ? top1 / latency.length : NaN, n: latency.length },
    refusal: { rate: offN > 0 ? refusals / offN : NaN, n: offN },
    long,
    engineSameQuestions: {
      top1: engineMs.length > 0 ? engineTop1 / engineMs.length : NaN,
      p50: median(engineMs),
      n: engineMs.length,
    },
    skips: runner.skips,
    plan,
  };
}
