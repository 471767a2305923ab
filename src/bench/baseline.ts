/**
 * The plain fuse.js baseline: one Fuse over the facts, the whole question as the pattern.
 * It is slow (hundreds of ms to many seconds a question), so its questions run under a time
 * budget: before each, its cost is estimated and it is skipped, with the reason, if it would
 * not fit. Nothing is skipped silently.
 */
import Fuse from 'fuse.js';
import type { Fact } from '../engine/types.ts';

export const BASELINE_OPTIONS = {
  keys: ['questions', 'answer', 'keywords'],
  includeScore: true,
  ignoreLocation: true,
};

export function buildBaseline(facts: readonly Fact[]): Fuse<Fact> {
  return new Fuse([...facts], BASELINE_OPTIONS);
}

/** fuse.js matches a pattern in chunks of 32 characters (its bitap word size). */
export function patternChunks(text: string): number {
  return Math.max(1, Math.ceil(text.length / 32));
}

/** Characters fuse.js scans per search: every fact's questions, answer and keywords. */
export function searchedChars(facts: readonly Fact[]): number {
  let n = 0;
  for (const f of facts) {
    n += f.answer.length;
    for (const q of f.questions) n += q.length;
    for (const k of f.keywords) n += k.length;
  }
  return n;
}

/**
 * Cost model of a search: ms ≈ k × searched characters × pattern chunks (fuse.js runs its bitap
 * over every key's text for every 32-character chunk of the pattern). k is learnt from every search
 * run so far in the process, on any KB; before the first, a prior measured on 2 cores.
 */
export class BaselineCostModel {
  private workMs = 0;
  private workUnits = 0;
  /** ms per (searched character × pattern chunk). */
  static readonly PRIOR_MS_PER_UNIT = 1.2e-3;

  record(ms: number, chars: number, text: string): void {
    this.workMs += ms;
    this.workUnits += chars * patternChunks(text);
  }

  get msPerUnit(): number {
    return this.workUnits > 0 ? this.workMs / this.workUnits : BaselineCostModel.PRIOR_MS_PER_UNIT;
  }

  get calibrated(): boolean {
    return this.workUnits > 0;
  }

  estimate(chars: number, text: string): number {
    return this.msPerUnit * chars * patternChunks(text);
  }
}

export interface BudgetItem<T> {
  text: string;
  /** What the item is, for skip messages ("paraphrase", "off-topic", "2,000-char kb-words"). */
  label: string;
  payload: T;
}

export interface BudgetOutcome<T> {
  item: BudgetItem<T>;
  ms: number;
  topId: string | null;
  results: number;
}

export interface Skip {
  label: string;
  reason: string;
}

/** Runs searches in order while each one's estimated cost fits in what is left of the budget. */
export class BudgetRunner {
  private spentMs = 0;
  readonly skips: Skip[] = [];

  constructor(
    private fuse: Fuse<Fact> | null,
    /** searchedChars() of the facts the index holds. */
    private readonly chars: number,
    private readonly budgetMs: number,
    private readonly model: BaselineCostModel,
  ) {}

  /** Drops the runner's reference to the index (so its memory can be measured and freed). */
  release(): void {
    this.fuse = null;
  }

  get spent(): number {
    return this.spentMs;
  }

  run<T>(item: BudgetItem<T>): BudgetOutcome<T> | null {
    const estimate = this.model.estimate(this.chars, item.text);
    const left = this.budgetMs - this.spentMs;
    if (estimate > left) {
      this.skips.push({
        label: item.label,
        reason:
          `est. ${fmtSeconds(estimate)} (${this.model.calibrated ? 'measured' : 'prior'} ` +
          `${(this.model.msPerUnit * 1000).toFixed(2)} µs per searched char × 32-char chunk) > ` +
          `${fmtSeconds(Math.max(0, left))} ` +
          `left of ${fmtSeconds(this.budgetMs)} budget`,
      });
      return null;
    }
    if (!this.fuse) throw new Error('BudgetRunner used after release()');
    const t0 = performance.now();
    const results = this.fuse.search(item.text);
    const ms = performance.now() - t0;
    this.spentMs += ms;
    this.model.record(ms, this.chars, item.text);
    return { item, ms, topId: results[0]?.item.id ?? null, results: results.length };
  }
}

function fmtSeconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}
