/** Opens the knowledge base folder and builds the engine over it: the one way adapters get an engine. */
import { resolve } from 'node:path';
import type { Engine, EngineOptions } from '../engine/engine.ts';
import { DEFAULT_KNOWLEDGE_DIR, buildEngine } from './build.ts';
import { loadKnowledgeBase } from './load.ts';

export { DEFAULT_KNOWLEDGE_DIR, buildEngine } from './build.ts';

/** Reads and validates every file, then builds: what tests, kb tools and /reload use. */
export function openEngine(dir: string = DEFAULT_KNOWLEDGE_DIR, options: EngineOptions = {}): Engine {
  return buildEngine(loadKnowledgeBase(resolve(dir)), options);
}
