/**
 * Stage 4, decide: answer with a candidate, or refuse. Confidence is over several signals, not
 * the retriever's one score:
 * - how much of the question the fact explains, each word weighted by its rarity in the material
 *   (a word the fact holds counts by its field; one only its article holds counts as context that
 *   locates the fact: the article's subject, date, outlet, the people present);
 * - words the material never uses: a common English word is how the question is put ("up and
 *   running", "so far") and counts little; a rarer one is a subject the material lacks and counts
 *   in full;
 * - the checks' verdicts: a veto means the fact does not give what was asked, a weight lowers it;
 * - the margin over the best candidate from elsewhere (recorded in the trace).
 */
import { runChecks } from './checks.ts';
import type { CheckContext } from './checks.ts';
import type { Query } from './query.ts';
import type { Candidate } from './retrieve.ts';
import { PHRASING_WEIGHT } from './retrieve.ts';
import type { CheckVerdict, Fact, TraceCandidate } from './types.ts';

/**
 * How many candidates (by retrieval) the checks look at. Deep enough that the fact which answers is
 * judged even when many that cannot (wrong answer type, wrong period) retrieve above it.
 */
const CONSIDER = 20;

export interface DecideContext extends CheckContext {
  /** A word only the fact's article holds counts this much of what the fact holding it would. */
  contextWeight: number;
  /** A common English word the material never uses counts this much of a rare one. */
  fillerWeight: number;
  facts: readonly Fact[];
  /**
   * A common English word (the most frequent few thousand). One the material never uses is how a
   * question is put ("so far", "up and running"), not its subject.
   */
  isCommon(word: string): boolean;
  /** How much a word the material never uses (and is no filler) counts, 0..1. */
  unknownWeight(word: string): number;
  /** The fitted decision model; without one, confidence is the explained share times the checks' weights. */
  model: DecisionModel | undefined;
}

export interface Judged {
  candidate: Candidate;
  parts: Explained;
  /** Product of the checks' weights (0 when vetoed). */
  factor: number;
  /** Share of the question (rarity-weighted) the fact and its article explain. */
  explained: number;
  confidence: number;
  verdicts: CheckVerdict[];
  veto: string | undefined;
  /** What the fact does not give, in words for the person who asked (when vetoed). */
  gap: string | undefined;
  /** The decision model's inputs (when no check vetoed it). */
  features?: number[] | undefined;
}

export interface Decision {
  action: 'answer' | 'refuse';
  /** The candidate answered with, or the best one refused. */
  best: Judged | undefined;
  /** The best candidate by retrieval when a check vetoed it: what the material does say nearby. */
  vetoed: Judged | undefined;
  judged: Judged[];
  confidence: number;
  margin: number;
  /** The decision's inputs for the best candidate, in FEATURES order. */
  features?: number[] | undefined;
  reason: string;
}

/** How the question's words (rarity-weighted) stand to a fact: shares of the whole, adding to 1. */
export interface Explained {
  /** Held by the fact (each by its field weight; a corrected word as far as the correction is sure). */
  fact: number;
  /** Held only by the fact's article: context that locates the fact. */
  context: number;
  /** Held elsewhere in the material, or nowhere and no common English word: what the fact lacks. */
  missing: number;
  /** Common English words the material never uses: how the question is put. */
  filler: number;
  /** How many of the question's words the fact holds: each one more is less likely chance. */
  held: number;
}

