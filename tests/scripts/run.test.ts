import { execFile, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { writeKbDir } from '../helpers/kb-dir.ts';

const kbDir = writeKbDir();

/** A copy of the project's code (sharing its node_modules), so builds there never touch ours. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'run-mjs-'));
  for (const part of ['package.json', 'scripts', 'src', 'commands']) {
    cpSync(join(PROJECT_ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const options = (cwd: string) => ({
  cwd,
  encoding: 'utf8' as const,
  env: { ...process.env, KNOWLEDGE_DIR: kbDir },
  timeout: 60_000,
});

function run(cwd: string, args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/run.mjs', ...args], options(cwd));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const builds = (cwd: string) => readdirSync(join(cwd, '.build')).sort();

describe('scripts/run.mjs', () => {
  it('builds the programs on first use and runs the one asked for, with its arguments', () => {
    const cwd = projectCopy();
    const r = run(cwd, ['ask', '--json', 'Who is Jane Doe?']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'answered', factIds: ['jane-doe'] });
    expect(builds(cwd)).toHaveLength(1);
  });

  it('reuses the build while the sources are unchanged, and rebuilds after an edit', () => {
    const cwd = projectCopy();
    run(cwd, ['ask', 'Who is Jane Doe?']);
    const first = builds(cwd);
    run(cwd, ['ask', 'Who is Jane Doe?']);
    expect(builds(cwd)).toEqual(first);

    appendFileSync(join(cwd, 'src', 'engine', 'render.ts'), '\nexport const EDITED = true;\n');
    const r = run(cwd, ['ask', 'Who is Jane Doe?']);
    expect(r.code, r.stderr).toBe(0);
    expect(builds(cwd)).toHaveLength(2);
  });

  it('reports a source that does not compile by file and line, without a stack trace', () => {
    const cwd = projectCopy();
    appendFileSync(join(cwd, 'src', 'engine', 'render.ts'), '\nexport const = ;\n');
    const r = run(cwd, ['ask', 'Who is Jane Doe?']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The build failed:\nsrc\/engine\/render\.ts:\d+: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lets two programs started at once share one build', async () => {
    const cwd = projectCopy();
    const exec = promisify(execFile);
    const both = await Promise.all(
      [0, 1].map(() =>
        exec(process.execPath, ['scripts/run.mjs', 'ask', '--json', 'Who is Jane Doe?'], options(cwd)),
      ),
    );
    for (const r of both) expect(JSON.parse(r.stdout).status).toBe('answered');
    expect(builds(cwd)).toHaveLength(1);
  });

  it('names the programs and exits 2 when none or an unknown one is asked for', () => {
    const cwd = projectCopy();
    for (const args of [[], ['nope']]) {
      const r = run(cwd, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: node scripts\/run\.mjs <main\|shard\|ask\|/);
    }
  });
});
