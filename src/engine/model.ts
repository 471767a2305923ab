/**
 * The decision model's weights, fit on every tuning set by `npm run eval -- --fit` (logistic
 * regression over the features in decide.ts; the threshold where answering starts to cost more in
 * wrong answers than it earns in right ones, at twice the cost for a wrong answer). Refit and paste
 * the printed model here when the engine, the facts or the tuning sets change.
 */
import type { DecisionModel } from './decide.ts';

export const DEFAULT_MODEL: DecisionModel | undefined = {
  bias: -3.071,
  weights: [4.866, -1.696, -1.506, -2.286, 0.947, 0.635, -1.62],
  threshold: 0.78,
};
