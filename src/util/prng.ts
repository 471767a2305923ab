/** A small seeded PRNG (mulberry32) and the draws the benchmark generator needs. Deterministic per seed. */

export class Rng {
  private state: number;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.state = this.seed;
  }

  /** Uniform in [0, 1). */
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count >= items.length) return this.shuffle(items);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].map((i) => items[i] as T);
  }

  /** A new generator whose stream depends on this one's seed and a label, not on how much this one drew. */
  fork(label: string): Rng {
    return new Rng(hashSeed(`${this.seed}:${label}`));
  }
}

/** A 32-bit seed from a string (FNV-1a). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1 / (rank + q)^s (a Zipf–Mandelbrot law): a few words are
 * very common, most are rare, as in real text.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    s = 1.07,
    q = 2.7,
  ) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / Math.pow(r + q, s);
      this.cumulative[r] = total;
    }
    for (let r = 0; r < n; r++) this.cumulative[r] = (this.cumulative[r] as number) / total;
  }

  /** A rank; with `from`/`to`, only ranks in [from, to) (the law restricted to that range). */
  draw(rng: Rng, from = 0, to = this.n): number {
    const lo = from === 0 ? 0 : (this.cumulative[from - 1] as number);
    const hi = this.cumulative[to - 1] as number;
    const u = lo + rng.next() * (hi - lo);
    let a = from;
    let b = to - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((this.cumulative[mid] as number) < u) a = mid + 1;
      else b = mid;
    }
    return a;
  }
}
