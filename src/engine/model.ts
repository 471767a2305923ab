/**
 * The decision model's weights, fit on every tuning set by `npm run eval -- --fit` (logistic
 * regression over the features in decide.ts; the threshold where answering starts to cost more in
 * wrong answers than it earns in right ones, at twice the cost for a wrong answer). Refit and paste
 * the printed model here when the engine, the facts or the tuning sets change.
 */
import type { DecisionModel } from './decide.ts';

export const DEFAULT_MODEL: DecisionModel | undefined = {
  bias: -2.491,
  weights: [4.766, -1.067, -1.822, -2.543, 0.465, 0.166, -0.627, 0.289, 0.375, 0.818],
  threshold: 0.76,
};
