/**
 * `npm run eval [-- --set NAME|FILE] [--all] [-q] [-v] [--explain] [--log NOTE] [--baseline]`: answer quality on a
 * question set (default: main).
 *
 * A set has answerable questions (each with the articles that answer it and the text a right
 * answer contains), near misses (the material's words, asking what it never gives) and off-topic
 * questions. Per set it reports:
 * - answerable answered right: answered, citing one of its articles, with the expected text in the
 *   answer or a quoted sentence;
 * - near misses refused, off-topic refused;
 * - wrong answers: answers given that are not right (an answerable question answered wrongly, or an
 *   unanswerable one answered), as a share of all answers given;
 * and the same by question style, and the risk–coverage curve: how right and wrong answers trade as
 * the confidence needed to answer moves.
 *
 * `--log NOTE` is the first run of a fresh set: it prints the totals only and appends them to the
 * results log, before anyone reads a miss. Every set in tests/fixtures is a tuning set.
 * `--baseline` accepts today's per-question outcomes on every tuning set as what the test suite
 * holds the engine to (tests/fixtures/quality-baseline.json), printing what changed.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Engine } from '../engine/engine.ts';
import type { Answer } from '../engine/types.ts';
import { normaliseForQuote } from '../engine/normalise.ts';
import { FEATURES, modelConfidence } from '../engine/decide.ts';
import type { DecisionModel } from '../engine/decide.ts';
import { CHECKS } from '../engine/checks.ts';
import { DEFAULT_KNOWLEDGE_DIR, buildEngine, openEngine } from '../knowledge/open.ts';
import { loadKnowledgeBase } from '../knowledge/load.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { isMain } from '../util/is-main.ts';
import { terminalJson, terminalLine } from '../util/terminal-text.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');
/** First runs of fresh sets, appended by `eval --log`: the honest figures, in the order they were taken. */
export const RESULTS_LOG = join(FIXTURES, 'results-log.md');
/** Each tuning set's outcome per question, as last accepted (`eval --baseline`): what the suite holds to. */
export const BASELINE = join(FIXTURES, 'quality-baseline.json');

/** The question sets by name; `--set` also takes a file. All are tuning sets (see the results log). */
export const QUESTION_SETS: Readonly<Record<string, string>> = {
  main: join(FIXTURES, 'questions.yaml'),
  holdout: join(FIXTURES, 'questions-holdout.yaml'),
  'holdout-2': join(FIXTURES, 'questions-holdout-2.yaml'),
  'holdout-3': join(FIXTURES, 'questions-holdout-3.yaml'),
  'fresh-4': join(FIXTURES, 'questions-fresh-4.yaml'),
  'fresh-5': join(FIXTURES, 'questions-fresh-5.yaml'),
  'fresh-6': join(FIXTURES, 'questions-fresh-6.yaml'),
  'fresh-7': join(FIXTURES, 'questions-fresh-7.yaml'),
  'fresh-8': join(FIXTURES, 'questions-fresh-8.yaml'),
  'fresh-9': join(FIXTURES, 'questions-fresh-9.yaml'),
  'fresh-10': join(FIXTURES, 'questions-fresh-10.yaml'),
  'fresh-11': join(FIXTURES, 'questions-fresh-11.yaml'),
  'fresh-12': join(FIXTURES, 'questions-fresh-12.yaml'),
  'fresh-13': join(FIXTURES, 'questions-fresh-13.yaml'),
  'fresh-14': join(FIXTURES, 'questions-fresh-14.yaml'),
  'fresh-15': join(FIXTURES, 'questions-fresh-15.yaml'),
  'fresh-16': join(FIXTURES, 'questions-fresh-16.yaml'),
  'fresh-17': join(FIXTURES, 'questions-fresh-17.yaml'),
  'fresh-18': join(FIXTURES, 'questions-fresh-18.yaml'),
  'fresh-19': join(FIXTURES, 'questions-fresh-19.yaml'),
  'fresh-20': join(FIXTURES, 'questions-fresh-20.yaml'),
  'fresh-21': join(FIXTURES, 'questions-fresh-21.yaml'),
  'fresh-22': join(FIXTURES, 'questions-fresh-22.yaml'),
  'fresh-23': join(FIXTURES, 'questions-fresh-23.yaml'),
  'fresh-24': join(FIXTURES, 'questions-fresh-24.yaml'),
  'fresh-25': join(FIXTURES, 'questions-fresh-25.yaml'),
  'fresh-26': join(FIXTURES, 'questions-fresh-26.yaml'),
  'fresh-27': join(FIXTURES, 'questions-fresh-27.yaml'),
  'fresh-28': join(FIXTURES, 'questions-fresh-28.yaml'),
  'fresh-29': join(FIXTURES, 'questions-fresh-29.yaml'),
};

