/**
 * A small fake Discord (REST API + gateway) for end-to-end tests of a discord.js v14 bot.
 *
 * Client side, point discord.js at it with:
 *   new Client({ intents, partials: [Partials.Channel], rest: { api: fake.apiUrl } })
 *   await client.login('any.token.works')
 * `Partials.Channel` is required for DMs: discord.js drops MESSAGE_CREATE for an uncached DM channel
 * unless it may create the channel as a partial (Discord never sends the DM channel beforehand).
 * Intents are honoured: guild messages need GuildMessages, DMs need DirectMessages, and message
 * content is blanked like Discord does unless MessageContent is set (or it is a DM / mentions the bot).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
  type APIApplicationCommandInteractionDataOption,
  type ApplicationFlags,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type APIApplicationCommandOptionChoice,
  type APIDMChannel,
  type APIEmbed,
  type APIGuildMember,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIInteractionResponse,
  type APIMessage,
  type APIMessageInteractionMetadata,
  type APIMessageReference,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type APIUserWithMember,
  type GatewayGuildCreateDispatchData,
  type GatewayIdentifyData,
  type GatewayMessageCreateDispatchData,
  type GatewayReadyDispatchData,
  type GatewayResumeData,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

// ---------------------------------------------------------------------------------------------
// Public types

export interface FakeChannelSpec {
  id?: string;
  name: string;
}
export interface FakeGuildSpec {
  id?: string;
  name?: string;
  /** Text channels; default `general` and `answers`. */
  channels?: FakeChannelSpec[];
  /** Users who are members (the bot is always added); default: all users. */
  members?: APIUser[];
}
export interface FakeDiscordOptions {
  botUser?: Partial<APIUser>;
  /** Human users; default `alice` (fake.user) and `bob` (fake.otherUser). */
  users?: APIUser[];
  guilds?: FakeGuildSpec[];
  /** HELLO heartbeat_interval in ms (default 1000). */
  heartbeatIntervalMs?: number;
  /** Interaction callbacks later than this fail with 10062 Unknown interaction, as on Discord (default 3000; 0 = off). */
  interactionTimeoutMs?: number;
  /** 'discord' (default) blanks content without the MessageContent intent like Discord; 'always' never does. */
  messageContent?: 'discord' | 'always';
  /** Listen on this port of 127.0.0.1 (default: any free one). */
  port?: number;
}

/** The text-ish parts of whatever the bot sent (callback `data` or a message body). */
export interface FakeMessageBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  choices?: APIApplicationCommandOptionChoice[];
  message_reference?: APIMessageReference;
  [key: string]: unknown;
}

export interface RecordedRequest {
  index: number;
  method: string;
  /** Decoded path without query, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** `path` without the `/api/v10` prefix. */
  route: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (for multipart: the `payload_json` part), else undefined. */
  body: unknown;
  files: { field: string; filename: string; size: number }[];
  /** Status the fake answered with. */
  status: number;
  /** Set for interaction-related routes. */
  interactionId?: string;
  kind?: 'callback' | 'edit' | 'followup' | 'channel-message';
  /** Message created/updated by this request, if any. */
  message?: APIMessage;
}

export interface BotReply {
  kind: 'callback' | 'edit' | 'followup' | 'channel-message';
  /** Raw JSON body: `{type, data}` for callbacks, the message body otherwise. */
  body: unknown;
  /** Callback type for kind 'callback' (4 reply, 7 update, 8 autocomplete, ...). */
  callbackType?: InteractionResponseType;
  /** Callback `data` or the message body. */
  data: FakeMessageBody;
  /** The message the fake created/updated (absent for autocomplete/modal). */
  message?: APIMessage;
  request: RecordedRequest;
}

export interface FakeInteractionContext {
  /** Invoking user (default fake.user). */
  user?: APIUser;
  /** Guild channel (default first channel of the first guild) or a DM channel id. */
  channelId?: string;
  /** Invoke in the DM between `user` and the bot. */
  dm?: boolean;
  /** In a guild, the invoking member's permissions (`member.permissions`; default: the fake's usual set, without Manage Server). */
  memberPermissions?: bigint;
}
export type FakeInteractionInput = FakeInteractionContext &
  (
    | {
        type: 'command';
        name: string;
        options?: APIApplicationCommandInteractionDataOption[];
        /** Merged into the auto-built `resolved` (users/members of user options are filled in). */
        resolved?: APIInteractionDataResolved;
      }
    | {
        type: 'autocomplete';
        name: string;
        /** Mark the option being typed with `focused: true`. */
        options: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>[];
      }
    | {
        type: 'button';
        customId: string;
        /** Message the button is on (e.g. `reply.message`); default: a new bot message carrying the button. */
        message?: APIMessage;
      }
    | { type: 'select'; customId: string; values: string[]; message?: APIMessage }
  );

export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
  /** First visible answer: a non-deferred callback, or the edit/follow-up after a deferral. */
  waitForReply(timeoutMs?: number): Promise<BotReply>;
  /** The raw callback body `{type, data}`. */
  waitForCallback(timeoutMs?: number): Promise<APIInteractionResponse>;
}

