import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, ComponentType, MessageFlags } from 'discord-api-types/v10';
import type { APIButtonComponentWithCustomId, APIMessageTopLevelComponent } from 'discord-api-types/v10';
import { commands } from '../../commands/index.ts';
import { BUTTON_TTL_MS, makeCustomId, parseCustomId } from '../../src/discord/custom-id.ts';
import { FEEDBACK_NOT_SAVED, LOW_CONFIDENCE_SCORE } from '../../src/discord/feedback.ts';
import { EXPIRED_BUTTON } from '../../src/discord/router.ts';
import type { Store } from '../../src/storage/store.ts';
import type { BotReply, FakeDiscord } from './fake-discord.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';
import { botHarness, sendAsk, type RunningBot } from './harness.ts';

const engine = fixtureEngine();

const harness = botHarness();

function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'kb-feedback-')), 'bot.db');
}

/** The real bot against the fake Discord, with the store main.ts would open for DATABASE_PATH. */
async function start(
  databasePath: string,
  opts: { fake?: FakeDiscord; answerChannel?: boolean } = {},
): Promise<RunningBot & { store: Store }> {
  const running = await harness.start({
    ...opts,
    engine,
    commands,
    config: { DATABASE_PATH: databasePath },
    logLevel: 'debug',
    feedbackStore: true,
  });
  const { store } = running;
  if (!store) throw new Error('the feedback store was not opened');
  return { ...running, store };
}

function ask(f: FakeDiscord, question: string, extra: { hide?: boolean; dm?: boolean } = {}) {
  const hide = extra.hide
    ? [{ type: ApplicationCommandOptionType.Boolean as const, name: 'hide', value: true }]
    : [];
  return sendAsk(f, question, { options: hide, dm: extra.dm ?? false });
}

/** The buttons of a reply, by custom id. */
function buttons(components: APIMessageTopLevelComponent[] | undefined): APIButtonComponentWithCustomId[] {
  return (components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.filter(
          (c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && 'custom_id' in c,
        )
      : [],
  );
}

/** The 👍 and 👎 buttons of an answer and the answer id they carry. */
function feedbackButtons(reply: BotReply): { up: string; down: string; answerId: string } {
  const found = buttons(reply.data.components);
  expect(found.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
  const [up, down] = found.map((b) => parseCustomId(b.custom_id));
  expect(up).toMatchObject({ prefix: 'fb', args: ['up', expect.any(String)] });
  expect(down).toMatchObject({ prefix: 'fb', args: ['down', up?.args[1]] });
  return {
    up: found[0]?.custom_id as string,
    down: found[1]?.custom_id as string,
    answerId: up?.args[1] as string,
  };
}

function click(f: FakeDiscord, customId: string, reply?: BotReply) {
  return f
    .sendInteraction({ type: 'button', customId, ...(reply?.message ? { message: reply.message } : {}) })
    .waitForReply();
}

const ephemeral = (r: BotReply) => ((r.data.flags ?? 0) & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

interface Row {
  question: string;
  status: string;
  fact_ids: string;
  score: number;
  channel_kind: string;
  low_confidence: number;
}

function answerRow(path: string, id: string): Row | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT * FROM answers WHERE id = ?').get(id) as Row | undefined;
  } finally {
    db.close();
  }
}

function votesOf(path: string, id: string): { user_hash: string; vote: number }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT user_hash, vote FROM votes WHERE answer_id = ?').all(id) as {
      user_hash: string;
      vote: number;
    }[];
  } finally {
    db.close();
  }
}

