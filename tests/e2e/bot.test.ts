import { describe, expect, it } from 'vitest';
import { GatewayIntentBits, IntentsBitField, SlashCommandBuilder } from 'discord.js';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type { APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import { commands } from '../../commands/index.ts';
import { deployCommands } from '../../src/cli/deploy-commands.ts';
import { parseConfig } from '../../src/config.ts';
import type { Command } from '../../src/discord/command.ts';
import { Cooldown } from '../../src/discord/cooldown.ts';
import { makeCustomId } from '../../src/discord/custom-id.ts';
import { ERROR_MESSAGE, UNKNOWN_BUTTON, UNKNOWN_COMMAND } from '../../src/discord/router.ts';
import { agreementGroups, allAgreements } from '../../src/onboarding/agreements.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { botHarness, sendAsk, type BotHarnessOptions } from './harness.ts';

const engine = fixtureEngine();

const harness = botHarness();

const boom: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('always fails'),
  async execute() {
    throw new Error('kaboom');
  },
};

/** The bot with every command and `boom`. */
function start(opts: Pick<BotHarnessOptions, 'answerChannel' | 'cooldown' | 'logLines'> = {}) {
  return harness.start({ engine, commands: [...commands, boom], ...opts });
}

const str = (name: string, value: string): APIApplicationCommandInteractionDataOption => ({
  type: ApplicationCommandOptionType.String,
  name,
  value,
});

function ask(f: FakeDiscord, question: string, extra: APIApplicationCommandInteractionDataOption[] = []) {
  return sendAsk(f, question, { options: extra });
}

