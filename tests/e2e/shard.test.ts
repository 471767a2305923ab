import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.ts';
import { sendAsk } from './harness.ts';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const TOKEN = 'fake.token.value';

/** Lines of the structured log that parse as JSON. */
function logLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('npm run start:sharded', () => {
  it.each([
    ['1', 'BOT_SHARD_COUNT=1'],
    ['auto', "BOT_SHARD_COUNT=auto (the fake's /gateway/bot recommends 1)"],
  ])('with BOT_SHARD_COUNT=%s runs shard 0 of 1, answers, and stops gracefully on SIGTERM', async (count) => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const child = spawn(process.execPath, ['scripts/run.mjs', 'shard'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: fake.apiUrl,
        BOT_SHARD_COUNT: count,
        LOG_LEVEL: 'info',
        // Feedback storage in a temporary folder, not ./data.
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'kb-e2e-')), 'bot.db'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
    });
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    try {
      const f = fake;
      await f.waitFor(
        () => (stderr.includes('"all shards launched"') ? true : undefined),
        15_000,
        'the shards to be launched',
      );
      expect(f.identifies).toHaveLength(1);
      expect(f.identifies[0]?.shard).toEqual([0, 1]);
      if (count === 'auto') {
        // Asked of the fake (DISCORD_API_BASE), not of discord.com as discord.js's own 'auto' would.
        expect(logLines(stderr)).toContainEqual(
          expect.objectContaining({ msg: 'recommended shard count', shards: 1 }),
        );
      }

      const reply = await sendAsk(f, 'Who is Ali Rasoulian?').waitForReply();
      expect(reply.data.embeds?.[0]?.description).toContain('Rasoulian');

      child.kill('SIGTERM');
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      const logs = logLines(stderr);
      const msgs = logs.map((l) => l.msg);
      expect(msgs).toContain('shard launched');
      expect(msgs).toContain('bot ready');
      expect(msgs).toContain('bot stopped'); // the shard shut down gracefully
      expect(logs).toContainEqual(expect.objectContaining({ msg: 'shard stopped', shard: 0, exitCode: 0 }));
      expect(msgs.at(-1)).toBe('shards stopped');
      expect(msgs).not.toContain('shard died'); // no respawn on the way out
      expect(output).not.toContain(TOKEN);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('names DISCORD_TOKEN when it is missing', async () => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'shard'], {
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    expect(stderr).toContain('DISCORD_TOKEN is not set');
  });
});
