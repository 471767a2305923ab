/** Opens the knowledge base folder and builds the engine over it: the one way adapters get an engine. */
import { join, resolve } from 'node:path';
import { Engine } from '../engine/engine.ts';
import type { EngineOptions } from '../engine/engine.ts';
import type { KnowledgeBase } from '../engine/types.ts';
import { commonWords, countryWords, everydayWords } from './dictionary.ts';
import { PROJECT_ROOT } from '../paths.ts';
import { loadKnowledgeBase } from './load.ts';

/** The repository's knowledge/ folder, wherever the command is run from. */
export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

/** Builds the engine over a loaded knowledge base, with the dictionaries every adapter uses. */
export function buildEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  return new Engine(kb, {
    dictionary: commonWords(),
    places: countryWords(),
    everyday: everydayWords(),
    ...options,
  });
}

export function openEngine(dir: string = DEFAULT_KNOWLEDGE_DIR, options: EngineOptions = {}): Engine {
  return buildEngine(loadKnowledgeBase(resolve(dir)), options);
}
