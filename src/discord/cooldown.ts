/** A per-user rate limit (sliding window): at most `limit` questions per `windowMs`. Pure; the clock is injected. */
export interface CooldownOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

export type CooldownResult = { ok: true } | { ok: false; retryAfterMs: number };

export class Cooldown {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly hits = new Map<string, number[]>();

  constructor(options: CooldownOptions = {}) {
    this.limit = options.limit ?? 5;
    this.windowMs = options.windowMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts a question by `key` if it is allowed; otherwise says how long until the next is. */
  take(key: string): CooldownResult {
    const now = this.now();
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { ok: false, retryAfterMs: (recent[0] as number) + this.windowMs - now };
    }
    recent.push(now);
    this.hits.set(key, recent);
    this.prune(now);
    return { ok: true };
  }

  /** Forgets users whose window has passed, so the map does not grow without bound. */
  private prune(now: number): void {
    if (this.hits.size < 1000) return;
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
  }
}
