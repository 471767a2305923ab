/**
 * Stage 2, retrieve: candidate facts ranked by how well they match the question, and nothing else.
 * Whether a candidate can answer is the checks' business, whether to answer the decision's: a
 * retriever can be swapped without touching either.
 */
import type { FactIndex } from './index.ts';
import type { Query } from './query.ts';

export interface Candidate {
  factNo: number;
  /** Rarity-weighted share of the question's words the fact holds, 0..1. */
  coverage: number;
  /** Closeness to the fact's nearest curated question (weighted Jaccard), 0..1. */
  phrasing: number;
  /** What candidates are ranked by. */
  score: number;
}

export interface Retriever {
  retrieve(query: Query): Candidate[];
}

/** How much phrasing similarity to a curated question adds to coverage when ranking. */
export const PHRASING_WEIGHT = 0.3;
/** How many top facts by coverage get the finer (phrasing) comparison. */
const RERANK = 40;
/** How many facts tied on coverage with the last of those may join them. */
const RERANK_TIES = 200;
/** Facts under this share of the best coverage cannot win; they are not compared further. */
const FLOOR = 0.5;

/**
 * Ranking by rarity-weighted coverage of the question's words (each word's best field), then by
 * phrasing. A word the material never uses counts against every fact, by `unknownWeight`.
 */
export class CoverageRetriever implements Retriever {
  private readonly acc: Float64Array;
  /** Per fact, the best of a question's alternative numbers it explains. */
  private readonly slot: Float64Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly index: FactIndex,
    private readonly unknownWeight: (word: string) => number,
  ) {
    const n = index.facts.length;
    this.acc = new Float64Array(n);
    this.slot = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  /** The idf a question word counts with: its own, or an unknown word's, weighted. */
  weightOf(word: string): number {
    return this.index.idfOf(word) ?? this.unknownWeight(word) * this.index.unknownIdf;
  }

  retrieve(query: Query): Candidate[] {
    const { words, alternatives } = query;
    const { acc, slot, touched } = this;
    let touchedCount = 0;
    let total = 0;
    let slotIdf = 0;
    const correctedTo = new Map(query.corrections.map((c) => [c.to, c.confidence]));
    for (const w of words) {
      const idf = this.weightOf(w);
      const alternative = alternatives.includes(w);
      if (alternative) slotIdf = Math.max(slotIdf, idf);
      else total += idf;
      const posting = this.index.posting(w);
      if (!posting) continue;
      // A corrected word counts only as much as the correction is sure.
      const weight = idf * (correctedTo.get(w) ?? 1);
      const { facts, weights } = posting;
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i] as number;
        if (acc[f] === 0 && slot[f] === 0) touched[touchedCount++] = f;
        const add = weight * (weights[i] as number);
        if (alternative) slot[f] = Math.max(slot[f] as number, add);
        else acc[f] = (acc[f] as number) + add;
      }
    }
    total += slotIdf;
    let best = 0;
    for (let i = 0; i < touchedCount; i++) {
      const f = touched[i] as number;
      acc[f] = total > 0 ? ((acc[f] as number) + (slot[f] as number)) / total : 0;
      slot[f] = 0;
      if ((acc[f] as number) > best) best = acc[f] as number;
    }
    const near: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const f = touched[i] as number;
      if ((acc[f] as number) >= best * FLOOR && (acc[f] as number) > 0) near.push(f);
    }
    let cut = near.length;
    if (near.length > RERANK) {
      near.sort((a, b) => (acc[b] as number) - (acc[a] as number) || a - b);
      // Facts tied with the last one kept are kept too (up to a bound): cutting a tie by fact order
      // could leave out the one whose curated question is the question ("what is ISIPO?").
      const last = acc[near[RERANK - 1] as number] as number;
      cut = RERANK;
      while (cut < near.length && cut < RERANK_TIES && (acc[near[cut] as number] as number) >= last) cut++;
    }
    const querySet = new Set(words);
    const candidates = near.slice(0, cut).map((f) => {
      const coverage = acc[f] as number;
      const phrasing = this.phrasing(f, querySet);
      return { factNo: f, coverage, phrasing, score: coverage + PHRASING_WEIGHT * phrasing };
    });
    for (let i = 0; i < touchedCount; i++) acc[touched[i] as number] = 0;
    return candidates.sort((a, b) => b.score - a.score || a.factNo - b.factNo);
  }

  /** Weighted Jaccard between the question and the fact's closest curated question. */
  private phrasing(factNo: number, query: Set<string>): number {
    let best = 0;
    for (const q of this.index.questionWords[factNo] ?? []) {
      let inter = 0;
      let union = 0;
      for (const w of query) {
        const idf = this.weightOf(w);
        union += idf;
        if (q.includes(w)) inter += idf;
      }
      for (const w of q) if (!query.has(w)) union += this.index.idfOf(w) ?? 0;
      if (union > 0) best = Math.max(best, inter / union);
    }
    return best;
  }
}
