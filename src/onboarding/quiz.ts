/**
 * The /quiz questions: multiple choice, made from facts that carry a figure (the curated "how
 * many" / "what share" / "how much" question, the figure as the answer) or introduce a person or
 * body (a curated "who" / "which" question, the name as the answer). Wrong options come from the
 * material: other figures of the same kind, other people, other bodies. A seed makes a quiz
 * reproducible, so a button needs to carry only the seed, the question number and the score.
 */
import { Rng } from '../util/prng.ts';
import type { Engine } from '../engine/engine.ts';
import { figureKind } from '../engine/normalise.ts';
import { formatDate } from '../engine/render.ts';
import { ORGANISATION_WORD } from '../text/organisations.ts';
import type { Fact, Figure } from '../engine/types.ts';
import { citeFact, introductions } from './cite.ts';

export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 10;
export const DEFAULT_QUESTIONS = 5;
export const OPTIONS = 4;
/** Button labels are at most 80 characters. */
const MAX_LABEL = 80;

export interface QuizQuestion {
  text: string;
  /** Four labels, the right one among them. */
  options: string[];
  correct: number;
  factId: string;
  /** The fact's full answer, shown as feedback. */
  answer: string;
  citation: string;
  kind: 'figure' | 'party';
}

/** A question before its options are drawn. */
interface Candidate {
  fact: Fact;
  text: string;
  right: string;
  kind: 'figure' | 'party';
  /** Wrong options, the most plausible first; drawn from these. */
  wrong: string[];
}

const QUESTION_FOR_KIND: Record<ReturnType<typeof figureKind>, RegExp> = {
  count: /^how many\b/i,
  share: /^what (share|percentage|proportion|percent)\b/i,
  money: /^how much\b/i,
};

/** 33000 → "33,000"; a share "92%"; money with its currency words ("1.6 billion US dollars"). */
export function figureLabel(value: number, unit: string): string {
  const n = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const kind = figureKind(unit);
  if (kind === 'share') return `${n}%`;
  if (kind === 'money') return `${n} ${unit.split(/ of | \(/)[0]}`;
  return n;
}

function mentions(text: string, name: string): boolean {
  return name
    .replace(/['’]s\b/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length >= 3)
    .some((w) => new RegExp(`\\b${w}\\b`, 'i').test(text));
}

/** A body rather than a person or a place: an organisation word in its name, or an acronym (ISIPO). */
function isOrganisation(name: string): boolean {
  return ORGANISATION_WORD.test(name) || /^[A-Z]{3,}$/.test(name);
}

function figureCandidates(engine: Engine): Candidate[] {
  const all = engine.facts.flatMap((fact) => fact.figures.map((figure) => ({ fact, figure })));
  const out: Candidate[] = [];
  for (const fact of engine.facts) {
    for (const figure of fact.figures) {
      const kind = figureKind(figure.unit);
      // Two figures of one kind in a fact: which one a question asks for is unclear.
      if (fact.figures.filter((g) => figureKind(g.unit) === kind).length > 1) continue;
      const question = fact.questions.find((q) => QUESTION_FOR_KIND[kind].test(q.trim()));
      if (!question) continue;
      const right = figureLabel(figure.value, figure.unit);
      // Figures of the same topic may be right too (another source, or a related count), except
      // in a trend, where the question's date tells them apart.
      const sibling =
        fact.topic !== undefined && engine.topics.get(fact.topic)?.kind !== 'trend' ? fact.topic : undefined;
      const others = all.filter(
        (o) => o.fact !== fact && (sibling === undefined || o.fact.topic !== sibling),
      );
      const distance = (g: Figure) => Math.abs(Math.log10(Math.max(g.value, 1e-9) / figure.value));
      const sameKind = others.filter((o) => figureKind(o.figure.unit) === kind);
      const otherKind = others.filter((o) => figureKind(o.figure.unit) !== kind);
      const byCloseness = (list: typeof others) =>
        [...list].sort((a, b) => distance(a.figure) - distance(b.figure)).map((o) => o.figure.value);
      const wrong = [...new Set([...byCloseness(sameKind), ...byCloseness(otherKind)])]
        .map((v) => figureLabel(v, figure.unit))
        .filter((label, i, labels) => label !== right && labels.indexOf(label) === i);
      const asOf =
        figure.asOf && !/\b(19|20)\d\d\b/.test(question) ? ` (as of ${formatDate(figure.asOf)})` : '';
      out.push({ fact, text: `${question.trim()}${asOf}`, right, kind: 'figure', wrong });
    }
  }
  return out;
}

function partyCandidates(engine: Engine): Candidate[] {
  const intros = introductions(engine);
  const entities = [...new Set(engine.facts.flatMap((f) => f.entities))];
  const out: Candidate[] = [];
  for (const { entity, fact, kind } of intros) {
    const question = fact.questions.find((q) => /^(who|which)\b/i.test(q.trim()) && !mentions(q, entity));
    if (!question) continue;
    const sameQuestion = (other: Fact) =>
      other.questions.some((q) => q.trim().toLowerCase() === question.trim().toLowerCase());
    const wrong =
      kind === 'who'
        ? intros
            .filter((i) => i.kind === 'who' && i.entity !== entity && !sameQuestion(i.fact))
            .map((i) => i.entity)
        : entities.filter(
            (e) =>
              e !== entity &&
              isOrganisation(e) &&
              !intros.some((i) => i.entity === e && (i.kind === 'who' || sameQuestion(i.fact))),
          );
    out.push({
      fact,
      text: question.trim(),
      right: entity,
      kind: 'party',
      wrong: wrong.filter((w) => !fact.entities.includes(w)),
    });
  }
  return out;
}

const pools = new WeakMap<Engine, Candidate[]>();

/** Every question the material allows (enough wrong options), in a fixed order; made once per engine. */
export function questionPool(engine: Engine): Candidate[] {
  let pool = pools.get(engine);
  if (!pool) {
    pool = [...figureCandidates(engine), ...partyCandidates(engine)].filter(
      (c) => c.wrong.length >= OPTIONS - 1,
    );
    pools.set(engine, pool);
  }
  return pool;
}

export function clampQuestions(n: number | null | undefined): number {
  if (n === null || n === undefined || !Number.isFinite(n)) return DEFAULT_QUESTIONS;
  return Math.min(MAX_QUESTIONS, Math.max(MIN_QUESTIONS, Math.trunc(n)));
}

/** The quiz for a seed: the same seed and count give the same questions, options and order. */
export function makeQuiz(engine: Engine, seed: number, count: number): QuizQuestion[] {
  const rng = new Rng(seed);
  const pool = questionPool(engine);
  const chosen = rng.sample(pool, Math.min(clampQuestions(count), pool.length));
  return chosen.map((c) => {
    // Figures: among the closest six; parties: any.
    const from = c.kind === 'figure' ? c.wrong.slice(0, 6) : c.wrong;
    const wrong = rng.sample(from, OPTIONS - 1);
    const options = rng.shuffle([c.right, ...wrong]).map((o) => clipLabel(o));
    const cited = citeFact(engine, c.fact);
    return {
      text: c.text,
      options,
      correct: options.indexOf(clipLabel(c.right)),
      factId: c.fact.id,
      answer: cited.text,
      citation: cited.citation,
      kind: c.kind,
    };
  });
}

function clipLabel(label: string): string {
  return label.length <= MAX_LABEL ? label : `${label.slice(0, MAX_LABEL - 1)}…`;
}

/** A seed for a quiz started without one. */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 1_000_000);
}