const unanswerable = z.object({ q: z.string(), why: z.string().optional() });
const questionSetSchema = z.object({
  answerable: z.array(
    z
      .object({
        q: z.string(),
        /** Article ids, or the file names they were received as (knowledge/articles/*.yaml `source`). */
        articles: z.array(z.string()).min(1),
        /** Any one of these is in a right answer or its quote. */
        expect: z.array(z.coerce.string()).min(1).optional(),
        /** Each of these ("a|b": either) is in a right answer or its quotes: compound and list questions. */
        expect_all: z.array(z.coerce.string()).min(1).optional(),
        style: z.string().default('plain'),
      })
      .refine((a) => a.expect !== undefined || a.expect_all !== undefined, {
        message: 'an answerable question needs expect or expect_all',
      }),
  ),
  near_miss: z.array(unanswerable),
  off_topic: z.array(unanswerable),
});
export type QuestionSet = z.infer<typeof questionSetSchema>;

export function loadQuestionSet(file: string): QuestionSet {
  return questionSetSchema.parse(parse(readFileSync(file, 'utf8')));
}

/** Article file names (as received, without .txt) → article ids, from the metadata's `source`. */
export function articleIdsBySource(dir: string = DEFAULT_KNOWLEDGE_DIR): Map<string, string> {
  const map = new Map<string, string>();
  const articles = join(dir, 'articles');
  if (!existsSync(articles)) return map;
  for (const file of readdirSync(articles).filter((f) => f.endsWith('.yaml'))) {
    const meta = parse(readFileSync(join(articles, file), 'utf8')) as { id?: string; source?: string };
    if (meta.id && meta.source) map.set(basename(meta.source).replace(/\.txt$/, ''), meta.id);
  }
  return map;
}

export type Category = 'answerable' | 'near_miss' | 'off_topic';
/** right: answered right, or an unanswerable question refused. wrong: answered, but not right. */
export type Outcome = 'right' | 'wrong' | 'refused';

export interface Graded {
  q: string;
  category: Category;
  style: string;
  outcome: Outcome;
  /** Why it is not right, for misses. */
  reason: string;
  answer: Answer;
  /** The engine's confidence in its best candidate, and whether that candidate is right, had it answered. */
  confidence: number;
  candidateRight: boolean;
}

export interface Rates {
  answerable: number;
  answeredRight: number;
  nearMiss: number;
  nearMissRefused: number;
  offTopic: number;
  offTopicRefused: number;
  /** Answers given, and of them the wrong ones. */
  answers: number;
  wrong: number;
}

export interface EvalResult extends Rates {
  graded: Graded[];
  byStyle: Map<string, { total: number; right: number; wrong: number }>;
}

/**
 * A curated fact that says what the material does not give ("who is not named") answers an
 * unanswerable question honestly: it says plainly that the material does not have it.
 */
const STATES_A_GAP =
  /\b(is not named|names no|does not (?:say|give|list|name|state|report)|no date can be given)\b/i;

const norm = (s: string) => normaliseForQuote(s).toLowerCase().replace(/\s+/g, ' ');

/** Why an answer to an answerable question is not right, or '' when it is. */
function answerableMiss(item: QuestionSet['answerable'][number], articles: string[], answer: Answer): string {
  if (answer.status !== 'answered') return 'not answered';
  if (!answer.citations.some((c) => articles.includes(c.articleId)))
    return `cited ${[...new Set(answer.citations.map((c) => c.articleId))].join(', ')}`;
  const text = norm([answer.answer, ...answer.citations.map((c) => c.quote)].join(' \n '));
  const has = (e: string) => e.split('|').some((alt) => text.includes(norm(alt)));
  if (item.expect && !item.expect.some(has)) return `answer lacks ${item.expect.join(' / ')}`;
  const missing = (item.expect_all ?? []).filter((e) => !has(e));
  if (missing.length > 0) return `answer lacks ${missing.join(', ')}`;
  return '';
}

