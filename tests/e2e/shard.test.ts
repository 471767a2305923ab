import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { readKnowledgeBase } from '../../src/knowledge/load.ts';
import { FIXTURE_KB_DIR, copyFixtureKb } from '../helpers/fixture-kb.ts';
import { value } from '../helpers/prometheus.ts';
import { FakeDiscord, shardOf } from './fake-discord.ts';
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
        KNOWLEDGE_DIR: FIXTURE_KB_DIR,
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

      const reply = await sendAsk(f, 'Who is Kaveh Nouri?').waitForReply();
      expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');

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

  it('names DISCORD_TOKEN when it is missing, with the configuration error exit code 78', async () => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'shard'], {
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(78);
    expect(stderr).toContain('DISCORD_TOKEN is not set');
  });
});

const NEW_FACT = `
  - id: zz-test-shard-zorblax
    answer: The zorblax shard check confirms that ZSIA has signed a memorandum with Georgia.
    questions: [What does the zorblax shard check confirm?]
    keywords: [zorblax]
    gives: [description]
    places: [Georgia]
    quote: The Zagros Small Industries Agency (ZSIA) has signed a memorandum of understanding with
`;

/** Two guild ids whose events Discord sends to shard 0 and shard 1 of 2. */
function guildIdsForTwoShards(): [string, string] {
  const t = BigInt(Date.now()) - 1420070400000n;
  const a = (t << 22n).toString();
  const b = ((t + 1n) << 22n).toString();
  return shardOf(a, 2) === 0 ? [a, b] : [b, a];
}

describe('npm run start:sharded with two shards', () => {
  it('serves every shard’s health and metrics on one endpoint, and /reload reloads every shard', async () => {
    const [guild0, guild1] = guildIdsForTwoShards();
    fake = await FakeDiscord.start({
      heartbeatIntervalMs: 250,
      guilds: [
        { id: guild0, name: 'shard zero' },
        { id: guild1, name: 'shard one' },
      ],
    });
    const knowledge = copyFixtureKb('kb-shard-');
    const { kb } = readKnowledgeBase(knowledge);
    const loaded = `${kb.articles.length} article(s), ${kb.facts.length + 1} fact(s)`;
    const child = spawn(process.execPath, ['scripts/run.mjs', 'shard'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: fake.apiUrl,
        BOT_SHARD_COUNT: '2',
        HEALTH_PORT: '0',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        KNOWLEDGE_DIR: knowledge,
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'kb-e2e-')), 'bot.db'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
    try {
      const f = fake;
      const url = await f.waitFor(
        () => /"healthz":"(http:\/\/127\.0\.0\.1:\d+)\/healthz"/.exec(stderr)?.[1],
        15_000,
        'the health endpoint',
      );
      // discord.js waits 5.5 s between two shards' starts, as Discord requires.
      await f.waitFor(
        () => (stderr.includes('"all shards launched"') ? true : undefined),
        40_000,
        'both shards',
      );
      expect(f.identifies.map((i) => i.shard)).toEqual([
        [0, 2],
        [1, 2],
      ]);

      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({
        status: 'ok',
        checks: {
          'shard 0': {
            ok: true,
            checks: { gateway: { ok: true }, knowledge: { ok: true }, storage: { ok: true } },
          },
          'shard 1': { ok: true, checks: { gateway: { ok: true } } },
        },
      });

      appendFileSync(join(knowledge, 'facts/fixture-georgia-mou.yaml'), NEW_FACT);
      const reload = f.sendInteraction({
        type: 'command',
        name: 'reload',
        channelId: f.channelId('general', guild0),
        memberPermissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.UseApplicationCommands,
      });
      const reply = await reload.waitForReply(15_000);
      const text = reply.data.content ?? reply.data.embeds?.[0]?.description ?? '';
      expect(text).toMatch(/^✅ Knowledge base reloaded on all 2 shard\(s\)\.\n/);
      for (const shard of [0, 1]) {
        expect(text).toMatch(
          new RegExp(`• Shard ${shard}: ✅ \\d+ article\\(s\\), \\d+ fact\\(s\\), in [\\d.]+ ms`),
        );
        expect(text).toContain(`• Shard ${shard}: ✅ ${loaded}, in `);
      }

      // The other shard serves the new fact too.
      const asked = f.sendInteraction({
        type: 'command',
        name: 'ask',
        channelId: f.channelId('general', guild1),
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'question',
            value: 'What does the zorblax shard check confirm?',
          },
        ],
      });
      expect((await asked.waitForReply(5000)).data.embeds?.[0]?.footer?.text).toContain(
        'zz-test-shard-zorblax',
      );

      // The gateway gauge is a moment's reading: on a loaded machine a late heartbeat ACK makes
      // discord.js reconnect a shard, which reads 0 until it is ready again. Read until both are
      // connected (the counters below do not move meanwhile).
      const connected = (m: string) =>
        ['0', '1'].every((shard) => value(m, `kb_gateway_connected{shard="${shard}"}`) === 1);
      let metrics = await (await fetch(`${url}/metrics`)).text();
      for (const until = Date.now() + 10_000; !connected(metrics) && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 200));
        metrics = await (await fetch(`${url}/metrics`)).text();
      }
      for (const shard of ['0', '1']) {
        expect(value(metrics, `kb_shard_up{shard="${shard}"}`)).toBe(1);
        expect(value(metrics, `kb_knowledge_reloads_total{outcome="ok",shard="${shard}"}`)).toBe(1);
        expect(value(metrics, `kb_gateway_connected{shard="${shard}"}`)).toBe(1);
      }
      expect(value(metrics, 'kb_questions_total{outcome="answered",source="command",shard="1"}')).toBe(1);
      expect(value(metrics, 'kb_questions_total{outcome="answered",source="command",shard="0"}')).toBe(0);

      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      const reloads = logLines(stderr).filter((l) => l.msg === 'knowledge base reloaded');
      expect(reloads.map((l) => l.shard).sort()).toEqual([0, 1]);
      expect(stderr).not.toContain(TOKEN);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
