/**
 * A per-user rate limit (sliding window): at most `limit` questions per `windowMs`. Pure; the clock
 * is injected.
 *
 * A refusal says whether the user should be told (`notify`): only the first refusal in a window is,
 * so a flood from one user costs one notice per window and then silence, not one reply a message
 * (each would spend the bot's request budget and crowd the channel).
 */
export interface CooldownOptions {
  limit?: number;
  windowMs?: number;
  now?: () => number;
}

export type CooldownResult =
  | { ok: true }
  /** `notify`: the first refusal since the last notice a window ago or more; tell the user once. */
  | { ok: false; retryAfterMs: number; notify: boolean };

export class Cooldown {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly hits = new Map<string, number[]>();
  /** When each user was last told to wait. */
  private readonly noticed = new Map<string, number>();

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
      const last = this.noticed.get(key);
      const notify = last === undefined || now - last >= this.windowMs;
      if (notify) this.noticed.set(key, now);
      return { ok: false, retryAfterMs: (recent[0] as number) + this.windowMs - now, notify };
    }
    recent.push(now);
    this.hits.set(key, recent);
    this.prune(now);
    return { ok: true };
  }

  /** Forgets users whose window has passed, so the maps do not grow without bound. */
  private prune(now: number): void {
    if (this.hits.size < 1000) return;
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
    for (const [key, at] of this.noticed) if (now - at >= this.windowMs) this.noticed.delete(key);
  }
}
