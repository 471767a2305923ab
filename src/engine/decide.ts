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

/** How many candidates (by retrieval) the checks look at. */
const CONSIDER = 12;

export interface DecideContext extends CheckContext {
  /** A word only the fact's article holds counts this much of what the fact holding it would. */
  contextWeight: number;
  /** A common English word the material never uses counts this much of a rare one. */
  fillerWeight: number;
  facts: readonly Fact[];
  /** Index words anywhere in each article's text. */
  articleWords(articleId: string): ReadonlySet<string>;
  /** A word the material never uses that is common English: how a question is put, not its subject. */
  isFiller(word: string): boolean;
  /** How much a word the material never uses (and is no filler) counts, 0..1. */
  unknownWeight(word: string): number;
}

export interface Judged {
  candidate: Candidate;
  /** Share of the question (rarity-weighted) the fact and its article explain. */
  explained: number;
  confidence: number;
  verdicts: CheckVerdict[];
  veto: string | undefined;
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
  reason: string;
}

/** Rarity-weighted share of the question's words the fact (or, as context, its article) holds. */
export function explainedShare(query: Query, factNo: number, fact: Fact, ctx: DecideContext): number {
  const { index } = ctx;
  const article = ctx.articleWords(fact.articleId);
  const corrected = new Map(query.corrections.map((c) => [c.to, c.confidence]));
  let total = 0;
  let got = 0;
  let slotIdf = 0;
  let slotGot = 0;
  for (const w of query.words) {
    const known = index.idfOf(w);
    let idf: number;
    let gain = 0;
    if (known === null) {
      idf = index.unknownIdf * (ctx.isFiller(w) ? ctx.fillerWeight : ctx.unknownWeight(w));
    } else {
      idf = known;
      const inFact = index.weightIn(w, factNo);
      if (inFact > 0) gain = idf * inFact * (corrected.get(w) ?? 1);
      else if (article.has(w)) gain = idf * ctx.contextWeight;
    }
    if (query.alternatives.includes(w)) {
      slotIdf = Math.max(slotIdf, idf);
      slotGot = Math.max(slotGot, gain);
    } else {
      total += idf;
      got += gain;
    }
  }
  total += slotIdf;
  got += slotGot;
  return total > 0 ? Math.min(1, got / total) : 0;
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
    const { verdicts, factor, veto } = runChecks(query, fact, candidate.factNo, ctx);
    const explained = explainedShare(query, candidate.factNo, fact, ctx);
    return { candidate, explained, confidence: explained * factor, verdicts, veto };
  });
  // Among the facts that can answer, the most confident, phrasing breaking near ties.
  const ranked = judged
    .filter((j) => j.confidence > 0)
    .sort(
      (a, b) =>
        b.confidence +
          PHRASING_WEIGHT * b.candidate.phrasing -
          (a.confidence + PHRASING_WEIGHT * a.candidate.phrasing) || a.candidate.factNo - b.candidate.factNo,
    );
  const best = ranked[0];
  const top = judged[0];
  const vetoed =
    top && top.veto !== undefined && (!best || top.candidate.score > best.candidate.score) ? top : undefined;
  const bestTopic = best ? ctx.facts[best.candidate.factNo]?.topic : undefined;
  const rival = ranked.find(
    (j) => j !== best && (bestTopic === undefined || ctx.facts[j.candidate.factNo]?.topic !== bestTopic),
  );
  const confidence = best?.confidence ?? 0;
  const margin = best ? confidence - (rival?.confidence ?? 0) : 0;
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
  }));
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
