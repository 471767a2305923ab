/**
 * Memory figures. A forced GC makes "heap retained by the engine" meaningful; without
 * --expose-gc the collector is reached through V8's flag API (works on Node 20+), and if even
 * that fails the figures are plain process.memoryUsage() deltas, flagged as such.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type GcMode = 'expose-gc' | 'v8-flag' | 'none';

let gcFn: (() => void) | null = null;
let mode: GcMode = 'none';

function init(): void {
  if (gcFn || mode !== 'none') return;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') {
    gcFn = existing;
    mode = 'expose-gc';
    return;
  }
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    if (typeof fn === 'function') {
      gcFn = fn as () => void;
      mode = 'v8-flag';
    }
  } catch {
    gcFn = null;
  }
}

export function gcMode(): GcMode {
  init();
  return mode;
}

/** Collects garbage (twice: weak references and finalizers need a second pass) if possible. */
export function collect(): void {
  init();
  if (gcFn) {
    gcFn();
    gcFn();
  }
}

export interface MemorySnapshot {
  heapUsed: number;
  rss: number;
  /** The process's peak resident set so far (bytes). */
  maxRss: number;
}

export function snapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss, maxRss: process.resourceUsage().maxRSS * 1024 };
}

export const MB = 1024 * 1024;
