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

describe('npm start with a token', () => {
  it('runs the bot, answers, and stops gracefully on SIGTERM', async () => {
    fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const child = spawn(process.execPath, ['scripts/run.mjs', 'main'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: 'fake.token.value',
        DISCORD_API_BASE: fake.apiUrl,
        // The sharded entry's setting: discord.js's Client would read it as its own shard count.
        BOT_SHARD_COUNT: 'auto',
        LOG_LEVEL: 'info',
        // Feedback storage in a temporary folder, not ./data.
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'kb-e2e-')), 'bot.db'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    try {
      const f = fake;
      await f.waitFor(
        () => (stderr.includes('"bot ready"') ? true : undefined),
        15_000,
        'the bot to be ready',
      );
      const reply = await sendAsk(f, 'Who is Ali Rasoulian?').waitForReply();
      expect(reply.data.embeds?.[0]?.description).toContain('Rasoulian');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stderr).toContain('"bot stopped"');
      expect(stderr).not.toContain('fake.token.value');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