function refusedHonestly(answer: Answer): boolean {
  return answer.status === 'no_match' || answer.facts.every((f) => STATES_A_GAP.test(f.answer));
}

/**
 * Grades every question of a set. `forced` is the same engine made to answer whenever it has any
 * candidate: its answers give the risk–coverage curve.
 */
export function evaluate(
  engine: Engine,
  set: QuestionSet,
  options: { forced?: Engine; sources?: Map<string, string>; explain?: boolean } = {},
): EvalResult {
  const sources = options.sources ?? articleIdsBySource();
  const forced = options.forced;
  const graded: Graded[] = [];
  const confidenceOf = (a: Answer) => a.confidence ?? a.score;
  for (const item of set.answerable) {
    const articles = item.articles.map((a) => sources.get(a) ?? a);
    const answer = engine.answer(item.q, { explain: options.explain ?? false });
    const reason = answerableMiss(item, articles, answer);
    const candidate = forced ? forced.answer(item.q) : answer;
    graded.push({
      q: item.q,
      category: 'answerable',
      style: item.style,
      outcome: reason === '' ? 'right' : answer.status === 'answered' ? 'wrong' : 'refused',
      reason,
      answer,
      confidence: candidate.status === 'answered' ? confidenceOf(candidate) : 0,
      candidateRight: answerableMiss(item, articles, candidate) === '',
    });
  }
  for (const category of ['near_miss', 'off_topic'] as const) {
    for (const item of set[category]) {
      const answer = engine.answer(item.q, { explain: options.explain ?? false });
      const candidate = forced ? forced.answer(item.q) : answer;
      const honest = refusedHonestly(answer);
      graded.push({
        q: item.q,
        category,
        style: category,
        outcome: honest ? 'refused' : 'wrong',
        reason: honest ? '' : `answered with ${answer.factIds.join(', ')}`,
        answer,
        confidence: candidate.status === 'answered' ? confidenceOf(candidate) : 0,
        candidateRight: refusedHonestly(candidate),
      });
    }
  }
  const of = (c: Category) => graded.filter((g) => g.category === c);
  const answered = graded.filter((g) => g.answer.status === 'answered' && !refusedHonestly(g.answer));
  const byStyle = new Map<string, { total: number; right: number; wrong: number }>();
  for (const g of of('answerable')) {
    const s = byStyle.get(g.style) ?? { total: 0, right: 0, wrong: 0 };
    s.total++;
    if (g.outcome === 'right') s.right++;
    if (g.outcome === 'wrong') s.wrong++;
    byStyle.set(g.style, s);
  }
  return {
    graded,
    byStyle,
    answerable: set.answerable.length,
    answeredRight: of('answerable').filter((g) => g.outcome === 'right').length,
    nearMiss: set.near_miss.length,
    nearMissRefused: of('near_miss').filter((g) => g.outcome === 'refused').length,
    offTopic: set.off_topic.length,
    offTopicRefused: of('off_topic').filter((g) => g.outcome === 'refused').length,
    answers: answered.length,
    wrong: answered.filter((g) => g.outcome === 'wrong').length,
  };
}

export interface CurvePoint {
  threshold: number;
  answered: number;
  right: number;
  wrong: number;
}

/**
 * Risk–coverage: at each confidence threshold, the answers the engine would give, how many are
 * right answers to answerable questions and how many are wrong (any answer to an unanswerable
 * question, or a wrong one). The gate's checks still apply: a vetoed candidate has confidence 0.
 */
export function riskCoverage(result: EvalResult, thresholds: number[]): CurvePoint[] {
  return thresholds.map((threshold) => {
    const given = result.graded.filter((g) => g.confidence > 0 && g.confidence >= threshold);
    const right = given.filter((g) => g.category === 'answerable' && g.candidateRight).length;
    const wrong = given.filter((g) => !(g.category === 'answerable' ? g.candidateRight : false)).length;
    return { threshold, answered: given.length, right, wrong };
  });
}

/** A question's outcome as the baseline keeps it: good (right, or refused when it should be), wrong or missed. */
export type Kept = 'good' | 'wrong' | 'missed';

