/**
 * The decision model's weights, fit on every tuning set by `npm run eval -- --fit` (logistic
 * regression over the features in decide.ts; the threshold where answering starts to cost more in
 * wrong answers than it earns in right ones, at twice the cost for a wrong answer). Refit and paste
 * the printed model here when the engine, the facts or the tuning sets change.
 */
import type { DecisionModel } from './decide.ts';

export const DEFAULT_MODEL: DecisionModel | undefined = {
  bias: -2.623,
  weights: [4.643, -1.287, -1.332, -2.712, 0.777, 0.097, -0.714, 0.549, 0.459],
  threshold: 0.78,
};
