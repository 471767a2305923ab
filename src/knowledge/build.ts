/**
 * Builds the engine over a loaded knowledge base, with the dictionaries every adapter uses.
 * Kept apart from the loader so that a start from the snapshot (snapshot.ts) never imports the
 * YAML parser or the schema.
 */
import { join } from 'node:path';
import { Engine } from '../engine/engine.ts';
import type { EngineOptions } from '../engine/engine.ts';
import type { KnowledgeBase } from '../engine/types.ts';
import { commonWords, countryWords, everydayWords } from './dictionary.ts';
import { PROJECT_ROOT } from '../paths.ts';

/** The repository's knowledge/ folder, wherever the command is run from. */
export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

export function buildEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  return new Engine(kb, {
    dictionary: commonWords(),
    places: countryWords(),
    everyday: everydayWords(),
    ...options,
  });
}