export function explainedParts(query: Query, factNo: number, fact: Fact, ctx: DecideContext): Explained {
  const { index } = ctx;
  const article = ctx.articleWords(fact.articleId);
  const corrected = new Map(query.corrections.map((c) => [c.to, c.confidence]));
  const sum = { fact: 0, context: 0, missing: 0, filler: 0 };
  let held = 0;
  const slot = { idf: 0, fact: 0, context: 0, filler: 0 };
  for (const w of query.words) {
    const known = index.idfOf(w);
    const part = { fact: 0, context: 0, filler: 0 };
    let idf: number;
    if (known === null) {
      const filler = ctx.isCommon(w);
      idf = index.unknownIdf * (filler ? ctx.fillerWeight : ctx.unknownWeight(w));
      if (filler) part.filler = idf;
    } else {
      idf = known;
      const inFact = index.weightIn(w, factNo);
      // A scene-setting word the fact's article holds said where to look: no loss for the fact.
      if (inFact <= 0 && query.setting.includes(w) && article.has(w) && !query.alternatives.includes(w))
        continue;
      // A word carried over from an earlier part ("how many of them") is no loss either.
      if (inFact <= 0 && query.carried.includes(w)) continue;
      if (inFact > 0) {
        part.fact = idf * inFact * (corrected.get(w) ?? 1);
        held++;
      } else if (ctx.factNameHeads(factNo).has(w)) {
        // "The ministry" where the fact names the Ministry of Industry, Mining and Trade in full
        // (indexed as one name): the fact refers to it by that word too.
        part.fact = idf * (corrected.get(w) ?? 1);
        held++;
      } else if (article.has(w)) part.context = idf;
    }
    if (query.alternatives.includes(w)) {
      // Alternatives are one slot: the best of them counts.
      const worth = (x: { fact: number; context: number }) => x.fact + ctx.contextWeight * x.context;
      if (worth(part) >= worth(slot)) Object.assign(slot, part);
      slot.idf = Math.max(slot.idf, idf);
    } else {
      sum.fact += part.fact;
      sum.context += part.context;
      sum.filler += part.filler;
      const lacking = idf - part.fact - part.context - part.filler;
      sum.missing += lacking;
    }
  }
  // The words that pointed at the article count for a fact that holds them, and are no loss for
  // one that does not: they said where to look.
  for (const w of query.scopeWords) {
    const inFact = index.weightIn(w, factNo);
    if (inFact <= 0) continue;
    const idf = index.idfOf(w) ?? 0;
    sum.fact += idf * inFact;
    held++;
  }
  sum.fact += slot.fact;
  sum.context += slot.context;
  sum.filler += slot.filler;
  sum.missing += slot.idf - slot.fact - slot.context - slot.filler;
  const total = sum.fact + sum.context + sum.missing + sum.filler;
  if (total <= 0) return { fact: 0, context: 0, missing: 1, filler: 0, held: 0 };
  return {
    fact: sum.fact / total,
    context: sum.context / total,
    missing: sum.missing / total,
    filler: sum.filler / total,
    held,
  };
}

/** The share of the question the fact explains, context counting by its weight. */
export function explainedShare(e: Explained, ctx: DecideContext): number {
  return Math.min(1, e.fact + ctx.contextWeight * e.context);
}

/**
 * A logistic model of "this candidate answers the question", over the signals below, fit on the
 * tuning sets by `npm run eval -- --fit` (see model.ts). Its output is the confidence.
 */
export interface DecisionModel {
  bias: number;
  /** One weight per feature, in FEATURES order. */
  weights: number[];
  /** Least confidence to answer: where a wrong answer's cost (2) meets a refusal's (1), unless refit. */
  threshold: number;
}

/**
 * The model's inputs. Left out because they earned nothing in leave-one-set-out fitting (`eval --cv`):
 * the margin over the next topic's best candidate (kept in the trace), the checks' weights, whether
 * the fact's curated kinds name the asked type, whether the question's rarest word is the fact's,
 * and the share of missing words that are common English.
 */
export const FEATURES = ['fact', 'context', 'missing', 'filler', 'phrasing', 'held', 'outranked'] as const;

/** Words held past this many add no more evidence. */
const HELD_CAP = 8;

/**
 * held: how many of the question's words the fact holds (capped), as evidence apart from shares: a
 * long question matched on ten words is less likely chance than a short one matched on two.
 * outranked: how far (relative) this fact ranks below the best-matching candidate. When the best
 * one was vetoed, the question likely asks for what the material lacks, and this one answers only
 * by matching less of it.
 */