describe('the Discord bot, driven through a real discord.js client', () => {
  it('asks only for the intents it uses: no message content without answer channels', async () => {
    const { fake } = await start();
    expect(fake.intents).toBe(
      new IntentsBitField([
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
      ]).bitfield,
    );
  });

  it('answers /ask with an embed citing the article and logs one line for the question', async () => {
    const logs: string[] = [];
    const { fake } = await start({ logLines: logs });
    const reply = await ask(fake, 'Who is Kaveh Nouri?').waitForReply();

    expect(reply.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    const embed = reply.data.embeds?.[0];
    expect(embed?.description).toContain('Kaveh Nouri');
    expect(embed?.fields?.[0]?.name).toContain('Fixture Times');
    expect((reply.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
    const line = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'question answered');
    expect(line).toMatchObject({
      via: 'command',
      name: 'ask',
      status: 'answered',
      factIds: ['fixture-nouri-who'],
    });
    expect(typeof line?.latencyMs).toBe('number');
  });

  it('autocompletes /ask with at most 25 choices of at most 100 characters', async () => {
    const { fake } = await start();
    for (const value of ['', 'parks', 'who is no']) {
      const reply = await fake
        .sendInteraction({
          type: 'autocomplete',
          name: 'ask',
          options: [{ type: ApplicationCommandOptionType.String, name: 'question', value, focused: true }],
        })
        .waitForReply();
      expect(reply.callbackType).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
      const choices = reply.data.choices ?? [];
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(String(c.value).length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('replies only to the asker with hide', async () => {
    const { fake } = await start();
    const reply = await ask(fake, 'georgia mou', [
      { type: ApplicationCommandOptionType.Boolean, name: 'hide', value: true },
    ]).waitForReply();
    expect((reply.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('pings only the chosen user with mention', async () => {
    const { fake } = await start();
    const bob = fake.otherUser.id;
    const reply = await ask(fake, 'georgia mou', [
      { type: ApplicationCommandOptionType.User, name: 'mention', value: bob },
    ]).waitForReply();
    expect(reply.data.content).toBe(`<@${bob}>`);
    const allowed = reply.data.allowed_mentions as { parse: string[]; users: string[]; roles: string[] };
    expect(allowed.users).toEqual([bob]);
    expect(allowed.parse).toEqual([]);
    expect(allowed.roles).toEqual([]);
  });

  it('does not let an injected @everyone or role mention ping anyone', async () => {
    const { fake } = await start();
    const role = fake.guild.roles[1]?.id ?? '1';
    const reply = await ask(fake, `@everyone <@&${role}> Who is Kaveh Nouri?`).waitForReply();
    const allowed = reply.data.allowed_mentions as { parse: string[]; users: string[]; roles: string[] };
    expect(allowed.parse).toEqual([]);
    expect(allowed.roles).toEqual([]);
    expect(allowed.users).toEqual([]);
    expect(reply.data.content ?? '').not.toContain('@everyone');
  });

  it('lists every agreement with /mou, from the facts, and narrows to one with partner', async () => {
    const { fake } = await start();
    const all = await fake.sendInteraction({ type: 'command', name: 'mou' }).waitForReply();
    const groups = agreementGroups(engine);
    expect(all.data.embeds?.map((e) => e.title)).toEqual(groups.map((g) => g.title));
    const footers = all.data.embeds?.map((e) => e.footer?.text ?? '').join(' ') ?? '';
    for (const a of allAgreements(engine)) expect(footers).toContain(a.fact.id);
    expect(all.data.embeds?.[0]?.fields?.find((f) => f.name === 'Sources')?.value).toContain('Fixture Times');
    const size = (all.data.embeds ?? []).reduce(
      (n, e) =>
        n +
        (e.title?.length ?? 0) +
        (e.description?.length ?? 0) +
        (e.footer?.text.length ?? 0) +
        (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
      0,
    );
    expect(size).toBeLessThanOrEqual(6000);

    const georgia = await fake
      .sendInteraction({ type: 'command', name: 'mou', options: [str('partner', 'georgia')] })
      .waitForReply();
    expect(georgia.data.embeds).toHaveLength(1);
    expect(georgia.data.embeds?.[0]?.title).toContain('Georgia');
  });

  it('lists the partners when /mou partner matches none', async () => {
    const { fake } = await start();
    const reply = await fake
      .sendInteraction({ type: 'command', name: 'mou', options: [str('partner', 'France')] })
      .waitForReply();
    expect(reply.data.content).toContain('No agreement');
    expect(reply.data.content).toContain('South Korea');
    expect((reply.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('answers /who and autocompletes names from the facts', async () => {
    const { fake } = await start();
    const reply = await fake
      .sendInteraction({ type: 'command', name: 'who', options: [str('name', 'Kaveh Nouri')] })
      .waitForReply();
    expect(reply.data.embeds?.[0]?.footer?.text).toContain('fixture-nouri-who');

    const names = await fake
      .sendInteraction({
        type: 'autocomplete',
        name: 'who',
        options: [{ type: ApplicationCommandOptionType.String, name: 'name', value: 'nour', focused: true }],
      })
      .waitForReply();
    expect(names.data.choices?.map((c) => c.value)).toContain('Kaveh Nouri');
  });

  it('autocompletes /mou partner from the agreements, best match first', async () => {
    const { fake } = await start();
    const reply = await fake
      .sendInteraction({
        type: 'autocomplete',
        name: 'mou',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'partner', value: 'kor', focused: true },
        ],
      })
      .waitForReply();
    expect(reply.data.choices?.[0]?.value).toBe('South Korea');
  });

  it('shows every fact of a topic with /parks and /exports, each cited', async () => {
    const { fake } = await start();
    const parks = await fake.sendInteraction({ type: 'command', name: 'parks' }).waitForReply();
    const embed = parks.data.embeds?.[0];
    expect(embed?.description).toContain('industrial parks');
    expect(embed?.fields).toHaveLength(
      engine.facts.filter((f) => f.topic === 'industrial-parks-count').length,
    );

    const exportsReply = await fake.sendInteraction({ type: 'command', name: 'exports' }).waitForReply();
    expect(exportsReply.data.embeds?.[0]?.fields?.length).toBe(
      engine.facts.filter((f) => f.topic === 'sme-exports').length,
    );

    const asked = await fake
      .sendInteraction({
        type: 'command',
        name: 'parks',
        options: [str('question', 'How many industrial parks does Iran have?')],
      })
      .waitForReply();
    expect(asked.data.embeds?.[0]?.description).toContain('1,020');
  });

  it('lists every article with /sources, marking undated ones', async () => {
    const { fake } = await start();
    const reply = await fake.sendInteraction({ type: 'command', name: 'sources' }).waitForReply();
    const embeds = reply.data.embeds ?? [];
    expect(embeds).toHaveLength(engine.articles.size);
    for (const e of embeds) {
      expect(e.fields?.map((f) => f.name)).toEqual(['Outlet', 'Date', 'Credits', 'Facts']);
    }
    const total = embeds.reduce((n, e) => n + Number(e.fields?.[3]?.value), 0);
    expect(total).toBe(engine.facts.length);
    const undated = [...engine.articles.values()].filter((a) => a.date === null).length;
    expect(undated).toBeGreaterThan(0);
    expect(embeds.filter((e) => e.fields?.[1]?.value.startsWith('undated'))).toHaveLength(undated);
  });

  it('lists every command with an example in /help', async () => {
    const { fake } = await start();
    const reply = await fake.sendInteraction({ type: 'command', name: 'help' }).waitForReply();
    for (const c of commands) expect(reply.data.content).toContain(`/${c.data.name}`);
  });

  it('answers an unknown command with an ephemeral message', async () => {
    const { fake } = await start();
    const reply = await fake.sendInteraction({ type: 'command', name: 'nope' }).waitForReply();
    expect(reply.data.content).toBe(UNKNOWN_COMMAND);
    expect((reply.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it("answers a button that is not the bot's (garbage, or named like an object's built-in property) with an ephemeral message", async () => {
    const logs: string[] = [];
    const { fake } = await start({ logLines: logs });
    const ids = [
      makeCustomId('constructor', ['x']),
      makeCustomId('__proto__', ['x']),
      makeCustomId('toString', []),
      makeCustomId('hasOwnProperty', ['fb']),
      makeCustomId('nope', ['x']),
      'not-a-custom-id',
    ];
    for (const customId of ids) {
      const reply = await fake.sendInteraction({ type: 'button', customId }).waitForReply(2000);
      expect(reply.data.content, customId).toBe(UNKNOWN_BUTTON);
      expect((reply.data.flags ?? 0) & MessageFlags.Ephemeral, customId).toBe(MessageFlags.Ephemeral);
    }
    expect(logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  it('answers a throwing handler with an ephemeral error, logs it and goes on answering', async () => {
    const logs: string[] = [];
    const { fake } = await start({ logLines: logs });
    const error = await fake.sendInteraction({ type: 'command', name: 'boom' }).waitForReply();
    expect(error.data.embeds?.[0]?.description).toBe(ERROR_MESSAGE);
    expect((error.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(logs.some((l) => l.includes('"command failed"') && l.includes('kaboom'))).toBe(true);

    const next = await ask(fake, 'Who is Kaveh Nouri?').waitForReply();
    expect(next.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
  });

  it('tells a user who asks too quickly to wait, privately', async () => {
    let t = 0;
    const { fake } = await start({ cooldown: new Cooldown({ limit: 2, windowMs: 10_000, now: () => t }) });
    await ask(fake, 'georgia mou').waitForReply();
    t += 1;
    await ask(fake, 'georgia mou').waitForReply();
    const limited = await ask(fake, 'georgia mou').waitForReply();
    expect(limited.data.content).toContain('please wait 10 s');
    expect((limited.data.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('tells a user who @mentions too quickly to wait, in a reply', async () => {
    const { fake } = await start({ cooldown: new Cooldown({ limit: 1, windowMs: 10_000, now: () => 0 }) });
    const first = fake.sendMessage({ content: `<@${fake.bot.id}> georgia mou` });
    await fake.waitForChannelMessage(first.channel_id);
    const since = fake.requests.length;
    const second = fake.sendMessage({ content: `<@${fake.bot.id}> georgia mou` });
    const notice = await fake.waitForChannelMessage(second.channel_id, { since });
    expect(notice.data.content).toContain('please wait 10 s');
    expect(notice.data.message_reference?.message_id).toBe(second.id);
  });

  it('answers a flood of 100 @mentions from one user with at most one notice, and still answers another user', async () => {
    const { fake } = await start(); // the default cooldown: 5 questions per 10 s
    const alice = fake.user;
    const flood = Array.from({ length: 100 }, () =>
      fake.sendMessage({ author: alice, content: `<@${fake.bot.id}> georgia mou` }),
    );
    const bobAsks = fake.sendMessage({
      author: fake.otherUser,
      content: `<@${fake.bot.id}> Who is Kaveh Nouri?`,
    });

    const bobs = await fake.waitForRequest(
      (r) => r.kind === 'channel-message' && r.message?.message_reference?.message_id === bobAsks.id,
      10_000,
    );
    expect(JSON.stringify(bobs.body)).toContain('Kaveh Nouri');
    // Events are handled in order, and replies in one channel go out in order: the flood's are all in.
    const floodIds = new Set(flood.map((m) => m.id));
    const toAlice = fake.requests.filter(
      (r) => r.kind === 'channel-message' && floodIds.has(r.message?.message_reference?.message_id ?? ''),
    );
    const notices = toAlice.filter((r) => JSON.stringify(r.body).includes('please wait'));
    expect(notices).toHaveLength(1);
    expect(toAlice).toHaveLength(5 + 1); // five answers, one notice, then silence
  });

  it('answers an @mention as a reply to the message, without the mention in the question', async () => {
    const { fake } = await start();
    const sent = fake.sendMessage({ content: `<@${fake.bot.id}> Who is Kaveh Nouri?` });
    const reply = await fake.waitForChannelMessage(sent.channel_id);
    expect(reply.data.message_reference?.message_id).toBe(sent.id);
    expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
    const allowed = reply.data.allowed_mentions as { parse: string[]; replied_user: boolean };
    expect(allowed.parse).toEqual([]);
    expect(allowed.replied_user).toBe(false);
  });

  it('says honestly when the material does not cover a question asked directly', async () => {
    const { fake } = await start();
    const sent = fake.sendMessage({ content: `<@${fake.bot.id}> What is the weather in Paris?` });
    const reply = await fake.waitForChannelMessage(sent.channel_id);
    expect(reply.data.embeds?.[0]?.description).toMatch(/does not (cover|answer)/);
  });

  it('answers a DM', async () => {
    const { fake } = await start();
    const sent = fake.sendMessage({ dm: true, content: 'How many industrial parks does Iran have?' });
    const reply = await fake.waitForChannelMessage(sent.channel_id);
    expect(reply.data.embeds?.[0]?.description).toContain('industrial parks');
  });

  it('ignores chatter in an answer channel but answers a question there', async () => {
    const { fake } = await start({ answerChannel: true });
    const channelId = fake.channelId('answers');
    expect(fake.intents).toBe(
      new IntentsBitField([
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.DirectMessages,
        GatewayIntentBits.MessageContent,
      ]).bitfield,
    );
    fake.sendMessage({ channelId, content: 'What is the weather in Paris?' });
    const since = fake.requests.length;
    const sent = fake.sendMessage({ channelId, content: 'How many industrial parks does Iran have?' });
    const reply = await fake.waitForChannelMessage(channelId, { since });
    expect(reply.data.message_reference?.message_id).toBe(sent.id);
    expect(fake.requests.filter((r) => r.kind === 'channel-message')).toHaveLength(1);
    // Messages elsewhere that do not address the bot are ignored.
    fake.sendMessage({ content: 'How many industrial parks does Iran have?' });
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.filter((r) => r.kind === 'channel-message')).toHaveLength(1);
  });

  it('ignores messages from bots', async () => {
    const { fake } = await start();
    const other = {
      id: '123456789012345678',
      username: 'otherbot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
    };
    fake.sendMessage({ author: other, content: `<@${fake.bot.id}> Who is Kaveh Nouri?` });
    const sent = fake.sendMessage({ content: `<@${fake.bot.id}> georgia mou` });
    const reply = await fake.waitForChannelMessage(sent.channel_id);
    expect(reply.data.message_reference?.message_id).toBe(sent.id);
    await new Promise((r) => setTimeout(r, 150));
    expect(fake.requests.filter((r) => r.kind === 'channel-message')).toHaveLength(1);
  });

  it('still answers a question in flight across a dropped gateway connection', async () => {
    const { fake } = await start();
    const pending = ask(fake, 'Who is Kaveh Nouri?');
    await fake.dropConnection();
    const sent = fake.sendMessage({ content: `<@${fake.bot.id}> georgia mou` });
    const reply = await pending.waitForReply();
    expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
    const resumed = await fake.waitForChannelMessage(sent.channel_id, { timeoutMs: 5000 });
    expect(resumed.data.message_reference?.message_id).toBe(sent.id);
  });

  it('retries a reply that hit a 429 and the answer still arrives', async () => {
    const { fake } = await start();
    fake.failNext('POST /interactions/:id/:token/callback', { retryAfter: 0.2 });
    const reply = await ask(fake, 'Who is Kaveh Nouri?').waitForReply(5000);
    expect(reply.data.embeds?.[0]?.description).toContain('Kaveh Nouri');
    expect(fake.requests.some((r) => r.status === 429)).toBe(true);
  });

  it('waits for a reply in flight when stopped, then takes no more events', async () => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const slow: Command = {
      data: new SlashCommandBuilder().setName('slow').setDescription('answers after a while'),
      async execute(interaction) {
        started();
        await new Promise((r) => setTimeout(r, 200));
        await interaction.reply({ content: 'done' });
      },
    };
    const { fake } = await harness.start({ engine, commands: [slow] });
    const sent = fake.sendInteraction({ type: 'command', name: 'slow' });
    await running;
    await harness.stopBot();
    expect(fake.requests.some((r) => r.interactionId === sent.id && r.kind === 'callback')).toBe(true);
  });

  it('registers every command in the guild with deploy-commands', async () => {
    const fake = await harness.startFake();
    const config = parseConfig({
      DISCORD_TOKEN: 'fake.token.value',
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guild.id,
    });
    const result = await deployCommands(config, commands, { api: fake.apiUrl });
    expect(result).toEqual({ scope: 'guild', count: commands.length });
    const names = (fake.commands.get(fake.guild.id) as { name: string }[]).map((c) => c.name);
    expect(names).toEqual(commands.map((c) => c.data.name));
  });
});