export function keptOutcomes(result: EvalResult): Record<string, Kept> {
  const out: Record<string, Kept> = {};
  for (const g of result.graded) {
    const key = `${g.category}: ${g.q}`;
    out[key] =
      g.outcome === 'right' || (g.category !== 'answerable' && g.outcome === 'refused')
        ? 'good'
        : g.outcome === 'wrong'
          ? 'wrong'
          : 'missed';
  }
  return out;
}

export interface BaselineDiff {
  /** Questions good in the baseline and not now, and the other way round. */
  lost: string[];
  gained: string[];
  goodBefore: number;
  goodNow: number;
  wrongBefore: number;
  wrongNow: number;
}

export function diffBaseline(before: Record<string, Kept>, now: Record<string, Kept>): BaselineDiff {
  const keys = Object.keys(now);
  const count = (m: Record<string, Kept>, k: Kept) => Object.values(m).filter((v) => v === k).length;
  return {
    lost: keys.filter((k) => before[k] === 'good' && now[k] !== 'good'),
    gained: keys.filter((k) => before[k] !== 'good' && now[k] === 'good'),
    goodBefore: count(before, 'good'),
    goodNow: count(now, 'good'),
    wrongBefore: count(before, 'wrong'),
    wrongNow: count(now, 'wrong'),
  };
}

export function readBaseline(): Record<string, Record<string, Kept>> {
  return existsSync(BASELINE)
    ? (JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, Record<string, Kept>>)
    : {};
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

export function summary(r: Rates): string {
  return [
    `answered right ${r.answeredRight}/${r.answerable} (${pct(r.answeredRight, r.answerable)})`,
    `near misses refused ${r.nearMissRefused}/${r.nearMiss} (${pct(r.nearMissRefused, r.nearMiss)})`,
    `off-topic refused ${r.offTopicRefused}/${r.offTopic} (${pct(r.offTopicRefused, r.offTopic)})`,
    `wrong answers ${r.wrong}/${r.answers} (${pct(r.wrong, r.answers)})`,
  ].join('; ');
}

function styleTable(result: EvalResult): string {
  const rows = [...result.byStyle].sort((a, b) => b[1].total - a[1].total);
  return rows
    .map(
      ([style, s]) => `  ${style.padEnd(12)} ${`${s.right}/${s.total}`.padStart(7)} right, ${s.wrong} wrong`,
    )
    .join('\n');
}

function curveTable(points: CurvePoint[], answerable: number): string {
  return points
    .map(
      (p) =>
        `  ≥ ${p.threshold.toFixed(2)}  answers ${String(p.answered).padStart(3)}  right ${String(p.right).padStart(3)} ` +
        `(${pct(p.right, answerable).padStart(6)} of answerable)  wrong ${String(p.wrong).padStart(3)} ` +
        `(${pct(p.wrong, p.answered).padStart(6)} of answers)`,
    )
    .join('\n');
}

function explainLine(a: Answer): string {
  return a.trace ? `    trace: ${terminalJson(a.trace)}` : '    (no trace)';
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'knowledge'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    return head.trim() + (dirty.trim() ? '+uncommitted' : '');
  } catch {
    return 'unknown';
  }
}

interface FitRow {
  x: number[];
  y: number;
  answerable: boolean;
}

/** The best candidate's features for each question of a set, labelled "answering with it would be right". */
function fitRows(raw: Engine, set: QuestionSet, sources: Map<string, string>): FitRow[] {
  const rows: FitRow[] = [];
  for (const g of evaluate(raw, set, { sources, explain: true }).graded) {
    const x = g.answer.trace?.decision.features;
    if (!x) continue;
    const answerable = g.category === 'answerable';
    rows.push({ x, y: answerable && g.outcome === 'right' ? 1 : 0, answerable });
  }
  return rows;
}

/**
 * A logistic regression from the features to the label, then the threshold with the most good
 * outcomes less twice the wrong answers (a confident wrong answer with a citation does more harm
 * than an honest refusal).
 */
