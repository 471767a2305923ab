/**
 * The test fixture knowledge base (tests/fixtures/knowledge/): what unit and e2e tests run on, so
 * that curating the real knowledge/ never breaks them. See tests/fixtures/knowledge/README.md.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/engine/engine.ts';
import { openEngine } from '../../src/knowledge/open.ts';

export const FIXTURE_KB_DIR = join(import.meta.dirname, '..', 'fixtures', 'knowledge');

/** The engine over the fixture knowledge base, built as the bot builds it. */
export function fixtureEngine(): Engine {
  return openEngine(FIXTURE_KB_DIR);
}

/** A temp copy of the fixture knowledge base, for a test that writes to it; the original is never written. */
export function copyFixtureKb(prefix = 'fixture-kb-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'knowledge');
  cpSync(FIXTURE_KB_DIR, dir, { recursive: true });
  return dir;
}
