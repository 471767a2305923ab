/**
 * GET /healthz and GET /metrics of the real bot (createBot with HEALTH_PORT=0) against the fake
 * Discord, over real HTTP on 127.0.0.1; and `npm start` with HEALTH_PORT as a process.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { Command } from '../../src/discord/command.ts';
import { commandSource } from '../../src/discord/command.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { value } from '../helpers/prometheus.ts';
import { FakeDiscord } from './fake-discord.ts';
import { FIXTURE_KB_DIR, fixtureEngine } from '../helpers/fixture-kb.ts';
import { botHarness, sendAsk } from './harness.ts';

const engine = fixtureEngine();
const harness = botHarness();

/** Asks, then fails while replying: a question whose outcome is "error". */
const askThenFail: Command = {
  data: new SlashCommandBuilder().setName('askfail').setDescription('asks, then fails'),
  async execute(interaction, ctx) {
    ctx.ask('Who is Kaveh Nouri?', commandSource(interaction));
    throw new Error('reply failed');
  },
};

function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'kb-health-')), 'bot.db');
}

async function start(config: Record<string, string> = {}, cooldown = new Cooldown({ limit: 100 })) {
  const running = await harness.start({
    engine,
    commands: [...commands, askThenFail],
    cooldown,
    answerChannel: true,
    feedbackStore: true,
    config: { HEALTH_PORT: '0', DATABASE_PATH: tempDb(), ...config },
  });
  const url = running.bot.healthServer?.url;
  if (!url) throw new Error('no health server');
  return { ...running, url };
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the health endpoint of the bot', () => {
  it('answers 200 when the gateway is connected, the knowledge base loaded and storage writable', async () => {
    const { url } = await start();
    const { status, body } = await getJson(`${url}/healthz`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      checks: {
        gateway: { ok: true },
        knowledge: { ok: true, facts: engine.facts.length },
        storage: { ok: true },
      },
    });
  });

  it('answers 503 naming the gateway once the connection to Discord is lost', async () => {
    const { url, fake } = await start();
    await fake.stop(); // Discord gone: the client cannot reconnect
    const { status, body } = await getJson(`${url}/healthz`);
    expect(status).toBe(503);
    expect(body.status).toBe('unavailable');
    expect(body.reasons).toEqual([expect.stringMatching(/^gateway: not connected/)]);
  });

  it('answers 503 naming storage when the database cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-health-'));
    writeFileSync(join(dir, 'not-a-folder'), '');
    const { url } = await start({ DATABASE_PATH: join(dir, 'not-a-folder', 'bot.db') });
    const { status, body } = await getJson(`${url}/healthz`);
    expect(status).toBe(503);
    expect(body.reasons).toEqual([expect.stringMatching(/^storage: .*mkdir/)]);
  });
});

describe('the metrics endpoint of the bot', () => {
  it('counts questions by outcome and source, their latency, cooldown hits and the gateway ping', async () => {
    const { url, fake } = await start({}, new Cooldown({ limit: 3, windowMs: 60_000 }));
    const mention = (text: string) => `<@${fake.bot.id}> ${text}`;
    await sendAsk(fake, 'Who is Kaveh Nouri?').waitForReply(); // command, answered
    await fake.sendInteraction({ type: 'command', name: 'askfail' }).waitForReply(); // command, error
    const m = fake.sendMessage({ content: mention('What is the weather in Paris?') }); // mention, refused
    await fake.waitForChannelMessage(m.channel_id);
    const dm = fake.sendMessage({ author: fake.otherUser, dm: true, content: 'who is nouri' }); // dm, answered
    await fake.waitForChannelMessage(dm.channel_id);
    const channel = fake.channelId('answers');
    const since = fake.requests.length;
    fake.sendMessage({ author: fake.otherUser, channelId: channel, content: 'nice weather today' }); // chatter: not counted
    fake.sendMessage({ author: fake.otherUser, channelId: channel, content: 'Who is Kaveh Nouri?' }); // channel, answered
    await fake.waitForChannelMessage(channel, { since });
    const limited = sendAsk(fake, 'georgia mou'); // alice's 4th within the window: a cooldown hit
    await limited.waitForReply();

    const res = await fetch(`${url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const q = (outcome: string, source: string) =>
      value(text, `kb_questions_total{outcome="${outcome}",source="${source}"}`);
    expect(q('answered', 'command')).toBe(1);
    expect(q('error', 'command')).toBe(1);
    expect(q('refused', 'mention')).toBe(1);
    expect(q('answered', 'dm')).toBe(1);
    expect(q('answered', 'channel')).toBe(1);
    expect(q('refused', 'channel')).toBe(0);
    expect(value(text, 'kb_answer_duration_seconds_count{source="command"}')).toBe(2);
    expect(value(text, 'kb_cooldown_hits_total{source="command"}')).toBe(1);
    expect(value(text, 'kb_gateway_connected')).toBe(1);
    expect(value(text, 'kb_knowledge_facts')).toBe(engine.facts.length);
    expect(value(text, 'kb_storage_errors_total')).toBe(0);
    expect(text).toContain('kb_gateway_ping_seconds');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('counts knowledge reloads by outcome and storage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-health-'));
    writeFileSync(join(dir, 'not-a-folder'), '');
    const { url } = await start({ DATABASE_PATH: join(dir, 'not-a-folder', 'bot.db') });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(value(text, 'kb_storage_errors_total')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'kb_knowledge_reloads_total{outcome="ok"}')).toBe(0);
    expect(value(text, 'kb_knowledge_reloads_total{outcome="failed"}')).toBe(0);
  });
});

describe('npm start with HEALTH_PORT', () => {
  it('serves /healthz and /metrics, and logs user ids only as hashes, never the token', async () => {
    const fake = await FakeDiscord.start({ heartbeatIntervalMs: 250 });
    const child = spawn(process.execPath, ['scripts/run.mjs', 'main'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: 'fake.token.value',
        DISCORD_API_BASE: fake.apiUrl,
        HEALTH_PORT: '0',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        DATABASE_PATH: tempDb(),
        KNOWLEDGE_DIR: FIXTURE_KB_DIR,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const url = await fake.waitFor(
        () => /"healthz":"(http:\/\/127\.0\.0\.1:\d+)\/healthz"/.exec(stderr)?.[1],
        15_000,
        'the health endpoint',
      );
      await fake.waitFor(() => (stderr.includes('"bot ready"') ? true : undefined), 15_000, 'the bot');
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      await sendAsk(fake, 'Who is Kaveh Nouri?').waitForReply();
      const text = await (await fetch(`${url}/metrics`)).text();
      expect(value(text, 'kb_questions_total{outcome="answered",source="command"}')).toBe(1);

      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
      const answered = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'question answered');
      expect(answered?.userId).toMatch(/^[0-9a-f]{64}$/);
      expect(stderr).not.toContain(fake.user.id);
      expect(stderr).not.toContain('fake.token.value');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await fake.stop();
    }
  });
});
