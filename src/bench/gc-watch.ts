/**
 * Records garbage-collection pauses (perf_hooks 'gc' entries) so that answer latencies can be
 * split into the engine's own time and GC pauses that happened to fall inside a question.
 * Entries arrive asynchronously: call flush() from async code before reading them.
 */
import { PerformanceObserver } from 'node:perf_hooks';

export interface GcPause {
  start: number;
  duration: number;
}

export interface GcAttribution {
  /** GC pauses that began inside a timed question. */
  pauses: number;
  /** Their total duration (ms). */
  ms: number;
  /** Questions that had at least one. */
  questionsHit: number;
  /** p95 and max of the latencies with those pauses taken out. */
  p95WithoutGc: number;
  maxWithoutGc: number;
}

export class GcWatch {
  readonly pauses: GcPause[] = [];
  private readonly observer: PerformanceObserver;

  constructor() {
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) this.pauses.push({ start: e.startTime, duration: e.duration });
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Lets pending GC entries be delivered. */
  async flush(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }

  /** GC inside each [start, end] span (performance.now() times), and the latencies without it. */
  attribute(spans: readonly (readonly [number, number])[]): GcAttribution {
    const sorted = [...this.pauses].sort((a, b) => a.start - b.start);
    let pauses = 0;
    let ms = 0;
    let questionsHit = 0;
    const net: number[] = [];
    for (const [s, e] of spans) {
      let inside = 0;
      let hit = false;
      for (const p of sorted) {
        if (p.start >= e) break;
        if (p.start >= s) {
          inside += Math.min(p.duration, e - p.start);
          pauses++;
          hit = true;
        }
      }
      ms += inside;
      if (hit) questionsHit++;
      net.push(e - s - inside);
    }
    net.sort((a, b) => a - b);
    const p95 = net.length ? (net[Math.max(0, Math.ceil(0.95 * net.length) - 1)] as number) : NaN;
    return {
      pauses,
      ms,
      questionsHit,
      p95WithoutGc: p95,
      maxWithoutGc: net.length ? (net[net.length - 1] as number) : NaN,
    };
  }

  stop(): void {
    this.observer.disconnect();
  }
}