export function features(e: Explained, phrasing: number, outranked: number): number[] {
  return [e.fact, e.context, e.missing, e.filler, phrasing, Math.min(e.held, HELD_CAP) / HELD_CAP, outranked];
}

export function modelConfidence(model: DecisionModel, x: number[]): number {
  let z = model.bias;
  x.forEach((v, i) => (z += (model.weights[i] ?? 0) * v));
  return 1 / (1 + Math.exp(-z));
}

/** Judges the leading candidates and decides. */
export function decide(
  query: Query,
  candidates: Candidate[],
  ctx: DecideContext,
  threshold: number,
): Decision {
  const judged: Judged[] = candidates.slice(0, CONSIDER).map((candidate) => {
    const fact = ctx.facts[candidate.factNo] as Fact;
    const { verdicts, factor, veto, gap } = runChecks(query, fact, candidate.factNo, ctx);
    const parts = explainedParts(query, candidate.factNo, fact, ctx);
    const explained = explainedShare(parts, ctx);
    return { candidate, parts, factor, explained, confidence: explained * factor, verdicts, veto, gap };
  });
  // Among the facts that can answer, the most confident, phrasing breaking near ties.
  const byHeuristic = (a: Judged, b: Judged) =>
    b.confidence +
      PHRASING_WEIGHT * b.candidate.phrasing -
      (a.confidence + PHRASING_WEIGHT * a.candidate.phrasing) || a.candidate.factNo - b.candidate.factNo;
  const ranked = judged.filter((j) => j.confidence > 0).sort(byHeuristic);
  const top = judged[0];
  const topicOf = (j: Judged) => ctx.facts[j.candidate.factNo]?.topic;
  /** The best other candidate from elsewhere (another topic): what this one must stand out from. */
  const rivalOf = (j: Judged) =>
    ranked.find((r) => r !== j && (topicOf(j) === undefined || topicOf(r) !== topicOf(j)));
  const heuristic = new Map(ranked.map((j) => [j, j.confidence]));
  for (const j of ranked) {
    const lead = top ? Math.max(0, top.candidate.score - j.candidate.score) / (top.candidate.score || 1) : 0;
    j.features = features(j.parts, j.candidate.phrasing, lead);
  }
  // With a model, every candidate that can answer is judged by it and the most confident is chosen.
  if (ctx.model) {
    const model = ctx.model;
    for (const j of ranked) j.confidence = modelConfidence(model, j.features as number[]);
    ranked.sort((a, b) => b.confidence - a.confidence || byHeuristic(a, b));
  }
  const best = ranked[0];
  const vetoed =
    top && top.veto !== undefined && (!best || top.candidate.score > best.candidate.score) ? top : undefined;
  const rival = best ? rivalOf(best) : undefined;
  const margin = best ? (heuristic.get(best) ?? 0) - (rival ? (heuristic.get(rival) ?? 0) : 0) : 0;
  const confidence = best?.confidence ?? 0;
  if (!best) {
    return {
      action: 'refuse',
      best: undefined,
      vetoed,
      judged,
      confidence: 0,
      margin: 0,
      reason: judged.length === 0 ? 'no fact shares the question’s words' : 'every candidate was vetoed',
    };
  }
  const answer = confidence >= threshold;
  return {
    action: answer ? 'answer' : 'refuse',
    features: best.features,
    best,
    vetoed,
    judged,
    confidence,
    margin,
    reason: answer
      ? `confidence ${round(confidence)} ≥ ${threshold}`
      : `confidence ${round(confidence)} < ${threshold}`,
  };
}

export function traceCandidates(judged: Judged[], facts: readonly Fact[]): TraceCandidate[] {
  return judged.map((j) => ({
    factId: (facts[j.candidate.factNo] as Fact).id,
    retrieval: round(j.candidate.score),
    coverage: round(j.candidate.coverage),
    phrasing: round(j.candidate.phrasing),
    explained: round(j.explained),
    checks: j.verdicts,
    confidence: round(j.confidence),
    features: j.features?.map(round),
  }));
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
