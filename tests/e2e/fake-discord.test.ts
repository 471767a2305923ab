import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  IntentsBitField,
  Partials,
  type Message,
} from 'discord.js';
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { FakeDiscord, type FakeDiscordOptions } from './fake-discord.ts';

const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
  GatewayIntentBits.MessageContent,
];

let fake: FakeDiscord | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.stop();
  client = undefined;
  fake = undefined;
});

/** Start a fake and log a real discord.js client into it; resolves once `clientReady` fired. */
async function start(
  opts: { intents?: GatewayIntentBits[]; fake?: FakeDiscordOptions } = {},
): Promise<{ fake: FakeDiscord; client: Client<true> }> {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 250, ...opts.fake });
  const c = new Client({
    intents: opts.intents ?? INTENTS,
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
  });
  client = c;
  const ready = once(c, Events.ClientReady); // register before login(): login resolves before ready
  await c.login('fake.token.value');
  await ready;
  if (!c.isReady()) throw new Error('client not ready');
  return { fake, client: c };
}

describe('FakeDiscord with a real discord.js Client', () => {
  it('logs the client in, records the identify intents and caches the default guild', async () => {
    const { fake, client } = await start();

    expect(fake.intents).toBe(new IntentsBitField(INTENTS).bitfield);
    expect(fake.identifies).toHaveLength(1);
    const gatewayBot = fake.requests.find((r) => r.method === 'GET' && r.route === '/gateway/bot');
    expect(gatewayBot?.headers.authorization).toBe('Bot fake.token.value');
    expect(client.user.id).toBe(fake.bot.id);
    expect(client.application.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['answers', 'general']);
    expect(guild?.members.me?.permissions.has('SendMessages')).toBe(true);
    expect(guild?.members.cache.has(fake.user.id)).toBe(true);
  });

  it('delivers a slash command with a subcommand and a user option, and the reply reaches the fake', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const who = interaction.options.getUser('who', true);
      const member = interaction.options.getMember('who');
      const text = interaction.options.getString('question', true);
      await interaction.reply({
        content: `${interaction.commandName}/${interaction.options.getSubcommand()}: ${text} for ${who.username} (member: ${member !== null})`,
        flags: MessageFlags.Ephemeral,
      });
    });

    const sent = fake.sendInteraction({
      type: 'command',
      name: 'kb',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'ask',
          options: [
            { type: ApplicationCommandOptionType.String, name: 'question', value: 'what is a park?' },
            { type: ApplicationCommandOptionType.User, name: 'who', value: fake.otherUser.id },
          ],
        },
      ],
    });
    const reply = await sent.waitForReply();

    expect(reply.kind).toBe('callback');
    expect(reply.callbackType).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(reply.data.content).toBe('kb/ask: what is a park? for bob (member: true)');
    expect(reply.data.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.request.headers.authorization).toBeUndefined(); // callbacks are sent with auth: false
  });

  it('records deferReply as a deferred callback and editReply as a PATCH of @original', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      const edited = await interaction.editReply('the answer');
      await interaction.followUp(`edited ${edited.id}`);
    });

    const sent = fake.sendInteraction({ type: 'command', name: 'ask' });
    const callback = await sent.waitForCallback();
    const reply = await sent.waitForReply();
    const followUp = await fake.waitForRequest((r) => r.interactionId === sent.id && r.kind === 'followup');

    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(reply.kind).toBe('edit');
    expect(reply.request.method).toBe('PATCH');
    expect(reply.request.route).toBe(`/webhooks/${fake.applicationId}/${sent.token}/messages/@original`);
    expect(reply.data.content).toBe('the answer');
    expect((followUp.body as { content: string }).content).toBe(`edited ${reply.message?.id}`);
  });

  it('answers an autocomplete interaction with the focused option', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.name}=${focused.value}!`, value: 'x' }]);
    });

    const sent = fake.sendInteraction({
      type: 'autocomplete',
      name: 'ask',
      options: [{ type: ApplicationCommandOptionType.String, name: 'park', value: 'teh', focused: true }],
    });
    const reply = await sent.waitForReply();

    expect(reply.callbackType).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(reply.data.choices).toEqual([{ name: 'park=teh!', value: 'x' }]);
  });

  it('delivers a guild message mentioning the bot and message.reply() arrives via POST channel messages', async () => {
    const { fake, client } = await start();
    client.on(Events.MessageCreate, async (message) => {
      if (message.author.bot || !message.mentions.has(client.user)) return;
      await message.reply(`you said: ${message.content}`);
    });

    const channelId = fake.channelId('general');
    const sent = fake.sendMessage({ channelId, content: `<@${fake.bot.id}> hello` });
    const reply = await fake.waitForChannelMessage(channelId);

    expect(reply.data.content).toBe(`you said: <@${fake.bot.id}> hello`);
    expect(reply.data.message_reference?.message_id).toBe(sent.id);
    expect(reply.request.route).toBe(`/channels/${channelId}/messages`);
  });

  it('blanks guild message content without the MessageContent intent unless the bot is mentioned', async () => {
    const { fake, client } = await start({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    });
    const seen: string[] = [];
    client.on(Events.MessageCreate, (m) => void seen.push(m.content));

    fake.sendMessage({ content: 'not for you' });
    fake.sendMessage({ content: `<@${fake.bot.id}> for you` });
    await fake.waitFor(() => (seen.length === 2 ? true : undefined));

    expect(seen).toEqual(['', `<@${fake.bot.id}> for you`]);
  });

  it('delivers a DM to a client with Partials.Channel and lets the bot answer in the DM', async () => {
    const { fake, client } = await start();
    const received = once(client, Events.MessageCreate) as Promise<[Message]>;

    const dm = fake.sendMessage({ dm: true, content: 'hi bot' });
    const [message] = await received;
    expect(message.content).toBe('hi bot');
    expect(message.channel.isDMBased()).toBe(true);
    expect(message.channelId).toBe(fake.dmChannel(fake.user.id).id);
    expect(message.id).toBe(dm.id);

    await message.reply('hello in DM');
    await client.users.send(fake.otherUser.id, 'hello bob');
    const toAlice = await fake.waitForChannelMessage(dm.channel_id);
    const toBob = await fake.waitForChannelMessage(fake.dmChannel(fake.otherUser.id).id);

    expect(toAlice.data.content).toBe('hello in DM');
    expect(toBob.data.content).toBe('hello bob');
    expect(fake.requests.some((r) => r.route === '/users/@me/channels')).toBe(true);
  });

  it('does not deliver DMs when the DirectMessages intent is missing', async () => {
    const { fake } = await start({ intents: [GatewayIntentBits.Guilds] });
    fake.sendMessage({ dm: true, content: 'hi' });
    expect(fake.suppressed.map((s) => s.missingIntent)).toEqual(['DirectMessages']);
  });

  it('delivers a button interaction and interaction.update() edits the message it is on', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary),
        );
        await interaction.reply({ content: 'short answer', components: [row] });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `long answer (${interaction.customId})`, components: [] });
      }
    });

    const first = await fake.sendInteraction({ type: 'command', name: 'ask' }).waitForReply();
    const click = fake.sendInteraction({ type: 'button', customId: 'more', message: first.message });
    const update = await click.waitForReply();

    expect(update.callbackType).toBe(InteractionResponseType.UpdateMessage);
    expect(update.data.content).toBe('long answer (more)');
    expect(update.message?.id).toBe(first.message?.id);
    expect(fake.messages.get(first.message?.id ?? '')?.content).toBe('long answer (more)');
  });

  it('resumes a dropped gateway connection and still delivers an event sent during the drop', async () => {
    const { fake, client } = await start();
    const resumed = once(client, Events.ShardResume);
    const received = once(client, Events.MessageCreate) as Promise<[Message]>;

    await fake.dropConnection();
    fake.sendMessage({ content: 'sent while disconnected' });
    const [message] = await received;
    const [, replayed] = (await resumed) as [number, number];

    expect(message.content).toBe('sent while disconnected');
    expect(fake.identifies).toHaveLength(1);
    expect(fake.resumes).toHaveLength(1);
    expect(replayed).toBeGreaterThanOrEqual(1);
    expect(fake.connections.at(-1)).toMatch(/^\/gateway-resume\?/);
  });

  it('resumes after the fake asks for a reconnect (op 7) without identifying again', async () => {
    const { fake, client } = await start();
    const resumed = once(client, Events.ShardResume);
    fake.requestReconnect();
    await resumed;
    expect(fake.identifies).toHaveLength(1);
    expect(fake.resumes).toHaveLength(1);
  });

  it('parses multipart bodies: payload_json becomes the body and files are listed', async () => {
    const { fake, client } = await start();
    const channel = client.channels.cache.get(fake.channelId('answers'));
    if (!channel?.isSendable()) throw new Error('not sendable');
    await channel.send({ content: 'see file', files: [{ attachment: Buffer.from('hello'), name: 'a.txt' }] });

    const reply = await fake.waitForChannelMessage(channel.id);
    expect(reply.data.content).toBe('see file');
    expect(reply.request.files).toEqual([{ field: 'files[0]', filename: 'a.txt', size: 5 }]);
  });

  it('retries an interaction reply after a 429 and the reply still arrives', async () => {
    const { fake, client } = await start();
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('after the rate limit');
    });
    fake.failNext('POST /interactions/:id/:token/callback', { retryAfter: 0.3 });

    const started = Date.now();
    const sent = fake.sendInteraction({ type: 'command', name: 'ask' });
    const reply = await sent.waitForReply();

    expect(reply.data.content).toBe('after the rate limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const attempts = fake.requests.filter((r) => r.route.startsWith(`/interactions/${sent.id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it('retries a channel message after a 429 on the sequential (per-channel) bucket', async () => {
    const { fake, client } = await start();
    const channelId = fake.channelId('answers');
    fake.failNext(`POST /channels/${channelId}/messages`, { retryAfter: 0.2 });

    const channel = await client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error('not sendable');
    await channel.send('eventually');

    const attempts = fake.requests.filter((r) => r.route === `/channels/${channelId}/messages`);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect((await fake.waitForChannelMessage(channelId)).data.content).toBe('eventually');
  });

  it('echoes bulk-overwritten global and guild commands with ids', async () => {
    const { fake, client } = await start();
    const global = await client.application.commands.set([
      { name: 'ask', description: 'Ask the knowledge base' },
    ]);
    const guild = await client.application.commands.set(
      [{ name: 'kb', description: 'KB tools' }],
      fake.guild.id,
    );

    expect(global.first()?.id).toMatch(/^\d{17,19}$/);
    expect(guild.first()?.guildId).toBe(fake.guild.id);
    expect(fake.commands.get('global')).toHaveLength(1);
    const sent = fake.sendInteraction({ type: 'command', name: 'ask' });
    expect(sent.payload.data && 'id' in sent.payload.data ? sent.payload.data.id : undefined).toBe(
      global.first()?.id,
    );
  });

  it('answers unknown routes with a 404 and records them', async () => {
    const { fake, client } = await start();
    const error = await client.rest.get('/guilds/123456789012345678/audit-logs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).status).toBe(404);
    expect(fake.unhandled.map((r) => `${r.method} ${r.route}`)).toEqual([
      'GET /guilds/123456789012345678/audit-logs',
    ]);
  });
});
