/**
 * src/discord/ is the layer the commands are built on: the entry points hand the command list to
 * createBot, so nothing under src/discord/ may import commands/ (which itself imports src/discord/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';

const DISCORD_DIR = join(PROJECT_ROOT, 'src', 'discord');
const COMMANDS_DIR = join(PROJECT_ROOT, 'commands');

/** Every .ts file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The relative specifiers `file` imports or re-exports, static, dynamic and type-only alike. */
function relativeImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((ref) => ref.fileName).filter((spec) => spec.startsWith('.'));
}

function isUnder(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

describe('the Discord layer', () => {
  it('finds its source files and their imports', () => {
    const files = sourceFiles(DISCORD_DIR);
    expect(files.map((f) => relative(DISCORD_DIR, f))).toContain('bot.ts');
    expect(relativeImports(join(DISCORD_DIR, 'bot.ts'))).toContain('./router.ts');
  });

  it('has no file that imports from commands/', () => {
    const offending = sourceFiles(DISCORD_DIR).flatMap((file) =>
      relativeImports(file)
        .filter((spec) => isUnder(resolve(dirname(file), spec), COMMANDS_DIR))
        .map((spec) => `${relative(PROJECT_ROOT, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
