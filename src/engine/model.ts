/**
 * The decision model's weights, fit on every tuning set by `npm run eval -- --fit` (logistic
 * regression over the features in decide.ts; the threshold where answering starts to cost more in
 * wrong answers than it earns in right ones, at twice the cost for a wrong answer). Refit and paste
 * the printed model here when the engine, the facts or the tuning sets change.
 */
import type { DecisionModel } from './decide.ts';

export const DEFAULT_MODEL: DecisionModel | undefined = {
  bias: -2.754,
  weights: [4.614, -1.135, -1.607, -2.603, 0.818, 0.179, -0.765, 0.561, 0.573, 0.545],
  threshold: 0.76,
};