export function fitModel(rows: readonly FitRow[]): DecisionModel {
  const n = FEATURES.length;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  const rate = 0.5;
  const l2 = 0.001;
  for (let epoch = 0; epoch < 4000; epoch++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    for (const { x, y } of rows) {
      const p = 1 / (1 + Math.exp(-(b + x.reduce((s, v, i) => s + (w[i] as number) * v, 0))));
      const e = p - y;
      for (let i = 0; i < n; i++) gw[i] = (gw[i] as number) + e * (x[i] as number);
      gb += e;
    }
    for (let i = 0; i < n; i++)
      w[i] = (w[i] as number) - rate * ((gw[i] as number) / rows.length + l2 * (w[i] as number));
    b -= (rate * gb) / rows.length;
  }
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  const model = { bias: r3(b), weights: w.map(r3), threshold: 0.5 };
  let best = { threshold: 0.5, score: -Infinity };
  for (let t = 0.3; t <= 0.9; t += 0.02) {
    let score = 0;
    for (const r of rows) {
      const p = modelConfidence(model, r.x);
      if (p < t) score += r.answerable ? 0 : 1;
      else score += r.y === 1 ? 1 : -2;
    }
    if (score > best.score) best = { threshold: Math.round(t * 100) / 100, score };
  }
  return { ...model, threshold: best.threshold };
}

/**
 * Fits the decision model on every tuning set (decide.ts FEATURES). Prints the model to paste into
 * src/engine/model.ts.
 */
function fit(sources: Map<string, string>): void {
  const kb = loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  const raw = buildEngine(kb, { model: null, answerThreshold: 0 });
  const rows = Object.values(QUESTION_SETS).flatMap((file) => fitRows(raw, loadQuestionSet(file), sources));
  console.log(`${rows.length} questions with a candidate; features: ${FEATURES.join(', ')}`);
  console.log(`export const DEFAULT_MODEL: DecisionModel | undefined = ${JSON.stringify(fitModel(rows))};`);
}

/**
 * Leave one set out: the model fit on every other tuning set, judged on the one it never saw. The
 * sets' questions shaped the engine's rules, so this is no held-out figure; it tells whether a
 * feature or a refit generalises beyond the questions its weights were fit on.
 */
function crossValidate(sources: Map<string, string>): void {
  const kb = loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  const raw = buildEngine(kb, { model: null, answerThreshold: 0 });
  const sets = Object.entries(QUESTION_SETS).map(([name, file]) => {
    const set = loadQuestionSet(file);
    return { name, set, rows: fitRows(raw, set, sources) };
  });
  const total = { good: 0, wrong: 0 };
  for (const { name, set } of sets) {
    const model = fitModel(sets.filter((s) => s.name !== name).flatMap((s) => s.rows));
    const r = evaluate(buildEngine(kb, { model }), set, { sources });
    total.good += r.answeredRight + r.nearMissRefused + r.offTopicRefused;
    total.wrong += r.wrong;
    console.log(`${name.padEnd(10)} ${summary(r)} (threshold ${model.threshold})`);
  }
  console.log(
    `good ${total.good}, wrong ${total.wrong}, good less twice wrong ${total.good - 2 * total.wrong}`,
  );
}

/**
 * What each check earns: every tuning set answered with that one check left out, against all of
 * them. A check that earns nothing (no fewer good outcomes, no more wrong answers without it) goes.
 */
function ablate(sources: Map<string, string>): void {
  const kb = loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  const sets = Object.values(QUESTION_SETS).map((f) => loadQuestionSet(f));
  const totals = (engine: Engine) => {
    let good = 0;
    let wrong = 0;
    for (const set of sets) {
      const r = evaluate(engine, set, { sources });
      good += r.answeredRight + r.nearMissRefused + r.offTopicRefused;
      wrong += r.wrong;
    }
    return { good, wrong };
  };
  const all = totals(buildEngine(kb));
  console.log(`all checks: good ${all.good}, wrong ${all.wrong}`);
  for (const check of CHECKS) {
    const t = totals(buildEngine(kb, { withoutChecks: [check.name] }));
    console.log(
      `without ${check.name.padEnd(20)} good ${t.good} (${t.good - all.good >= 0 ? '+' : ''}${t.good - all.good}), wrong ${t.wrong} (${t.wrong - all.wrong >= 0 ? '+' : ''}${t.wrong - all.wrong})`,
    );
  }
}

