import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type {
  APIApplicationCommandInteractionDataOption,
  APIButtonComponent,
  APIMessage,
} from 'discord-api-types/v10';
import { commands } from '../../commands/index.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { BUTTON_TTL_MS, makeCustomId } from '../../src/discord/custom-id.ts';
import { STALE_BUTTON } from '../../src/discord/pager.ts';
import { EXPIRED_BUTTON } from '../../src/discord/router.ts';
import { makeQuiz } from '../../src/onboarding/quiz.ts';
import { timelineEntries } from '../../src/onboarding/timeline.ts';
import type { BotReply, FakeDiscord, FakeMessageBody } from './fake-discord.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';
import { botHarness } from './harness.ts';

const engine = fixtureEngine();

const harness = botHarness();

async function start(): Promise<FakeDiscord> {
  const { fake } = await harness.start({
    engine,
    commands,
    cooldown: new Cooldown({ limit: 100, windowMs: 10_000 }),
  });
  return fake;
}

/** The buttons of a reply, in order. */
function buttons(body: FakeMessageBody): APIButtonComponent[] {
  return (body.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as APIButtonComponent[]) : [],
  );
}

function button(body: FakeMessageBody, label: RegExp): APIButtonComponent & { custom_id: string } {
  const b = buttons(body).find((x) => 'label' in x && label.test(x.label ?? ''));
  if (!b || !('custom_id' in b)) throw new Error(`no button ${label}`);
  return b;
}

