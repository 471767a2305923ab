/**
 * Edit distances between words: how far a typo is from the word meant. Plain Levenshtein is
 * fastest-levenshtein's; the typo corrector's distance, which counts a swap of two letters as one
 * edit ("monhts"), is ours: no maintained, typed package has it.
 */
import { distance } from 'fastest-levenshtein';

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        (d[(i - 1) * cols + j] as number) + 1,
        (d[i * cols + j - 1] as number) + 1,
        (d[(i - 1) * cols + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (d[(i - 2) * cols + j - 2] as number) + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1] as number;
}

/** Levenshtein distance ≤ 1: one substitution, insertion or deletion (a swap is two). */
export function withinOneEdit(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 1 && distance(a, b) <= 1;
}