describe('feedback and unanswered questions, through the fake Discord', () => {
  it('puts 👍 and 👎 buttons under an /ask answer', async () => {
    const { fake } = await start(tempDbPath());
    const reply = await ask(fake, 'Who is Kaveh Nouri?').waitForReply();
    expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
    const { answerId } = feedbackButtons(reply);
    expect(answerId).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it('stores a 👍 with the question, fact ids, score and channel kind, and says thanks privately', async () => {
    const path = tempDbPath();
    const { fake } = await start(path);
    const reply = await ask(fake, 'Who is Kaveh Nouri?').waitForReply();
    const { up, answerId } = feedbackButtons(reply);

    const thanks = await click(fake, up, reply);
    expect(thanks.data.content).toBe('Thanks — recorded 👍');
    expect(ephemeral(thanks)).toBe(true);

    const row = answerRow(path, answerId);
    expect(row).toMatchObject({
      question: 'Who is Kaveh Nouri?',
      status: 'answered',
      channel_kind: 'guild',
    });
    expect(JSON.parse(row?.fact_ids ?? '[]')).toEqual(['fixture-nouri-who']);
    expect(row?.score).toBe(engine.answer('Who is Kaveh Nouri?').score);
    expect(row?.low_confidence).toBe((row?.score ?? 0) < LOW_CONFIDENCE_SCORE ? 1 : 0);
    const votes = votesOf(path, answerId);
    expect(votes).toHaveLength(1);
    expect(votes[0]?.vote).toBe(1);
    // The user id itself is never stored, only its keyed hash.
    expect(votes[0]?.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(votes[0]?.user_hash).not.toContain(fake.user.id);
  });

  it('changes the vote when 👎 is clicked after 👍 (one row, vote -1), and says so when clicked again', async () => {
    const path = tempDbPath();
    const { fake } = await start(path);
    const reply = await ask(fake, 'georgia mou').waitForReply();
    const { up, down, answerId } = feedbackButtons(reply);

    expect((await click(fake, up, reply)).data.content).toBe('Thanks — recorded 👍');
    const changed = await click(fake, down, reply);
    expect(changed.data.content).toBe('Changed your vote to 👎');
    expect(ephemeral(changed)).toBe(true);
    expect(votesOf(path, answerId)).toEqual([{ user_hash: expect.any(String), vote: -1 }]);

    const again = await click(fake, down, reply);
    expect(again.data.content).toBe('You already voted 👎');
    expect(votesOf(path, answerId)).toHaveLength(1);

    // Another user's vote is a row of its own.
    await fake
      .sendInteraction({ type: 'button', customId: up, user: fake.otherUser, message: reply.message! })
      .waitForReply();
    expect(
      votesOf(path, answerId)
        .map((v) => v.vote)
        .sort(),
    ).toEqual([-1, 1]);
  });

  it('keeps an unanswered question in the database across a restart of the bot and the store', async () => {
    const path = tempDbPath();
    const first = await start(path);
    const sent = first.fake.sendMessage({ content: `<@${first.fake.bot.id}> What is the weather in Paris?` });
    const reply = await first.fake.waitForChannelMessage(sent.channel_id);
    expect(reply.data.embeds?.[0]?.description).toMatch(/does not (cover|answer)/);
    // A "not covered" reply carries the buttons too (a 👎 there is a strong signal).
    const { down, answerId } = feedbackButtons(reply);
    expect(answerRow(path, answerId)).toMatchObject({
      question: 'What is the weather in Paris?',
      status: 'no_match',
      channel_kind: 'guild',
    });

    await harness.stopBot();
    const second = await start(path, { fake: first.fake });
    const gaps = second.store.gaps();
    expect(gaps.unanswered.map((g) => g.question)).toContain('What is the weather in Paris?');
    // The buttons of the answer given before the restart still work.
    const voted = await click(second.fake, down, reply);
    expect(voted.data.content).toBe('Thanks — recorded 👎');
    expect(votesOf(path, answerId)).toEqual([{ user_hash: expect.any(String), vote: -1 }]);
  });

  it('records DMs as dm, keeps buttons on hidden replies and free-text answers, and ignores answer-channel chatter', async () => {
    const path = tempDbPath();
    const { fake } = await start(path, { answerChannel: true });

    const dm = await ask(fake, 'How many industrial parks does Iran have?', { dm: true }).waitForReply();
    expect(answerRow(path, feedbackButtons(dm).answerId)?.channel_kind).toBe('dm');

    const hidden = await ask(fake, 'georgia mou', { hide: true }).waitForReply();
    expect(ephemeral(hidden)).toBe(true);
    feedbackButtons(hidden);

    const sent = fake.sendMessage({ dm: true, content: 'Who is Kaveh Nouri?' });
    const free = await fake.waitForChannelMessage(sent.channel_id);
    expect(answerRow(path, feedbackButtons(free).answerId)).toMatchObject({
      question: 'Who is Kaveh Nouri?',
      channel_kind: 'dm',
    });

    const channelId = fake.channelId('answers');
    fake.sendMessage({ channelId, content: 'lol see you all tomorrow' });
    const since = fake.requests.length;
    fake.sendMessage({ channelId, content: 'How many industrial parks does Iran have?' });
    const answered = await fake.waitForChannelMessage(channelId, { since });
    feedbackButtons(answered);
    const db = new Database(path, { readonly: true });
    const questions = (db.prepare('SELECT question FROM answers').all() as { question: string }[]).map(
      (r) => r.question,
    );
    db.close();
    expect(questions).not.toContain('lol see you all tomorrow');
  });

  it('still answers with an unwritable DATABASE_PATH, without buttons, logging the failure once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-feedback-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'a regular file'); // a path under a file fails for root too (ENOTDIR)
    const { fake, store, logs } = await start(join(file, 'bot.db'));
    expect(store.healthy).toBe(false);

    const first = await ask(fake, 'Who is Kaveh Nouri?').waitForReply();
    expect(first.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
    expect(first.data.components ?? []).toEqual([]);
    const second = await ask(fake, 'What is the weather in Paris?').waitForReply();
    expect(second.data.embeds?.[0]?.description).toMatch(/does not (cover|answer)/);
    const sent = fake.sendMessage({ content: `<@${fake.bot.id}> georgia mou` });
    const third = await fake.waitForChannelMessage(sent.channel_id);
    expect(third.data.embeds?.[0]?.description).toBeTruthy();
    expect(third.data.components ?? []).toEqual([]);

    const errors = logs.filter((l) => l.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ msg: expect.stringContaining('storage unavailable') });
    expect(String(errors[0]?.reason)).toMatch(/EEXIST|ENOTDIR/);

    // A button from before the outage: the click is answered, privately, and nothing crashes.
    const click1 = await click(fake, makeCustomId('fb', ['up', 'AAAAAAAAAAAA']));
    expect(click1.data.content).toBe(FEEDBACK_NOT_SAVED);
    expect(ephemeral(click1)).toBe(true);
    expect(logs.filter((l) => l.level === 'error')).toHaveLength(1);
  });

  it('answers an expired feedback button with the private expiry notice and stores nothing', async () => {
    const path = tempDbPath();
    const { fake } = await start(path);
    const reply = await ask(fake, 'Who is Kaveh Nouri?').waitForReply();
    const { answerId } = feedbackButtons(reply);

    const old = makeCustomId('fb', ['up', answerId], Date.now() - BUTTON_TTL_MS - 60_000);
    const expired = await click(fake, old);
    expect(expired.data.content).toBe(EXPIRED_BUTTON);
    expect(ephemeral(expired)).toBe(true);
    expect(votesOf(path, answerId)).toEqual([]);
  });

  it('says feedback could not be saved for a button whose answer is unknown', async () => {
    const { fake } = await start(tempDbPath());
    const reply = await click(fake, makeCustomId('fb', ['down', 'unknownAnswr']));
    expect(reply.data.content).toBe(FEEDBACK_NOT_SAVED);
    expect(ephemeral(reply)).toBe(true);
  });
});