const footer = (r: BotReply) => r.data.embeds?.[0]?.footer?.text ?? '';
const ephemeral = (r: BotReply) => ((r.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

function click(f: FakeDiscord, customId: string, message: APIMessage | undefined, dm = false, user = f.user) {
  return f
    .sendInteraction({ type: 'button', customId, ...(message ? { message } : {}), user, dm })
    .waitForReply();
}

describe('/onboard through the fake Discord', () => {
  it('pages with Next and Back, updating the message, with a counter and buttons disabled at the ends', async () => {
    const f = await start();
    const first = await f.sendInteraction({ type: 'command', name: 'onboard' }).waitForReply();
    expect(first.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(footer(first)).toMatch(/^Page 1\/5/);
    expect(first.data.embeds?.[0]?.title).toContain('organisations and people');
    expect(first.data.embeds?.[0]?.description).toContain('Fixture Times');
    expect(button(first.data, /Back/).disabled).toBe(true);
    expect(button(first.data, /Next/).disabled).toBe(false);

    const second = await click(f, button(first.data, /Next/).custom_id, first.message);
    expect(second.callbackType).toBe(InteractionResponseType.UpdateMessage);
    expect(footer(second)).toMatch(/^Page 2\/5/);
    expect(second.data.embeds?.[0]?.title).toContain('agreements');
    expect(button(second.data, /Back/).disabled).toBe(false);

    let page = second;
    for (let n = 3; n <= 5; n++) {
      page = await click(f, button(page.data, /Next/).custom_id, page.message);
      expect(footer(page)).toMatch(new RegExp(`^Page ${n}/5`));
    }
    expect(page.data.embeds?.[0]?.title).toContain('disagrees');
    expect(button(page.data, /Next/).disabled).toBe(true);

    const back = await click(f, button(page.data, /Back/).custom_id, page.message);
    expect(footer(back)).toMatch(/^Page 4\/5/);
    expect(back.data.embeds?.[0]?.title).toContain('export');
  });

  it('answers another member’s click with an ephemeral notice and leaves the tour as it was', async () => {
    const f = await start();
    const first = await f.sendInteraction({ type: 'command', name: 'onboard' }).waitForReply();
    const reply = await click(f, button(first.data, /Next/).custom_id, first.message, false, f.otherUser);
    expect(reply.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(ephemeral(reply)).toBe(true);
    expect(reply.data.content).toBe(`This tour belongs to <@${f.user.id}>; run \`/onboard\` for your own.`);
    expect(reply.data.allowed_mentions).toMatchObject({ parse: [], users: [] });
  });

  it('does not let another member take over a tour with a forged custom id naming them as its owner', async () => {
    const f = await start();
    const first = await f.sendInteraction({ type: 'command', name: 'onboard' }).waitForReply();
    const forged = makeCustomId('onboard', ['n', 1, f.otherUser.id]);
    const reply = await click(f, forged, first.message, false, f.otherUser);
    expect(reply.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(ephemeral(reply)).toBe(true);
    expect(reply.data.content).toBe(`This tour belongs to <@${f.user.id}>; run \`/onboard\` for your own.`);
    expect(f.messages.get(first.message!.id)?.embeds?.[0]?.footer?.text).toMatch(/^Page 1\/5/);
  });

  it('says plainly that a button has expired (an old timestamp in its custom id)', async () => {
    const f = await start();
    const old = makeCustomId('onboard', ['n', 1, f.user.id], Date.now() - BUTTON_TTL_MS - 60_000);
    const reply = await click(f, old, undefined);
    expect(reply.data.content).toBe(EXPIRED_BUTTON);
    expect(ephemeral(reply)).toBe(true);
  });

  it('works in a DM', async () => {
    const f = await start();
    const first = await f.sendInteraction({ type: 'command', name: 'onboard', dm: true }).waitForReply();
    expect(footer(first)).toMatch(/^Page 1\/5/);
    const second = await click(f, button(first.data, /Next/).custom_id, first.message, true);
    expect(second.callbackType).toBe(InteractionResponseType.UpdateMessage);
    expect(footer(second)).toMatch(/^Page 2\/5/);
  });
});

describe('/quiz through the fake Discord', () => {
  const int = (name: string, value: number): APIApplicationCommandInteractionDataOption => ({
    type: ApplicationCommandOptionType.Integer,
    name,
    value,
  });

  it('with a seed: right and wrong answers get feedback with the source, then the next question, then the score', async () => {
    const f = await start();
    const quiz = makeQuiz(engine, 1234, 3);
    const first = await f
      .sendInteraction({ type: 'command', name: 'quiz', options: [int('seed', 1234), int('questions', 3)] })
      .waitForReply();
    expect(first.data.embeds?.[0]?.title).toBe('Question 1/3');
    expect(first.data.embeds?.[0]?.description).toContain(quiz[0]!.text);
    expect(buttons(first.data)).toHaveLength(4);
    for (const id of buttons(first.data).map((b) => ('custom_id' in b ? b.custom_id : ''))) {
      expect(id.length).toBeLessThanOrEqual(100);
    }

    // Another member cannot answer.
    const other = await click(
      f,
      buttons(first.data).map((b) => ('custom_id' in b ? b.custom_id : ''))[0]!,
      first.message,
      false,
      f.otherUser,
    );
    expect(ephemeral(other)).toBe(true);
    expect(other.data.content).toContain('This quiz belongs to');

    // Right.
    const right = await click(
      f,
      button(first.data, new RegExp(`^${'ABCD'[quiz[0]!.correct]}\\. `)).custom_id,
      first.message,
    );
    expect(right.callbackType).toBe(InteractionResponseType.UpdateMessage);
    const [fb1, q2] = right.data.embeds ?? [];
    expect(fb1?.title).toBe('✅ Correct');
    expect(fb1?.description).toContain(quiz[0]!.citation);
    expect(q2?.title).toBe('Question 2/3');
    expect(q2?.footer?.text).toMatch(/^Score 1\/1/);

    // Wrong.
    const wrongChoice = (quiz[1]!.correct + 1) % 4;
    const wrong = await click(
      f,
      button(right.data, new RegExp(`^${'ABCD'[wrongChoice]}\\. `)).custom_id,
      right.message,
    );
    const [fb2, q3] = wrong.data.embeds ?? [];
    expect(fb2?.title).toBe('❌ Incorrect');
    expect(fb2?.description).toContain(`the answer is **${quiz[1]!.options[quiz[1]!.correct]}**`);
    expect(fb2?.description).toContain(quiz[1]!.citation);
    expect(q3?.footer?.text).toMatch(/^Score 1\/2/);

    // Last question, answered right: the final score, no more buttons.
    const last = await click(
      f,
      button(wrong.data, new RegExp(`^${'ABCD'[quiz[2]!.correct]}\\. `)).custom_id,
      wrong.message,
    );
    const [fb3, final] = last.data.embeds ?? [];
    expect(fb3?.title).toBe('✅ Correct');
    expect(final?.title).toBe('Quiz finished — score 2/3');
    expect(buttons(last.data)).toHaveLength(0);
  });
});

describe('/quiz against forged custom ids', () => {
  const int = (name: string, value: number): APIApplicationCommandInteractionDataOption => ({
    type: ApplicationCommandOptionType.Integer,
    name,
    value,
  });
  const quiz = makeQuiz(engine, 1234, 3);

  async function startQuiz(f: FakeDiscord) {
    return f
      .sendInteraction({ type: 'command', name: 'quiz', options: [int('seed', 1234), int('questions', 3)] })
      .waitForReply();
  }

  it('does not let another member answer with a custom id naming them as the owner', async () => {
    const f = await start();
    const first = await startQuiz(f);
    const forged = makeCustomId('quiz', [1234, 3, 0, 0, f.otherUser.id, quiz[0]!.correct]);
    const reply = await click(f, forged, first.message, false, f.otherUser);
    expect(ephemeral(reply)).toBe(true);
    expect(reply.data.content).toBe(`This quiz belongs to <@${f.user.id}>; run \`/quiz\` for your own.`);
    expect(f.messages.get(first.message!.id)?.embeds?.[0]?.title).toBe('Question 1/3');
  });

  it('refuses a forged step and score from the owner, leaving the quiz where it was', async () => {
    const f = await start();
    const first = await startQuiz(f);
    // Straight to the last question with every answer right so far: "score 3/3" if believed.
    const forged = makeCustomId('quiz', [1234, 3, 2, 2, f.user.id, quiz[2]!.correct]);
    const reply = await click(f, forged, first.message);
    expect(ephemeral(reply)).toBe(true);
    expect(reply.data.content).toBe(STALE_BUTTON);
    expect(f.messages.get(first.message!.id)?.embeds?.[0]?.title).toBe('Question 1/3');
  });

  it('refuses a button the quiz has moved past (a second click on the same question)', async () => {
    const f = await start();
    const first = await startQuiz(f);
    const wrong = button(first.data, new RegExp(`^${'ABCD'[(quiz[0]!.correct + 1) % 4]}\\. `)).custom_id;
    const right = button(first.data, new RegExp(`^${'ABCD'[quiz[0]!.correct]}\\. `)).custom_id;
    const answered = await click(f, wrong, first.message);
    expect(answered.data.embeds?.[1]?.footer?.text).toMatch(/^Score 0\/1/);
    const again = await click(f, right, first.message);
    expect(again.data.content).toBe(STALE_BUTTON);
    expect(f.messages.get(first.message!.id)?.embeds?.[1]?.footer?.text).toMatch(/^Score 0\/1/);
  });
});

describe('/timeline through the fake Discord', () => {
  it('lists the events oldest first, each cited, undated ones marked, in pages with Next', async () => {
    const f = await start();
    const first = await f.sendInteraction({ type: 'command', name: 'timeline' }).waitForReply();
    const embed = first.data.embeds?.[0];
    expect(embed?.title).toBe('Timeline of the material (oldest first)');
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
    const text = embed?.description ?? '';
    // 2018 sanctions, then August 2019, then December 2019.
    expect(text.indexOf('**2018**')).toBe(0);
    expect(text.indexOf('**August 2019**')).toBeGreaterThan(0);
    expect(text).toContain('Fixture Times');
    const pages = Number(/^Page 1\/(\d+)/.exec(footer(first))?.[1]);
    expect(pages).toBeGreaterThan(1);

    // Walk to the end: every page in order, the last holding the article the text gives no year for.
    let page = first;
    const all = [text];
    for (let n = 2; n <= pages; n++) {
      page = await click(f, button(page.data, /Next/).custom_id, page.message);
      expect(footer(page)).toMatch(new RegExp(`^Page ${n}/${pages}`));
      all.push(page.data.embeds?.[0]?.description ?? '');
    }
    const joined = all.join('\n');
    expect(joined).toContain('(undated; placed at 21 December 2019');
    expect(all.at(-1)).toContain('(undated; placed last: The text gives no year)');
    const order = ['**2018**', '**August 2019**', '**as of December 2019**', '**2020**', '**10 May 2022**'];
    const positions = order.map((heading) => joined.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Every entry is shown once.
    expect(joined.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(timelineEntries(engine).length);
  });
});
