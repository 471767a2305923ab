import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { writeKbDir } from '../helpers/kb-dir.ts';

const kbDir = writeKbDir();

/** A copy of the project's code (sharing its node_modules), so builds there never touch ours. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'build-mjs-'));
  for (const part of ['package.json', 'scripts', 'src', 'commands']) {
    cpSync(join(PROJECT_ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function run(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, KNOWLEDGE_DIR: kbDir, ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run build (scripts/build.mjs)', () => {
  it('compiles every production program into dist/', () => {
    const cwd = projectCopy();
    const r = run(cwd, ['scripts/build.mjs']);
    expect(r.code, r.stderr).toBe(0);
    const programs = readdirSync(join(cwd, 'dist')).filter(
      (f) => /^[a-z-]+\.js$/.test(f) && !f.startsWith('chunk-'),
    );
    for (const name of [
      'main',
      'shard',
      'ask',
      'kb-check',
      'kb-add',
      'kb-gaps',
      'db-backup',
      'deploy-commands',
      'eval',
    ]) {
      expect(programs).toContain(`${name}.js`);
    }
    expect(programs).not.toContain('bench.js'); // a development tool
  });

  it('builds programs that run without the sources and write nothing to the code folder', () => {
    const cwd = projectCopy();
    expect(run(cwd, ['scripts/build.mjs']).code).toBe(0);
    for (const part of ['src', 'commands', 'scripts']) rmSync(join(cwd, part), { recursive: true });
    const before = readdirSync(cwd, { recursive: true }).sort();
    const cache = mkdtempSync(join(tmpdir(), 'build-cache-'));

    for (let i = 0; i < 2; i++) {
      const r = run(cwd, ['dist/ask.js', '--json', 'Who is Jane Doe?'], { CACHE_DIR: cache });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'answered', factIds: ['jane-doe'] });
    }
    expect(run(cwd, ['dist/kb-check.js', '--dir', kbDir]).code).toBe(0);
    expect(readdirSync(join(cache, 'knowledge'))).toHaveLength(1); // the snapshot went to CACHE_DIR
    expect(readdirSync(cwd, { recursive: true }).sort()).toEqual(before);
  });

  it('keeps the last good dist/ when the sources do not compile, naming the file and line', () => {
    const cwd = projectCopy();
    expect(run(cwd, ['scripts/build.mjs']).code).toBe(0);
    appendFileSync(join(cwd, 'src', 'engine', 'render.ts'), '\nexport const = ;\n');
    const r = run(cwd, ['scripts/build.mjs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The build failed:\nsrc\/engine\/render\.ts:\d+: /);
    expect(existsSync(join(cwd, 'dist', 'main.js'))).toBe(true);
    expect(readdirSync(cwd).filter((f) => f.startsWith('dist.tmp'))).toEqual([]);
  });
});
