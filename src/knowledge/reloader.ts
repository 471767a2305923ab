/**
 * Reloading the knowledge base without a restart: holds the engine in use, rebuilds it from the
 * folder on demand (/reload) or when the files change (KNOWLEDGE_WATCH), and swaps it in only when
 * the folder loads without a single problem, so a broken edit never replaces a good engine.
 */
import { existsSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Engine, EngineOptions } from '../engine/engine.ts';
import type { Logger } from '../logger.ts';
import { KnowledgeBaseError, formatProblem, readKnowledgeBase } from './load.ts';
import type { KbProblem } from './load.ts';
import { DEFAULT_KNOWLEDGE_DIR, buildEngine } from './open.ts';

export type ReloadResult =
  | {
      ok: true;
      /** Articles, served (reviewed) facts and draft facts in the new knowledge base. */
      articles: number;
      facts: number;
      drafts: number;
      /** How long reading, validating and building took. */
      ms: number;
    }
  | {
      ok: false;
      /** Every problem found, each naming its file (and fact id and field where it has them). */
      problems: KbProblem[];
      ms: number;
    };

export interface ReloaderOptions {
  /** The engine to serve until the first reload; default: loaded from `dir` now (throws on problems). */
  engine?: Engine;
  /** Passed to every engine built (the defaults are openEngine's). */
  engineOptions?: EngineOptions;
}

export interface WatchOptions {
  logger: Logger;
  /** Quiet time after the last change before reloading (default 300 ms). */
  debounceMs?: number;
  /** Called after each reload the watcher triggers (tests). */
  onReload?: (result: ReloadResult) => void;
}

export const DEFAULT_DEBOUNCE_MS = 300;

export interface Debounced {
  (): void;
  /** Drops a call that is waiting. */
  cancel(): void;
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (() => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  }) as Debounced;
  debounced.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}

/** Who or what asked for a reload, for its log line (`trigger`: command, watch, …). */
export type ReloadFields = { trigger: string } & Record<string, unknown>;

/** Logs a reload's outcome: info with the counts, or error with every problem. */
export function logReload(logger: Logger, result: ReloadResult, fields: ReloadFields): void {
  if (result.ok) {
    const { articles, facts, drafts, ms } = result;
    logger.info('knowledge base reloaded', { ...fields, articles, facts, drafts, ms });
  } else {
    logger.error('knowledge base reload failed; still serving the last good one', {
      ...fields,
      problems: result.problems.map(formatProblem),
    });
  }
}

export class KnowledgeReloader {
  readonly dir: string;
  private current: Engine;
  private readonly engineOptions: EngineOptions;
  /** Reloads so far, by outcome (for the metrics). */
  readonly stats = { ok: 0, failed: 0 };

  constructor(dir: string = DEFAULT_KNOWLEDGE_DIR, options: ReloaderOptions = {}) {
    this.dir = resolve(dir);
    this.engineOptions = options.engineOptions ?? {};
    if (options.engine) this.current = options.engine;
    else {
      const { kb, problems } = readKnowledgeBase(this.dir);
      if (problems.length > 0) throw new KnowledgeBaseError(problems);
      this.current = buildEngine(kb, this.engineOptions);
    }
  }

  /** The engine to answer with now. */
  get engine(): Engine {
    return this.current;
  }

  /** Serves another engine from now on. */
  setEngine(engine: Engine): void {
    this.current = engine;
  }

  /**
   * Re-reads the folder. With any problem the engine in use is kept and the problems returned;
   * otherwise a new engine is built and swapped in.
   */
  reload(): ReloadResult {
    const result = this.load();
    this.stats[result.ok ? 'ok' : 'failed']++;
    return result;
  }

  /** reload(), then logReload(). */
  reloadAndLog(logger: Logger, fields: ReloadFields): ReloadResult {
    const result = this.reload();
    logReload(logger, result, fields);
    return result;
  }

  private load(): ReloadResult {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      const { kb, problems } = readKnowledgeBase(this.dir);
      if (problems.length > 0) return { ok: false, problems, ms: elapsed() };
      const engine = buildEngine(kb, this.engineOptions);
      this.current = engine;
      return {
        ok: true,
        articles: kb.articles.length,
        facts: engine.facts.length,
        drafts: kb.facts.filter((f) => f.status === 'draft').length,
        ms: elapsed(),
      };
    } catch (err) {
      // Not a content problem (e.g. the folder is unreadable): still keep the engine in use.
      return { ok: false, problems: [{ file: this.dir, message: (err as Error).message }], ms: elapsed() };
    }
  }

  /**
   * Development: reloads when a file in the folder, articles/ or facts/ changes (debounced), and
   * logs the outcome. Returns the function that stops watching.
   */
  watch(options: WatchOptions): () => void {
    const { logger } = options;
    const reload = debounce(() => {
      const result = this.reloadAndLog(logger, { trigger: 'watch' });
      options.onReload?.(result);
    }, options.debounceMs ?? DEFAULT_DEBOUNCE_MS);

    // Three plain watchers rather than `recursive: true`, whose Linux support in Node 20 is
    // emulated and has had bugs. Watching folders (not files) also sees editors' atomic saves.
    const watchers: FSWatcher[] = [];
    for (const folder of [this.dir, join(this.dir, 'articles'), join(this.dir, 'facts')]) {
      if (!existsSync(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, () => reload());
        watcher.on('error', (err) => logger.warn('knowledge watch error', { folder, err }));
        watchers.push(watcher);
      } catch (err) {
        logger.warn('cannot watch the knowledge folder', { folder, err });
      }
    }
    logger.info('watching the knowledge base', {
      dir: this.dir,
      debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    });
    return () => {
      reload.cancel();
      for (const w of watchers) w.close();
    };
  }
}