export interface FakeSendMessageInput {
  content: string;
  /** Default fake.user. */
  author?: APIUser;
  /** Default: first channel of the first guild. */
  channelId?: string;
  /** Send in the DM between `author` and the bot. */
  dm?: boolean;
  /** Default: users mentioned as `<@id>` in `content`. */
  mentions?: APIUser[];
  /** Default: the guild owning `channelId`. */
  guildId?: string;
}

/** `'POST /interactions/:id/:token/callback'` (`:x`/`*` = one segment, method optional), a RegExp on `'METHOD /route'`, or a predicate. */
export type RouteMatcher = string | RegExp | ((req: { method: string; route: string }) => boolean);

export interface FakeGuild {
  id: string;
  name: string;
  roles: APIRole[];
  channels: APITextChannel[];
  members: APIGuildMember[];
}

// ---------------------------------------------------------------------------------------------

const DISCORD_EPOCH = 1420070400000n;
let idCounter = 0n;
/** A realistic snowflake (17-19 digits; @discordjs/rest only buckets such ids). */
/** The shard that receives a guild's events: (guild_id >> 22) % shard count, as on Discord. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  log: { s: number; frame: string }[];
  socket?: WebSocket | undefined;
}

export function snowflake(): string {
  idCounter = (idCounter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | idCounter).toString();
}

const PERMS = (
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands
).toString();

type Reply = { status: number; json?: unknown; headers?: Record<string, string> };
type Handler = (m: string[], rec: RecordedRequest) => Reply;
interface InteractionState {
  payload: APIInteraction;
  createdAt: number;
  channelId: string;
  acked: boolean;
  originalId?: string;
}
interface Failure {
  matcher: RouteMatcher;
  status: number;
  retryAfter: number;
  global: boolean;
}
const err = (status: number, code: number, message: string): Reply => ({ status, json: { code, message } });

function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

export class FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly bot: APIUser;
  readonly applicationId: string;
  readonly users: APIUser[];
  readonly guilds: FakeGuild[];
  /** Every REST request, in arrival order (recorded once answered). */
  readonly requests: RecordedRequest[] = [];
  /** Requests to routes the fake does not know (also in `requests`, answered 404). */
  readonly unhandled: RecordedRequest[] = [];
  /** Requests left unanswered by `hang()` (never in `requests`): method and route. */
  readonly hung: { method: string; route: string }[] = [];
  /** IDENTIFY / RESUME payloads the client sent. */
  readonly identifies: GatewayIdentifyData[] = [];
  readonly resumes: GatewayResumeData[] = [];
  /** Gateway connection URLs (path + query) in order. */
  readonly connections: string[] = [];
  /** Dispatches not delivered because the session lacks the needed intent. */
  readonly suppressed: { t: string; d: unknown; missingIntent: string }[] = [];
  /** Bulk-overwritten commands: key 'global' or a guild id. */
  readonly commands = new Map<string, unknown[]>();
  readonly messages = new Map<string, APIMessage>();

  /** Gateway sessions by shard id (one unless the bot is sharded). */
  private readonly sessions = new Map<number, Session>();
  private readonly dms = new Map<string, APIDMChannel>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly failures: Failure[] = [];
  private readonly hangs: RouteMatcher[] = [];
  private readonly waiters = new Map<() => void, (e: Error) => void>();
  private readonly routes: [string, RegExp, Handler][] = [];

  private constructor(
    private readonly server: http.Server,
    private readonly wss: WebSocketServer,
    port: number,
    private readonly opts: FakeDiscordOptions,
  ) {
    this.apiUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.bot = { ...makeUser(snowflake(), 'fake-bot', true), ...opts.botUser };
    this.applicationId = this.bot.id;
    this.users = opts.users ?? [makeUser(snowflake(), 'alice'), makeUser(snowflake(), 'bob')];
    const specs = opts.guilds ?? [{}];
    this.guilds = specs.map((spec) => this.buildGuild(spec));
    this.defineRoutes();
    server.on('request', (req, res) => void this.onHttp(req, res));
    wss.on('connection', (ws, req) => this.onGateway(ws, req.url ?? ''));
  }

  /** Start on 127.0.0.1 with an ephemeral port. */
  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', resolve);
    });
    return new FakeDiscord(server, wss, (server.address() as AddressInfo).port, opts);
  }

  async stop(): Promise<void> {
    for (const reject of this.waiters.values()) reject(new Error('FakeDiscord stopped'));
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- world -------------------------------------------------------------------------------

  /** The primary member user (alice by default). */
  get user(): APIUser {
    return this.users[0] as APIUser;
  }
  /** The second user (bob by default). */
  get otherUser(): APIUser {
    return (this.users[1] ?? this.users[0]) as APIUser;
  }
  get guild(): FakeGuild {
    return this.guilds[0] as FakeGuild;
  }
  /** Id of a guild text channel by name (first guild unless given). */
  channelId(name: string, guildId = this.guild.id): string {
    const ch = this.guilds.find((g) => g.id === guildId)?.channels.find((c) => c.name === name);
    if (!ch) throw new Error(`FakeDiscord: no channel named ${name}`);
    return ch.id;
  }
  /** The DM channel between a user and the bot (created on first use; same id as POST /users/@me/channels). */
  dmChannel(userId: string): APIDMChannel {
    let dm = this.dms.get(userId);
    if (!dm) {
      const user = this.users.find((u) => u.id === userId) ?? makeUser(userId, `user-${userId}`);
      dm = { id: snowflake(), type: ChannelType.DM, recipients: [user], last_message_id: null, name: null };
      this.dms.set(userId, dm);
    }
    return dm;
  }

  private buildGuild(spec: FakeGuildSpec): FakeGuild {
    const id = spec.id ?? snowflake();
    const everyone = this.role(id, '@everyone', 0);
    const botRole = { ...this.role(snowflake(), 'fake-bot', 1), managed: true };
    const member = (user: APIUser, roles: string[]): APIGuildMember => ({
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles,
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
    });
    const chans = spec.channels ?? [{ name: 'general' }, { name: 'answers' }];
    return {
      id,
      name: spec.name ?? 'Fake Guild',
      roles: [everyone, botRole],
      channels: chans.map((c, position) => ({
        id: c.id ?? snowflake(),
        type: ChannelType.GuildText,
        guild_id: id,
        name: c.name,
        position,
        permission_overwrites: [],
        parent_id: null,
        topic: null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
      })),
      members: [member(this.bot, [botRole.id]), ...(spec.members ?? this.users).map((u) => member(u, []))],
    };
  }

  private role(id: string, name: string, position: number): APIRole {
    return {
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      position,
      permissions: PERMS,
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
  }

  private guildOfChannel(channelId: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
  }
  private dmById(channelId: string): APIDMChannel | undefined {
    return [...this.dms.values()].find((d) => d.id === channelId);
  }
  private memberOf(guild: FakeGuild, userId: string): APIGuildMember | undefined {
    return guild.members.find((m) => m.user.id === userId);
  }

  // ---- gateway -----------------------------------------------------------------------------

  private onGateway(ws: WebSocket, url: string): void {
    this.connections.push(url);
    const send = (payload: unknown) => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify(payload));
    send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.opts.heartbeatIntervalMs ?? 1000 } });
    ws.on('message', (raw) => {
      let msg: { op: number; d: unknown };
      try {
        msg = JSON.parse(String(raw)) as typeof msg;
      } catch {
        return void ws.close(4002, 'Error while decoding payload.');
      }
      if (msg.op === GatewayOpcodes.Heartbeat) send({ op: GatewayOpcodes.HeartbeatAck });
      else if (msg.op === GatewayOpcodes.Identify) this.onIdentify(ws, msg.d as GatewayIdentifyData);
      else if (msg.op === GatewayOpcodes.Resume) {
        const d = msg.d as GatewayResumeData;
        this.resumes.push(d);
        const s = [...this.sessions.values()].find((x) => x.id === d.session_id);
        if (!s) send({ op: GatewayOpcodes.InvalidSession, d: false });
        else {
          s.socket = ws;
          for (const { s: seq, frame } of s.log) if (seq > d.seq) ws.send(frame);
          this.dispatchTo(s, GatewayDispatchEvents.Resumed, null);
        }
      }
      this.notify();
    });
    ws.on('close', () => {
      for (const s of this.sessions.values()) if (s.socket === ws) s.socket = undefined;
    });
  }

  private onIdentify(ws: WebSocket, d: GatewayIdentifyData): void {
    this.identifies.push(d);
    // A sharded bot identifies once a shard: each session gets its shard's guilds, as on Discord.
    const [shardId, shardCount] = d.shard ?? [0, 1];
    const session: Session = {
      id: snowflake(),
      shard: [shardId, shardCount],
      intents: d.intents,
      seq: 0,
      log: [],
      socket: ws,
    };
    this.sessions.set(shardId, session);
    const guilds = this.guilds.filter((g) => shardOf(g.id, shardCount) === shardId);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.bot,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: `${this.gatewayUrl}-resume`,
      shard: [shardId, shardCount],
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.dispatchTo(session, GatewayDispatchEvents.Ready, ready);
    for (const g of guilds) this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, this.guildCreate(g));
  }

  private guildCreate(g: FakeGuild): GatewayGuildCreateDispatchData {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: g.roles,
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US' as GatewayGuildCreateDispatchData['preferred_locale'],
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: g.members.length,
      voice_states: [],
      members: g.members,
      channels: g.channels.map(({ guild_id: _omit, ...c }) => c),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** The session of shard 0 (the only one of an unsharded bot). */
  private get session(): Session | undefined {
    return this.sessions.get(0);
  }

  /** The session that receives a guild's events (shard 0's for DMs), as Discord routes them. */
  private sessionFor(guildId: string | undefined): Session | undefined {
    const count = this.session?.shard[1] ?? 1;
    return this.sessions.get(guildId ? shardOf(guildId, count) : 0);
  }

  /**
   * Send a raw dispatch (queued for RESUME replay if disconnected) to the shard of its `guild_id`
   * (shard 0 without one). Returns its sequence number.
   */
  dispatch(t: GatewayDispatchEvents, d: unknown): number {
    const guildId = (d as { guild_id?: unknown } | null)?.guild_id;
    const s = this.sessionFor(typeof guildId === 'string' ? guildId : undefined);
    if (!s) throw new Error('FakeDiscord: no gateway session yet (wait for the client to be ready)');
    return this.dispatchTo(s, t, d);
  }

  private dispatchTo(s: Session, t: GatewayDispatchEvents, d: unknown): number {
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: ++s.seq, d });
    s.log.push({ s: s.seq, frame });
    if (s.socket?.readyState === WebSocket.OPEN) s.socket.send(frame);
    return s.seq;
  }

  /** Abnormally close the gateway socket; the client resumes (after ~500 ms). Dispatches meanwhile are queued. */
  async dropConnection(how: { code?: number; terminate?: boolean } = {}): Promise<void> {
    const ws = this.session?.socket;
    if (!ws || !this.session) throw new Error('FakeDiscord: no open gateway connection');
    this.session.socket = undefined;
    const closed = new Promise((resolve) => ws.once('close', resolve));
    if (how.terminate) ws.terminate();
    else ws.close(how.code ?? 4000, 'fake drop');
    await closed;
  }

  /** Ask the client to reconnect and resume (op 7). */
  requestReconnect(): void {
    this.session?.socket?.send(JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null }));
  }

  /** Intents of the last IDENTIFY. */
  get intents(): number | undefined {
    return this.identifies.at(-1)?.intents;
  }

  // ---- dispatch helpers --------------------------------------------------------------------

  /** Dispatch MESSAGE_CREATE from a user; returns the message (delivered only if the intents allow). */
  sendMessage(input: FakeSendMessageInput): APIMessage {
    const author = input.author ?? this.user;
    const channelId = input.dm
      ? this.dmChannel(author.id).id
      : (input.channelId ?? this.guild.channels[0]?.id ?? '');
    const dm = this.dmById(channelId);
    const guild = dm
      ? undefined
      : (this.guilds.find((g) => g.id === input.guildId) ?? this.guildOfChannel(channelId));
    if (!dm && !guild) throw new Error(`FakeDiscord: unknown channel ${channelId}`);
    const withMember = (u: APIUser): APIUserWithMember => {
      const m = guild && this.memberOf(guild, u.id);
      return m ? { ...u, member: { ...m, user: undefined } as APIUserWithMember['member'] } : u;
    };
    const mentioned =
      input.mentions ??
      [...input.content.matchAll(/<@!?(\d+)>/g)]
        .map((m) => [this.bot, ...this.users].find((u) => u.id === m[1]))
        .filter((u): u is APIUser => u !== undefined);
    const message = this.newMessage(channelId, author, { content: input.content });
    message.mentions = mentioned;
    this.messages.set(message.id, message);
    const data: GatewayMessageCreateDispatchData = {
      ...message,
      mentions: mentioned.map(withMember),
      channel_type: dm ? ChannelType.DM : ChannelType.GuildText,
      ...(guild ? { guild_id: guild.id, member: withMember(author).member } : {}),
    };
    const intents = this.sessionFor(guild?.id)?.intents ?? 0;
    const need = dm ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
    if (!(intents & need)) {
      this.suppressed.push({ t: 'MESSAGE_CREATE', d: data, missingIntent: GatewayIntentBits[need] });
      return message;
    }
    const seesContent =
      this.opts.messageContent === 'always' ||
      intents & GatewayIntentBits.MessageContent ||
      dm ||
      author.id === this.bot.id ||
      mentioned.some((u) => u.id === this.bot.id);
    if (!seesContent) Object.assign(data, { content: '', embeds: [], attachments: [], components: [] });
    this.dispatch(GatewayDispatchEvents.MessageCreate, data);
    return message;
  }

  /** Dispatch INTERACTION_CREATE (slash command, autocomplete, button or string select). */
  sendInteraction(input: FakeInteractionInput): SentInteraction {
    const user = input.user ?? this.user;
    const channelId = input.dm
      ? this.dmChannel(user.id).id
      : (input.channelId ?? this.guild.channels[0]?.id ?? '');
    const dm = this.dmById(channelId);
    const guild = dm ? undefined : this.guildOfChannel(channelId);
    const channel = dm ?? guild?.channels.find((c) => c.id === channelId);
    if (!channel) throw new Error(`FakeDiscord: unknown channel ${channelId}`);
    const id = snowflake();
    const token = `fake-interaction-token-${id}`;
    const member = guild && this.memberOf(guild, user.id);
    const base = {
      id,
      application_id: this.applicationId,
      token,
      version: 1 as const,
      app_permissions: PERMS,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { 0: guild?.id ?? '0' },
      context: dm ? 1 : 0,
      attachment_size_limit: 8 * 1024 * 1024,
      channel,
      channel_id: channel.id,
      ...(guild && member
        ? {
            guild_id: guild.id,
            guild: { id: guild.id, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: { ...member, permissions: input.memberPermissions?.toString() ?? PERMS },
          }
        : { user }),
    };
    let payload: unknown;
    if (input.type === 'command' || input.type === 'autocomplete') {
      const resolved =
        input.type === 'command'
          ? this.resolveOptions(input.options ?? [], guild, input.resolved)
          : undefined;
      payload = {
        ...base,
        type:
          input.type === 'command'
            ? InteractionType.ApplicationCommand
            : InteractionType.ApplicationCommandAutocomplete,
        data: {
          id: this.commandIdFor(input.name, guild?.id),
          name: input.name,
          type: ApplicationCommandType.ChatInput,
          options: input.options ?? [],
          ...(resolved ? { resolved } : {}),
        },
      };
    } else {
      const componentType = input.type === 'button' ? ComponentType.Button : ComponentType.StringSelect;
      const message =
        (input.message && this.messages.get(input.message.id)) ??
        input.message ??
        this.componentMessage(channel.id, input.customId, componentType);
      payload = {
        ...base,
        type: InteractionType.MessageComponent,
        message,
        data: {
          custom_id: input.customId,
          component_type: componentType,
          ...(input.type === 'select' ? { values: input.values } : {}),
        },
      };
    }
    const interaction = payload as APIInteraction;
    this.interactions.set(id, {
      payload: interaction,
      createdAt: Date.now(),
      channelId: channel.id,
      acked: false,
    });
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
    return {
      id,
      token,
      payload: interaction,
      waitForReply: (ms?: number) => this.waitForReply(id, ms),
      waitForCallback: (ms?: number) => this.waitForCallback(id, ms),
    };
  }

  private resolveOptions(
    options: APIApplicationCommandInteractionDataOption[],
    guild: FakeGuild | undefined,
    extra: APIInteractionDataResolved | undefined,
  ): APIInteractionDataResolved | undefined {
    const resolved: APIInteractionDataResolved = { ...extra };
    const visit = (opts: APIApplicationCommandInteractionDataOption[]): void => {
      for (const o of opts) {
        if ('options' in o && o.options) visit(o.options as APIApplicationCommandInteractionDataOption[]);
        if (
          o.type !== ApplicationCommandOptionType.User &&
          o.type !== ApplicationCommandOptionType.Mentionable
        )
          continue;
        const user =
          this.users.find((u) => u.id === o.value) ?? (this.bot.id === o.value ? this.bot : undefined);
        if (!user) continue;
        resolved.users = { ...resolved.users, [user.id]: user };
        const m = guild && this.memberOf(guild, user.id);
        if (m) {
          const { user: _u, ...rest } = m;
          resolved.members = { ...resolved.members, [user.id]: { ...rest, permissions: PERMS } };
        }
      }
    };
    visit(options);
    return Object.keys(resolved).length ? resolved : undefined;
  }

  private commandIdFor(name: string, guildId: string | undefined): string {
    for (const key of [guildId ?? '', 'global']) {
      const found = (this.commands.get(key) as { id: string; name: string }[] | undefined)?.find(
        (c) => c.name === name,
      );
      if (found) return found.id;
    }
    return snowflake();
  }

  private componentMessage(channelId: string, customId: string, type: ComponentType): APIMessage {
    const component =
      type === ComponentType.Button
        ? { type, style: ButtonStyle.Primary, custom_id: customId, label: 'Button' }
        : { type, custom_id: customId, options: [] };
    const message = this.newMessage(channelId, this.bot, {
      components: [
        { type: ComponentType.ActionRow, components: [component] },
      ] as APIMessageTopLevelComponent[],
    });
    this.messages.set(message.id, message);
    return message;
  }

  private newMessage(channelId: string, author: APIUser, fields: Partial<APIMessage>): APIMessage {
    return {
      id: snowflake(),
      channel_id: channelId,
      author,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: MessageType.Default,
      ...fields,
    };
  }

  /** A message the bot sends via REST (body = JSON from the client). */
  private botMessage(channelId: string, body: FakeMessageBody, extra: Partial<APIMessage> = {}): APIMessage {
    const ref = body.message_reference;
    const referenced = ref?.message_id ? this.messages.get(ref.message_id) : undefined;
    const message = this.newMessage(channelId, this.bot, {
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      ...(body.components ? { components: body.components } : {}),
      flags: body.flags ?? 0,
      ...(ref
        ? {
            type: MessageType.Reply,
            message_reference: { ...ref, channel_id: channelId },
            referenced_message: referenced ?? null,
          }
        : {}),
      ...extra,
    });
    this.messages.set(message.id, message);
    return message;
  }

  private editMessage(message: APIMessage, body: FakeMessageBody): APIMessage {
    const flags = ((body.flags ?? message.flags ?? 0) & ~MessageFlags.Loading) | 0;
    const updated: APIMessage = {
      ...message,
      ...(body.content !== undefined ? { content: body.content } : {}),
      ...(body.embeds ? { embeds: body.embeds } : {}),
      ...(body.components ? { components: body.components } : {}),
      flags,
      edited_timestamp: new Date().toISOString(),
    };
    this.messages.set(updated.id, updated);
    return updated;
  }

  // ---- REST --------------------------------------------------------------------------------

  /** Make the next request matching `matcher` fail (default: 429 rate limit with a 0.2 s Retry-After). */
  failNext(
    matcher: RouteMatcher,
    opts: { status?: number; retryAfter?: number; global?: boolean } = {},
  ): void {
    this.failures.push({
      matcher,
      status: opts.status ?? 429,
      retryAfter: opts.retryAfter ?? 0.2,
      global: opts.global ?? false,
    });
  }

  /**
   * Stop answering: from now on, requests matching `matcher` (default: every request) get no
   * response at all, as from a Discord that has stopped responding, until the fake stops.
   */
  hang(matcher: RouteMatcher = () => true): void {
    this.hangs.push(matcher);
  }

  private route(method: string, pattern: string, handler: Handler): void {
    const re = new RegExp(`^${pattern.replace(/:[a-z]+/gi, '([^/]+)')}$`);
    this.routes.push([method, re, handler]);
  }

  private defineRoutes(): void {
    const ok = (json?: unknown): Reply => (json === undefined ? { status: 204 } : { status: 200, json });
    const body = (rec: RecordedRequest) => (rec.body ?? {}) as FakeMessageBody;
    this.route('GET', '/gateway/bot', () =>
      ok({
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
      }),
    );
    this.route('GET', '/gateway', () => ok({ url: this.gatewayUrl }));
    this.route('GET', '/users/@me', () => ok(this.bot));
    this.route('GET', '/users/:id', ([id]) => {
      const u = [this.bot, ...this.users].find((x) => x.id === id);
      return u ? ok(u) : err(404, 10013, 'Unknown User');
    });
    this.route('GET', '/applications/@me', () =>
      ok({ id: this.applicationId, name: this.bot.username, flags: 0, bot: this.bot }),
    );
    for (const pattern of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
      this.route('PUT', pattern, ([app, guild], rec) => {
        if (app !== this.applicationId) return err(404, 10002, 'Unknown Application');
        const list = ((rec.body ?? []) as RESTPostAPIApplicationCommandsJSONBody[]).map((c) => ({
          type: ApplicationCommandType.ChatInput,
          description: '',
          default_member_permissions: null,
          nsfw: false,
          ...c,
          id: this.commandIdFor(c.name, guild) ?? snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          ...(guild ? { guild_id: guild } : {}),
        }));
        this.commands.set(guild ?? 'global', list);
        return ok(list);
      });
      this.route('GET', pattern, ([, guild]) => ok(this.commands.get(guild ?? 'global') ?? []));
    }
    this.route('POST', '/users/@me/channels', (_m, rec) => {
      const id = (rec.body as { recipient_id?: string } | undefined)?.recipient_id ?? '';
      return this.users.some((u) => u.id === id) ? ok(this.dmChannel(id)) : err(404, 10013, 'Unknown User');
    });
    this.route('GET', '/channels/:id', ([id = '']) => {
      const ch = this.dmById(id) ?? this.guildOfChannel(id)?.channels.find((c) => c.id === id);
      return ch ? ok(ch) : err(404, 10003, 'Unknown Channel');
    });
    this.route('POST', '/channels/:id/typing', () => ok());
    this.route('POST', '/channels/:id/messages', ([id = ''], rec) => {
      if (!this.dmById(id) && !this.guildOfChannel(id)) return err(404, 10003, 'Unknown Channel');
      rec.kind = 'channel-message';
      rec.message = this.botMessage(id, body(rec));
      return ok(rec.message);
    });
    this.route('GET', '/channels/:id/messages/:mid', ([, mid = '']) => {
      const m = this.messages.get(mid);
      return m ? ok(m) : err(404, 10008, 'Unknown Message');
    });
    this.route('PATCH', '/channels/:id/messages/:mid', ([, mid = ''], rec) => {
      const m = this.messages.get(mid);
      if (!m) return err(404, 10008, 'Unknown Message');
      rec.message = this.editMessage(m, body(rec));
      return ok(rec.message);
    });
    this.route('POST', '/interactions/:id/:token/callback', ([id = '', token], rec) =>
      this.onCallback(id, token, rec),
    );
    this.route('POST', '/webhooks/:app/:token', ([app, token], rec) => {
      const state = this.webhookState(app, token, rec);
      if (!state) return err(404, 10015, 'Unknown Webhook');
      rec.kind = 'followup';
      rec.message = this.botMessage(state.channelId, body(rec), {
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        interaction_metadata: this.interactionMetadata(state, state.originalId),
      });
      return rec.query.wait === 'true' ? ok(rec.message) : ok();
    });
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      this.route(method, '/webhooks/:app/:token/messages/:mid', ([app, token, mid], rec) => {
        const state = this.webhookState(app, token, rec);
        if (!state) return err(404, 10015, 'Unknown Webhook');
        const m = this.messages.get((mid === '@original' ? state.originalId : mid) ?? '');
        if (!m) return err(404, 10008, 'Unknown Message');
        if (method === 'GET') return ok(m);
        if (method === 'DELETE') {
          this.messages.delete(m.id);
          return ok();
        }
        rec.kind = 'edit';
        rec.message = this.editMessage(m, body(rec));
        return ok(rec.message);
      });
    }
  }

  /**
   * What Discord records on a message an interaction's response makes: the interaction and the
   * user who ran it (kept when the message is edited later).
   */
  private interactionMetadata(state: InteractionState, originalId?: string): APIMessageInteractionMetadata {
    const p = state.payload;
    const common = {
      id: p.id,
      user: (p.member?.user ?? p.user) as APIUser,
      authorizing_integration_owners: p.authorizing_integration_owners,
      ...(originalId ? { original_response_message_id: originalId } : {}),
    };
    return p.type === InteractionType.MessageComponent
      ? { ...common, type: p.type, interacted_message_id: p.message.id }
      : ({ ...common, type: InteractionType.ApplicationCommand } as APIMessageInteractionMetadata);
  }

  private webhookState(
    app: string | undefined,
    token: string | undefined,
    rec: RecordedRequest,
  ): InteractionState | undefined {
    if (app !== this.applicationId) return undefined;
    const state = [...this.interactions.values()].find((s) => s.payload.token === token);
    if (!state?.acked) return undefined;
    rec.interactionId = state.payload.id;
    return state;
  }

  private onCallback(id: string, token: string | undefined, rec: RecordedRequest): Reply {
    const state = this.interactions.get(id);
    const limit = this.opts.interactionTimeoutMs ?? 3000;
    if (!state || state.payload.token !== token || (limit > 0 && Date.now() - state.createdAt > limit)) {
      return err(404, 10062, 'Unknown interaction');
    }
    rec.interactionId = id;
    if (state.acked) return err(400, 40060, 'Interaction has already been acknowledged.');
    const cb = (rec.body ?? {}) as { type?: InteractionResponseType; data?: FakeMessageBody };
    const data = cb.data ?? {};
    const fromApp = {
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      interaction_metadata: this.interactionMetadata(state),
    };
    const component = 'message' in state.payload ? state.payload.message : undefined;
    const target = component && this.messages.get(component.id);
    switch (cb.type) {
      case InteractionResponseType.ChannelMessageWithSource:
        rec.message = this.botMessage(state.channelId, data, fromApp);
        break;
      case InteractionResponseType.DeferredChannelMessageWithSource:
        rec.message = this.botMessage(
          state.channelId,
          {},
          { ...fromApp, flags: MessageFlags.Loading | (data.flags ?? 0) },
        );
        break;
      case InteractionResponseType.DeferredMessageUpdate:
        rec.message = target;
        break;
      case InteractionResponseType.UpdateMessage:
        rec.message = target && this.editMessage(target, data);
        break;
      case InteractionResponseType.ApplicationCommandAutocompleteResult:
      case InteractionResponseType.Modal:
        break;
      default:
        return err(400, 50035, `Invalid Form Body (callback type ${String(cb.type)})`);
    }
    state.acked = true;
    state.originalId = rec.message?.id;
    rec.kind = 'callback';
    if (rec.query.with_response !== 'true') return { status: 204 };
    const flags = rec.message?.flags ?? 0;
    return {
      status: 200,
      json: {
        interaction: {
          id,
          type: state.payload.type,
          response_message_id: rec.message?.id,
          response_message_loading: (flags & MessageFlags.Loading) !== 0,
          response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
        },
        resource: { type: cb.type, ...(rec.message ? { message: rec.message } : {}) },
      },
    };
  }

  private async onHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.split('/').map(decodeURIComponent).join('/');
    const method = req.method ?? 'GET';
    const route = path.replace(/^\/api\/v\d+/, '');
    if (this.hangs.some((m) => matches(m, method, route))) {
      this.hung.push({ method, route });
      this.notify();
      return; // no response: stop() closes the connection
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const rec: RecordedRequest = {
      index: -1,
      method,
      path,
      route,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      files: [],
      status: 0,
    };
    const type = req.headers['content-type'] ?? '';
    let reply: Reply | undefined;
    try {
      if (type.startsWith('application/json') && raw.length) rec.body = JSON.parse(raw.toString('utf8'));
      else if (type.startsWith('multipart/form-data')) {
        const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
        for (const [field, value] of form) {
          if (typeof value === 'string') {
            if (field === 'payload_json') rec.body = JSON.parse(value);
          } else rec.files.push({ field, filename: value.name, size: value.size });
        }
      }
    } catch {
      reply = err(400, 50109, 'The request body contains invalid JSON.');
    }
    reply ??= this.handle(rec);
    rec.status = reply.status;
    rec.index = this.requests.length; // assigned at record time: bodies are read asynchronously
    this.requests.push(rec);
    if (reply.status === 404 && !this.routes.some(([m, re]) => m === method && re.test(rec.route)))
      this.unhandled.push(rec);
    if (reply.json === undefined) res.writeHead(reply.status, reply.headers ?? {}).end();
    else {
      const text = JSON.stringify(reply.json);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(text);
    }
    this.notify();
  }

  private handle(rec: RecordedRequest): Reply {
    const at = this.failures.findIndex((f) => matches(f.matcher, rec.method, rec.route));
    const failure = this.failures[at];
    if (failure) {
      this.failures.splice(at, 1);
      if (failure.status !== 429) return err(failure.status, 0, `Injected failure ${failure.status}`);
      const s = String(failure.retryAfter);
      return {
        status: 429,
        json: {
          message: 'You are being rate limited.',
          retry_after: failure.retryAfter,
          global: failure.global,
        },
        headers: {
          'retry-after': s,
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': s,
          'x-ratelimit-reset': String(Date.now() / 1000 + failure.retryAfter),
          'x-ratelimit-bucket': 'fake-bucket',
          'x-ratelimit-scope': failure.global ? 'global' : 'user',
          ...(failure.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
      };
    }
    for (const [method, re, handler] of this.routes) {
      const m = method === rec.method ? re.exec(rec.route) : null;
      if (m) return handler(m.slice(1), rec);
    }
    return err(404, 0, `404: Not Found (fake has no route ${rec.method} ${rec.route})`);
  }

  // ---- waiting -----------------------------------------------------------------------------

  private notify(): void {
    for (const check of [...this.waiters.keys()]) check();
  }

  /** Resolve with `check()`'s first non-undefined value (checked now and after every request / gateway message). */
  waitFor<T>(check: () => T | undefined, timeoutMs = 2000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(onChange);
      };
      const onChange = (): void => {
        const value = check();
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        const recent = this.requests.slice(-8).map((r) => `${r.method} ${r.route} -> ${r.status}`);
        reject(
          new Error(
            `FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}; last requests: ${recent.join(', ') || 'none'}`,
          ),
        );
      }, timeoutMs);
      this.waiters.set(onChange, (e) => (done(), reject(e)));
      onChange();
    });
  }

  /** First recorded request (past or future) matching `predicate`; filter on `r.index` to skip old ones. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 2000): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(predicate), timeoutMs, 'a matching request');
  }

  /** The raw interaction callback body `{type, data}`. */
  async waitForCallback(interactionId: string, timeoutMs = 2000): Promise<APIInteractionResponse> {
    const r = await this.waitForRequest(
      (x) => x.interactionId === interactionId && x.kind === 'callback' && x.status < 300,
      timeoutMs,
    );
    return r.body as APIInteractionResponse;
  }

  /** First visible answer to an interaction: a non-deferred callback, else the edit / follow-up after the deferral. */
  waitForReply(interactionId: string, timeoutMs = 2000): Promise<BotReply> {
    const deferred = [
      InteractionResponseType.DeferredChannelMessageWithSource,
      InteractionResponseType.DeferredMessageUpdate,
    ];
    return this.waitFor(
      () => {
        for (const r of this.requests) {
          if (r.interactionId !== interactionId || !r.kind || r.status >= 300) continue;
          if (r.kind !== 'callback') return toReply(r);
          const type = (r.body as { type?: InteractionResponseType } | undefined)?.type;
          if (type !== undefined && !deferred.includes(type)) return toReply(r);
        }
        return undefined;
      },
      timeoutMs,
      `a reply to interaction ${interactionId}`,
    );
  }

  /** First message the bot POSTed to a channel (requests with index >= `since`). */
  async waitForChannelMessage(
    channelId: string,
    opts: { timeoutMs?: number; since?: number } = {},
  ): Promise<BotReply> {
    const r = await this.waitForRequest(
      (x) =>
        x.kind === 'channel-message' &&
        x.status < 300 &&
        x.message?.channel_id === channelId &&
        x.index >= (opts.since ?? 0),
      opts.timeoutMs ?? 2000,
    );
    return toReply(r);
  }
}

function toReply(r: RecordedRequest): BotReply {
  const kind = r.kind ?? 'channel-message';
  if (kind !== 'callback')
    return { kind, body: r.body, data: (r.body ?? {}) as FakeMessageBody, message: r.message, request: r };
  const cb = r.body as { type: InteractionResponseType; data?: FakeMessageBody };
  return { kind, body: r.body, callbackType: cb.type, data: cb.data ?? {}, message: r.message, request: r };
}

function matches(matcher: RouteMatcher, method: string, route: string): boolean {
  if (typeof matcher === 'function') return matcher({ method, route });
  if (matcher instanceof RegExp) return matcher.test(`${method} ${route}`);
  const [m, p] = matcher.includes(' ') ? matcher.split(' ', 2) : [undefined, matcher];
  if (m && m.toUpperCase() !== method) return false;
  const re = new RegExp(
    `^${(p ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/(:[a-z]+|\*)/gi, '[^/]+')}$`,
  );
  return re.test(route);
}