const CURVE = [0, 0.5, 0.6, 0.7, 0.74, 0.8, 0.85, 0.9, 0.95];

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        set: { type: 'string', default: 'main' },
        all: { type: 'boolean', default: false },
        quiet: { type: 'boolean', short: 'q', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        explain: { type: 'boolean', default: false },
        log: { type: 'string' },
        baseline: { type: 'boolean', default: false },
        fit: { type: 'boolean', default: false },
        cv: { type: 'boolean', default: false },
        ablate: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    console.error(
      `${(err as Error).message}\nUsage: npm run eval -- [--set ${Object.keys(QUESTION_SETS).join('|')}|FILE] [--all] [-q] [-v] [--explain] [--log NOTE] [--baseline] [--fit] [--cv] [--ablate]`,
    );
    return 2;
  }
  const engine = openEngine();
  const forced = openEngine(undefined, { answerThreshold: 0 });
  const sources = articleIdsBySource();
  if (values.ablate) {
    ablate(sources);
    return 0;
  }
  if (values.fit) {
    fit(sources);
    return 0;
  }
  if (values.cv) {
    crossValidate(sources);
    return 0;
  }
  if (values.baseline) {
    // Accept today's outcomes on every tuning set as the suite's baseline; print what changed.
    const before = readBaseline();
    const next: Record<string, Record<string, Kept>> = {};
    for (const [name, file] of Object.entries(QUESTION_SETS)) {
      next[name] = keptOutcomes(evaluate(engine, loadQuestionSet(file), { sources }));
      const d = diffBaseline(before[name] ?? {}, next[name]);
      console.log(
        `${name.padEnd(10)} good ${d.goodBefore} → ${d.goodNow}, wrong ${d.wrongBefore} → ${d.wrongNow}`,
      );
      for (const k of d.lost) console.log(`  − ${k}`);
      for (const k of d.gained) console.log(`  + ${k}`);
    }
    writeFileSync(BASELINE, `${JSON.stringify(next, null, 1)}\n`);
    return 0;
  }
  if (values.all) {
    for (const [name, file] of Object.entries(QUESTION_SETS)) {
      console.log(`${name.padEnd(10)} ${summary(evaluate(engine, loadQuestionSet(file), { sources }))}`);
    }
    return 0;
  }
  const file = QUESTION_SETS[values.set] ?? resolve(values.set);
  if (!existsSync(file)) {
    console.error(
      `No question set "${values.set}": give ${Object.keys(QUESTION_SETS).join(', ')} or a YAML file.`,
    );
    return 2;
  }
  const result = evaluate(engine, loadQuestionSet(file), { forced, sources, explain: values.explain });
  if (values.log !== undefined) {
    // A first run: totals only, logged before anyone reads a miss.
    const row =
      `| ${new Date().toISOString().slice(0, 10)} | ${gitCommit()} | ${basename(file)} | ` +
      `${result.answeredRight}/${result.answerable} (${pct(result.answeredRight, result.answerable)}) | ` +
      `${result.nearMissRefused}/${result.nearMiss} (${pct(result.nearMissRefused, result.nearMiss)}) | ` +
      `${result.offTopicRefused}/${result.offTopic} (${pct(result.offTopicRefused, result.offTopic)}) | ` +
      `${result.wrong}/${result.answers} (${pct(result.wrong, result.answers)}) | ${values.log.replace(/\|/g, '/')} |\n`;
    appendFileSync(RESULTS_LOG, row);
    console.log(`First run logged to ${RESULTS_LOG}:\n${summary(result)}`);
    return 0;
  }
  if (!values.quiet) {
    for (const g of result.graded.filter((x) => x.outcome !== 'right' && x.outcome !== 'refused')) {
      console.log(
        `✗ [${g.category}/${g.style}] ${terminalLine(g.q)}\n    ${g.reason} (confidence ${g.answer.confidence ?? g.answer.score})`,
      );
      if (values.verbose) console.log(`    → ${terminalLine(g.answer.answer.split('\n')[0] ?? '')}`);
      if (values.explain) console.log(explainLine(g.answer));
    }
    for (const g of result.graded.filter((x) => x.category === 'answerable' && x.outcome === 'refused')) {
      console.log(
        `✗ [refused/${g.style}] ${terminalLine(g.q)}\n    ${g.reason} (confidence ${g.answer.confidence ?? g.answer.score})`,
      );
      if (values.explain) console.log(explainLine(g.answer));
    }
  }
  console.log(summary(result));
  console.log(`by style (answerable):\n${styleTable(result)}`);
  console.log(
    `risk–coverage (answer when confidence ≥ t):\n${curveTable(riskCoverage(result, CURVE), result.answerable)}`,
  );
  return 0;
}

if (isMain(import.meta.url)) process.exitCode = main();
