import { appendFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { InteractionContextType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { commands } from '../../commands/index.ts';
import reload, { RELOAD_REFUSED } from '../../commands/reload.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { readKnowledgeBase } from '../../src/knowledge/load.ts';
import { KnowledgeReloader } from '../../src/knowledge/reloader.ts';
import { copyFixtureKb } from '../helpers/fixture-kb.ts';
import type { BotReply, FakeDiscord } from './fake-discord.ts';
import { botHarness, sendAsk } from './harness.ts';

/** The fixture's facts file the tests append to. */
const FACTS_FILE = 'facts/fixture-georgia-mou.yaml';
const NEW_FACT = `
  - id: zz-test-reload-zorblax
    answer: The zorblax reload check confirms that ZSIA has signed a memorandum with Georgia.
    questions: [What does the zorblax reload check confirm?]
    keywords: [zorblax]
    gives: [description]
    places: [Georgia]
    quote: The Zagros Small Industries Agency (ZSIA) has signed a memorandum of understanding with
`;
const BROKEN_FACT = `
  - id: zz-test-broken-fact
    questions: [What is missing here?]
    quote: The Zagros Small Industries Agency (ZSIA) has signed a memorandum of understanding with
`;
const NEW_QUESTION = 'What does the zorblax reload check confirm?';

const harness = botHarness();

/** A temp copy of the fixture knowledge base, removed when the test has finished (after the bot and the fake stopped). */
function copyKnowledge(): string {
  const dir = copyFixtureKb('reload-kb-');
  onTestFinished(() => rmSync(dirname(dir), { recursive: true, force: true }));
  return dir;
}

/** The real bot over a temp copy of the fixture knowledge base, against the fake Discord. */
async function start(
  opts: { watch?: boolean; logs?: string[] } = {},
): Promise<{ fake: FakeDiscord; dir: string; reloader: KnowledgeReloader }> {
  const dir = copyKnowledge();
  const reloader = new KnowledgeReloader(dir);
  const { fake } = await harness.start({
    config: { KNOWLEDGE_WATCH: String(opts.watch ?? false) },
    engine: reloader.engine,
    reloader,
    logLines: opts.logs,
    logLevel: opts.logs ? 'info' : 'silent',
    commands,
    cooldown: new Cooldown({ limit: 100 }),
  });
  return { fake, dir, reloader };
}

const ADMIN = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.UseApplicationCommands;

/** The reply, with the first callback (a deferral, which is where a deferred reply is made private). */
async function runReload(
  f: FakeDiscord,
  memberPermissions?: bigint,
): Promise<BotReply & { ack: { type: number; data?: { flags?: number } } }> {
  const sent = f.sendInteraction({
    type: 'command',
    name: 'reload',
    ...(memberPermissions ? { memberPermissions } : {}),
  });
  const [ack, reply] = await Promise.all([sent.waitForCallback(5000), sent.waitForReply(5000)]);
  return { ...reply, ack: ack as { type: number; data?: { flags?: number } } };
}

function ask(f: FakeDiscord, question: string): Promise<BotReply> {
  return sendAsk(f, question).waitForReply();
}

/** Private to the member: flagged on the reply, or on the deferral (type 5) that a deferred reply edits. */
const ephemeral = (r: BotReply & { ack?: { type: number; data?: { flags?: number } } }) => {
  const flags = r.ack?.type === 5 ? (r.ack.data?.flags ?? 0) : (r.data.flags ?? 0);
  return (flags & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;
};
const text = (r: BotReply) =>
  [r.data.content ?? '', ...(r.data.embeds ?? []).map((e) => e.description)].join('\n');

describe('/reload through the fake Discord', () => {
  it('is registered for Manage Server members in servers only', () => {
    expect(commands).toContain(reload);
    const json = reload.data.toJSON();
    expect(json.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(json.contexts).toEqual([InteractionContextType.Guild]);
  });

  it('reloads for a member with Manage Server: the reply counts what loaded and /ask answers the new fact', async () => {
    const { fake, dir } = await start();
    expect((await ask(fake, NEW_QUESTION)).data.embeds?.[0]?.footer?.text ?? '').not.toContain(
      'zz-test-reload-zorblax',
    );
    const { kb } = readKnowledgeBase(dir);

    appendFileSync(join(dir, FACTS_FILE), NEW_FACT);
    const reply = await runReload(fake, ADMIN);

    expect(reply.ack.type).toBe(5); // deferred first: the reload never races Discord's 3 s limit
    expect(ephemeral(reply)).toBe(true);
    expect(text(reply)).toMatch(
      /^✅ Knowledge base reloaded: \d+ article\(s\), \d+ fact\(s\), in [\d.]+ ms\.$/,
    );
    expect(text(reply)).toContain(`: ${kb.articles.length} article(s), ${kb.facts.length + 1} fact(s), in `);
    const answer = await ask(fake, NEW_QUESTION);
    expect(answer.data.embeds?.[0]?.description).toContain('zorblax');
    expect(answer.data.embeds?.[0]?.footer?.text).toContain('zz-test-reload-zorblax');
  });

  it('with a broken facts file, fails privately naming the file, fact and field, and keeps answering from the old knowledge base', async () => {
    const { fake, dir } = await start();
    appendFileSync(join(dir, FACTS_FILE), BROKEN_FACT);

    const reply = await runReload(fake, ADMIN);

    expect(ephemeral(reply)).toBe(true);
    const body = text(reply);
    expect(body).toContain('Reload failed');
    expect(body).toContain('The last good knowledge base is still being served.');
    expect(body).toMatch(/facts\/fixture-georgia-mou\.yaml: fact zz-test-broken-fact: field answer: /);
    // The broken file's facts would be gone from a new engine: the Georgia answers prove the old one serves.
    const answer = await ask(fake, 'Who is Kaveh Nouri?');
    expect(answer.data.embeds?.[0]?.footer?.text).toContain('fixture-nouri-who');
  });

  it('refuses a member without Manage Server, privately, and reloads nothing', async () => {
    const { fake, dir, reloader } = await start();
    const before = reloader.engine;
    appendFileSync(join(dir, FACTS_FILE), NEW_FACT);

    const reply = await runReload(fake);
    const inDm = await fake.sendInteraction({ type: 'command', name: 'reload', dm: true }).waitForReply();

    for (const r of [reply, inDm]) {
      expect(ephemeral(r)).toBe(true);
      expect(r.data.content).toBe(RELOAD_REFUSED);
    }
    expect(reloader.engine).toBe(before);
    expect((await ask(fake, NEW_QUESTION)).data.embeds?.[0]?.footer?.text ?? '').not.toContain(
      'zz-test-reload-zorblax',
    );
  });

  it('with KNOWLEDGE_WATCH, reloads when a file changes, and stops watching when the bot stops', async () => {
    const logs: string[] = [];
    const { fake, dir, reloader } = await start({ watch: true, logs });
    const reloaded = () =>
      logs.filter((l) => (JSON.parse(l) as { msg: string }).msg === 'knowledge base reloaded').length;

    appendFileSync(join(dir, FACTS_FILE), NEW_FACT);
    await fake.waitFor(() => (reloaded() === 1 ? true : undefined), 5000, 'the watcher to reload');
    const answer = await ask(fake, NEW_QUESTION);
    expect(answer.data.embeds?.[0]?.footer?.text).toContain('zz-test-reload-zorblax');

    await harness.stopBot();
    const served = reloader.engine;
    appendFileSync(join(dir, 'topics.yaml'), '\n');
    await new Promise((r) => setTimeout(r, 600));
    expect(reloader.engine).toBe(served);
    expect(reloaded()).toBe(1);
  });
});
