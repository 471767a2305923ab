/**
 * The bot's process as a service manager runs it (`node scripts/run.mjs main`, `npm start`): start,
 * answer, stop on a signal, and what it does when it cannot start.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';
import { FakeDiscord } from './fake-discord.ts';
import { sendAsk } from './harness.ts';

const TOKEN = 'fake.token.value';

let fake: FakeDiscord | undefined;
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await fake?.stop();
  fake = undefined;
});

interface Running {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stderr so far. */
  stderr: () => string;
  /** The structured log lines so far. */
  logs: () => Record<string, unknown>[];
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

/** Starts `command args` with the bot's settings for `apiBase` (the fake) on top of `env`. */
function startProcess(
  command: string,
  args: string[],
  apiBase: string | undefined,
  env: Record<string, string> = {},
): Running {
  const child = spawn(command, args, {
    env: {
      ...process.env,
      DISCORD_TOKEN: TOKEN,
      ...(apiBase ? { DISCORD_API_BASE: apiBase } : {}),
      // The sharded entry's setting: discord.js's Client would read it as its own shard count.
      BOT_SHARD_COUNT: 'auto',
      LOG_LEVEL: 'info',
      // The fixture knowledge base; feedback storage and the knowledge snapshot in a temporary
      // folder, not the project's.
      KNOWLEDGE_DIR: FIXTURE_KB_DIR,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'kb-e2e-')), 'bot.db'),
      CACHE_DIR: mkdtempSync(join(tmpdir(), 'kb-e2e-cache-')),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const logs = () =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, stderr: () => stderr, logs, exited };
}

const startMain = (apiBase: string | undefined, env: Record<string, string> = {}) =>
  startProcess(process.execPath, ['scripts/run.mjs', 'main'], apiBase, env);

/** Waits until the log has a line with this message (checked on the fake's events and every 50 ms). */
async function waitForLog(run: Running, msg: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.logs().some((l) => l.msg === msg)) {
    if (run.child.exitCode !== null) throw new Error(`exited before logging "${msg}":\n${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no "${msg}" in the log:\n${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A port on 127.0.0.1 where nothing listens (just freed). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the bot process with a token', () => {
  it('runs the bot, answers, and stops gracefully on SIGTERM', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const run = startMain(fake.apiUrl);
    await waitForLog(run, 'bot ready');
    const reply = await sendAsk(fake, 'Who is Kaveh Nouri?').waitForReply();
    expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
    run.child.kill('SIGTERM');
    const [code] = await run.exited;
    expect(code).toBe(0);
    expect(run.logs().map((l) => l.msg)).toContain('bot stopped');
    expect(run.stderr()).not.toContain(TOKEN);
  });

  it('stops within its grace period, exit 0, when Discord stops answering a reply in flight', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250, interactionTimeoutMs: 0 });
    const graceMs = 1000;
    const run = startMain(fake.apiUrl, { SHUTDOWN_GRACE_MS: String(graceMs) });
    await waitForLog(run, 'bot ready');
    const f = fake;
    f.hang(); // every request from now on: the reply below never gets its answer
    sendAsk(f, 'Who is Kaveh Nouri?');
    await f.waitFor(() => (f.hung.length > 0 ? true : undefined), 5000, 'the reply to be sent');

    const signalled = performance.now();
    run.child.kill('SIGTERM');
    const [code] = await run.exited;
    const tookMs = performance.now() - signalled;
    expect(code).toBe(0);
    expect(run.logs()).toContainEqual(
      expect.objectContaining({
        msg: 'replies still in flight after the shutdown grace period; abandoning them',
        inFlight: 1,
        graceMs,
      }),
    );
    expect(run.logs().map((l) => l.msg)).toContain('bot stopped');
    // The grace period, then at most 1 s to disconnect; the rest is slack for a busy machine.
    expect(tookMs).toBeLessThan(graceMs + 1000 + 2000);
  });

  it('under npm start, SIGTERM to npm stops the bot and npm exits 0', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const run = startProcess('npm', ['start', '--silent'], fake.apiUrl);
    await waitForLog(run, 'bot ready');
    run.child.kill('SIGTERM'); // to npm only, as a service manager does
    const [code] = await run.exited;
    expect(code).toBe(0);
    // npm waited for the bot, which stopped (not orphaned): its last words are in npm's output.
    expect(run.logs().map((l) => l.msg)).toContain('bot stopped');
  });
});

describe('the bot process when it cannot start', () => {
  it('exits 78 with how to configure it when there is no token and no terminal', async () => {
    const run = startMain(undefined, { DISCORD_TOKEN: '' });
    run.child.stdin.end(); // a pipe, not a terminal: as under a service manager
    const [code] = await run.exited;
    expect(code).toBe(78);
    expect(run.stderr()).toContain('DISCORD_TOKEN is not set and standard input is not a terminal');
    expect(run.stderr()).toContain('--console');
  });

  it('runs the console chat without a terminal when asked to with --console', async () => {
    const run = startProcess(process.execPath, ['scripts/run.mjs', 'main', '--console'], undefined, {
      DISCORD_TOKEN: '',
    });
    let stdout = '';
    run.child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    run.child.stdin.end('Who is Kaveh Nouri?\n');
    const [code] = await run.exited;
    expect(code).toBe(0);
    expect(stdout).toContain('Kaveh Nouri is the head of');
  });

  it('retries while Discord cannot be reached, logging each attempt, and answers once it can', async () => {
    const port = await freePort();
    const run = startMain(`http://127.0.0.1:${port}/api`);
    await waitForLog(run, 'could not log in to Discord; retrying');
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250, port });
    await waitForLog(run, 'bot ready');
    expect(run.logs().find((l) => l.msg === 'could not log in to Discord; retrying')).toMatchObject({
      level: 'warn',
      attempt: 1,
      retryInMs: 1000,
      error: expect.stringContaining('ECONNREFUSED'),
    });
    const reply = await sendAsk(fake, 'Who is Kaveh Nouri?').waitForReply();
    expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
  });

  it('gives up after STARTUP_RETRY_MS with exit 1 when Discord stays unreachable', async () => {
    const port = await freePort();
    const run = startMain(`http://127.0.0.1:${port}/api`, { STARTUP_RETRY_MS: '1500' });
    const [code] = await run.exited;
    expect(code).toBe(1);
    const msgs = run.logs().map((l) => l.msg);
    // Attempts at about 0 s and 1 s, then the last one at 1.5 s.
    expect(msgs.filter((m) => m === 'could not log in to Discord; retrying').length).toBeGreaterThanOrEqual(
      1,
    );
    expect(msgs.at(-1)).toBe('could not log in to Discord; giving up');
    expect(run.stderr()).toContain('Start-up failed:');
  });

  it('exits 78 at once, with no retry, when Discord rejects the token', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    fake.failNext('GET /gateway/bot', { status: 401 });
    const run = startMain(fake.apiUrl);
    const [code] = await run.exited;
    expect(code).toBe(78);
    expect(run.stderr()).toContain('Discord rejected DISCORD_TOKEN (401 Unauthorized)');
    expect(run.stderr()).toContain('Reset Token');
    expect(run.logs().map((l) => l.msg)).not.toContain('could not log in to Discord; retrying');
    expect(run.stderr()).not.toContain(TOKEN);
  });
});
