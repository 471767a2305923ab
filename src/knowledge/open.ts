/** Opens the knowledge base folder and builds the engine over it: the one way adapters get an engine. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../engine/engine.ts';
import type { EngineOptions } from '../engine/engine.ts';
import { commonWords, countryWords, everydayWords } from './dictionary.ts';
import { loadKnowledgeBase } from './load.ts';

/** The repository's knowledge/ folder, wherever the command is run from. */
export const DEFAULT_KNOWLEDGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'knowledge');

export function openEngine(dir: string = DEFAULT_KNOWLEDGE_DIR, options: EngineOptions = {}): Engine {
  return new Engine(loadKnowledgeBase(resolve(dir)), {
    dictionary: commonWords(),
    places: countryWords(),
    everyday: everydayWords(),
    ...options,
  });
}
