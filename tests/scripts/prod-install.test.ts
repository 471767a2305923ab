/**
 * The Docker image's build and start steps, without Docker: scripts/prod-install.sh (which the
 * Dockerfile's build stage runs) on a clean copy of the work tree, then the programs started from
 * the result as the image starts them (`node dist/main.js`), against the fake Discord. The bot and
 * kb-check run on the knowledge/ the image ships and assert only that it loads and answers; the
 * answers themselves are checked on the fixture knowledge base (KNOWLEDGE_DIR), so curating
 * knowledge/ never breaks this test.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { FakeDiscord } from '../e2e/fake-discord.ts';
import { sendAsk } from '../e2e/harness.ts';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';

const TOKEN = 'fake.token.value';

/** The work tree as `docker build` sees it: tracked and untracked files, nothing git ignores. */
function cleanCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'prod-src-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(PROJECT_ROOT, f)));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(PROJECT_ROOT, f), join(dir, f));
  }
  return dir;
}

/**
 * better-sqlite3's install step downloads a prebuilt binary when it can (as in a Docker build) or
 * compiles SQLite for minutes. This machine cannot download it, so the one already built here for
 * the same Node and version is offered as a "local prebuild" (a prebuild-install feature) instead.
 */
function localPrebuilds(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'prod-prebuilds-'));
  const pkg = join(PROJECT_ROOT, 'node_modules', 'better-sqlite3');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, name), '-C', pkg, 'build/Release/better_sqlite3.node']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

/** Every file under `dir` with its size and modification time. */
function snapshotTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => {
    const path = join(e.parentPath, e.name);
    return e.isFile() ? `${path} ${readFileSync(path).length}` : path;
  });
}

let app: string;
/** The database the bot wrote (in the main.js test), for db-backup. */
let botDb: string | undefined;
let install: { code: number | null; output: string };

beforeAll(() => {
  app = join(mkdtempSync(join(tmpdir(), 'prod-app-')), 'app');
  const r = spawnSync('bash', [join(cleanCopy(), 'scripts', 'prod-install.sh'), app], {
    encoding: 'utf8',
    env: { ...process.env, ...localPrebuilds(), npm_config_prefer_offline: 'true' },
    timeout: 5 * 60_000,
  });
  install = { code: r.status, output: `${r.stdout}\n${r.stderr}` };
}, 5 * 60_000);

let fake: FakeDiscord | undefined;
afterAll(async () => {
  await fake?.stop();
});

/** Runs a dist/ program in the install with the bot's settings; resolves with its exit code. */
function startFromDist(program: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--enable-source-maps', `dist/${program}`], {
    cwd: app,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  return { child, output: () => output, exited };
}

describe('scripts/prod-install.sh (the Docker build stage) on a clean copy', () => {
  it('installs, builds and prunes to the runtime dependencies, dist/ and knowledge/ only', () => {
    expect(install.code, install.output).toBe(0);
    expect(readdirSync(app).sort()).toEqual([
      'dist',
      'knowledge',
      'node_modules',
      'package-lock.json',
      'package.json',
    ]);
    expect(existsSync(join(app, 'node_modules', 'discord.js'))).toBe(true);
    for (const dev of ['esbuild', 'vitest', 'typescript', 'tsx']) {
      expect(existsSync(join(app, 'node_modules', dev)), dev).toBe(false);
    }
  });

  it('runs the bot from dist/ (as the image does): /healthz 200, answers, stops on SIGTERM, writes nothing there', async () => {
    expect(install.code, install.output).toBe(0);
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const before = snapshotTree(app);
    botDb = join(mkdtempSync(join(tmpdir(), 'prod-data-')), 'bot.db');
    const bot = startFromDist('main.js', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: fake.apiUrl,
      DATABASE_PATH: botDb,
      CACHE_DIR: '', // the default: the OS temp dir, never the code folder
      HEALTH_PORT: '0', // any free port, logged
    });
    try {
      const f = fake;
      await f.waitFor(() => (bot.output().includes('"bot ready"') ? true : undefined), 20_000, 'bot ready');
      // What the Dockerfile's HEALTHCHECK asks: the shipped knowledge base loaded, among the rest.
      const healthz = /"healthz":"([^"]+)"/.exec(bot.output())?.[1];
      expect(healthz, bot.output()).toBeDefined();
      const health = await fetch(healthz ?? '');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ checks: { knowledge: { ok: true } } });
      // Whatever knowledge/ holds, a question gets an answer or an honest refusal.
      const reply = await sendAsk(f, 'What does the material say about industrial parks?').waitForReply(5000);
      expect(reply.data.embeds?.[0]?.description).toBeTruthy();
      bot.child.kill('SIGTERM');
      const [code] = await bot.exited;
      expect(code, bot.output()).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
    expect(snapshotTree(app)).toEqual(before);
  });

  it('runs the sharded bot from dist/', async () => {
    expect(install.code, install.output).toBe(0);
    fake ??= await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const shard = startFromDist('shard.js', {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: fake.apiUrl,
      BOT_SHARD_COUNT: '1',
      KNOWLEDGE_DIR: FIXTURE_KB_DIR,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'prod-data-')), 'bot.db'),
    });
    try {
      const f = fake;
      await f.waitFor(
        () => (shard.output().includes('"all shards launched"') ? true : undefined),
        20_000,
        'the shards to be launched',
      );
      const reply = await sendAsk(f, 'Who is Kaveh Nouri?').waitForReply(5000);
      expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
      shard.child.kill('SIGTERM');
      const [code] = await shard.exited;
      expect(code, shard.output()).toBe(0);
    } finally {
      shard.child.kill('SIGKILL');
    }
  });

  it('runs the tools from dist/: ask, kb-check and db-backup', () => {
    expect(install.code, install.output).toBe(0);
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, args, {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 30_000,
      });
    const ask = run(['dist/ask.js', '--json', 'Who is Kaveh Nouri?'], { KNOWLEDGE_DIR: FIXTURE_KB_DIR });
    expect(ask.status, ask.stderr).toBe(0);
    expect(JSON.parse(ask.stdout)).toMatchObject({ status: 'answered', factIds: ['fixture-nouri-who'] });
    // The knowledge/ the image ships passes kb:check.
    const check = run(['dist/kb-check.js']);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('knowledge base OK');
    expect(botDb).toBeDefined();
    const copy = join(mkdtempSync(join(tmpdir(), 'prod-backup-')), 'bot-copy.db');
    const backup = run(['dist/db-backup.js', '--db', botDb ?? '', copy]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(existsSync(copy)).toBe(true);
  });
});
