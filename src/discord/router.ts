/**
 * Routes Discord events to the bot's behaviour: slash commands and their autocomplete, and free-text
 * questions (when @mentioned, in DMs, and in the configured answer channels). A handler that throws
 * gets an ephemeral error and a log line; the bot carries on.
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  Message,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import type { Metrics, QuestionOutcome, QuestionSourceLabel } from '../observability/metrics.ts';
import type { AskedAnswer, ButtonHandler, Command, CommandContext } from './command.ts';
import { isExpired, parseCustomId } from './custom-id.ts';
import type { Cooldown } from './cooldown.ts';
import { answerReply, errorReply, textReply, toInteractionReply, toMessageReply } from './reply.ts';

export interface RouterOptions {
  commands: readonly Command[];
  ctx: CommandContext;
  logger: Logger;
  cooldown: Cooldown;
  /** The bot's own user id (known once logged in). */
  botUserId: () => string | undefined;
  /** Channels where every message is read as a question. */
  answerChannelIds?: readonly string[];
  /**
   * Button handlers that belong to no command, by custom-id prefix. A Map: the prefix comes from
   * the click, and a plain object would find `constructor` or `__proto__` in it.
   */
  buttonHandlers?: ReadonlyMap<string, ButtonHandler>;
  /** The clock, for button expiry (tests move it). */
  now?: () => number;
  /** Counts questions (outcome, source, latency) and cooldown hits. */
  metrics?: Metrics;
}

export interface Router {
  onInteraction(interaction: Interaction): Promise<void>;
  onMessage(message: Message): Promise<void>;
}

export const UNKNOWN_COMMAND = 'I do not know that command (it may have been removed). Try `/help`.';
export const EXPIRED_BUTTON = 'This button has expired. Run the command again for fresh buttons.';
export const UNKNOWN_BUTTON =
  'I do not know that button (it may be from another version of the bot). Try `/help`.';
export const ERROR_MESSAGE = 'Something went wrong while answering. It has been logged; please try again.';

export function cooldownNotice(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are asking quickly: please wait ${seconds} s before the next question.`;
}

export function createRouter(options: RouterOptions): Router {
  const { ctx, logger, cooldown, metrics } = options;
  const commands = new Map(options.commands.map((c) => [c.data.name, c]));
  const answerChannels = new Set(options.answerChannelIds ?? []);

  /**
   * Runs one event's handling with a context whose `ask` notes each question; when it ends, each
   * counts as answered, refused (not covered) or error (the handler failed), timed from the start.
   * A question `skip` returns true for (chatter the bot stays silent on) is not counted.
   */
  async function measured(
    source: QuestionSourceLabel,
    run: (c: CommandContext) => Promise<void>,
    skip: (answer: AskedAnswer) => boolean = () => false,
  ): Promise<void> {
    if (!metrics) return run(ctx);
    const started = performance.now();
    const asked: (AskedAnswer | 'error')[] = [];
    const scoped = Object.create(ctx, {
      ask: {
        value: (...args: Parameters<CommandContext['ask']>) => {
          try {
            const answer = ctx.ask(...args);
            asked.push(answer);
            return answer;
          } catch (err) {
            asked.push('error');
            throw err;
          }
        },
      },
    }) as CommandContext;
    let failed = false;
    try {
      await run(scoped);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      for (const a of asked) {
        if (a !== 'error' && skip(a)) continue;
        const outcome: QuestionOutcome =
          failed || a === 'error' ? 'error' : a.status === 'answered' ? 'answered' : 'refused';
        metrics.question(source, outcome, seconds);
      }
    }
  }

  /** The ephemeral error, as a reply or a follow-up, whichever the interaction's state needs. */
  async function sendErrorReply(interaction: ChatInputCommandInteraction | ButtonInteraction): Promise<void> {
    const reply = toInteractionReply(errorReply(ERROR_MESSAGE));
    try {
      if (interaction.replied || interaction.deferred) await interaction.followUp(reply);
      else await interaction.reply(reply);
    } catch (replyErr) {
      logger.error('could not send the error reply', { err: replyErr, interactionId: interaction.id });
    }
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    if (!command) {
      logger.warn('unknown command', { command: interaction.commandName, userId: interaction.user.id });
      await interaction.reply(toInteractionReply(textReply(UNKNOWN_COMMAND, { hide: true })));
      return;
    }
    const allowed = cooldown.take(interaction.user.id);
    if (!allowed.ok) {
      metrics?.cooldownHit('command');
      // A command must be answered (else Discord shows "did not respond"); the notice is private.
      await interaction.reply(
        toInteractionReply(textReply(cooldownNotice(allowed.retryAfterMs), { hide: true })),
      );
      return;
    }
    try {
      await measured('command', (c) => command.execute(interaction, c));
    } catch (err) {
      logger.error('command failed', {
        err,
        command: interaction.commandName,
        options: interaction.options.data.map((o) => ({ name: o.name, value: o.value })),
        userId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        interactionId: interaction.id,
      });
      await sendErrorReply(interaction);
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commands.get(interaction.commandName);
    try {
      if (!command?.autocomplete) await interaction.respond([]);
      else await command.autocomplete(interaction, ctx);
    } catch (err) {
      logger.error('autocomplete failed', {
        err,
        command: interaction.commandName,
        userId: interaction.user.id,
        interactionId: interaction.id,
      });
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const parsed = parseCustomId(interaction.customId);
    const now = (options.now ?? Date.now)();
    const command = parsed ? commands.get(parsed.prefix) : undefined;
    const handler: ButtonHandler | undefined = parsed
      ? (options.buttonHandlers?.get(parsed.prefix) ??
        (command?.button ? (i, args, c) => command.button!(i, args, c) : undefined))
      : undefined;
    if (!parsed || !handler) {
      logger.debug('unknown button', { customId: interaction.customId, userId: interaction.user.id });
      await interaction.reply(toInteractionReply(textReply(UNKNOWN_BUTTON, { hide: true })));
      return;
    }
    if (isExpired(parsed, now)) {
      await interaction.reply(toInteractionReply(textReply(EXPIRED_BUTTON, { hide: true })));
      return;
    }
    try {
      await handler(interaction, parsed.args, ctx);
    } catch (err) {
      logger.error('button failed', { err, customId: interaction.customId, userId: interaction.user.id });
      await sendErrorReply(interaction);
    }
  }

  async function onMessage(message: Message): Promise<void> {
    const botId = options.botUserId();
    if (!botId || message.author.bot || message.author.id === botId || message.system) return;
    const dm = !message.inGuild();
    const mentioned = message.mentions.users.has(botId);
    const inAnswerChannel = answerChannels.has(message.channelId);
    if (!dm && !mentioned && !inAnswerChannel) return;
    const addressed = dm || mentioned;

    const question = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
    if (!addressed && question === '') return;
    const source: QuestionSourceLabel = dm ? 'dm' : mentioned ? 'mention' : 'channel';
    /** Tells the user to wait: publicly, once a cooldown window; later refusals in it stay silent. */
    const refuse = async (refusal: { retryAfterMs: number; notify: boolean }) => {
      metrics?.cooldownHit(source);
      if (refusal.notify)
        await message.reply(toMessageReply(textReply(cooldownNotice(refusal.retryAfterMs))));
    };
    // In an answer channel, chatter the material does not cover is not for the bot (nor counted).
    const chatter = (answer: AskedAnswer) => !addressed && answer.status === 'no_match';
    try {
      // A question addressed to the bot counts at once; one in an answer channel only if it is answered.
      const early = addressed ? cooldown.take(message.author.id) : undefined;
      if (early && !early.ok) return await refuse(early);
      let refused = false;
      await measured(
        source,
        async (c) => {
          const answer = c.ask(
            question,
            {
              via: 'message',
              name: source,
              userId: message.author.id,
              guildId: message.guildId,
              channelId: message.channelId,
            },
            { recordUnanswered: addressed },
          );
          if (chatter(answer)) return;
          const allowed = early ?? cooldown.take(message.author.id);
          if (!allowed.ok) {
            refused = true;
            return await refuse(allowed);
          }
          await message.reply(toMessageReply(answerReply(answer)));
        },
        (answer) => chatter(answer) || refused,
      );
    } catch (err) {
      logger.error('message reply failed', {
        err,
        messageId: message.id,
        channelId: message.channelId,
        userId: message.author.id,
      });
    }
  }

  return {
    async onInteraction(interaction) {
      try {
        if (interaction.isAutocomplete()) await onAutocomplete(interaction);
        else if (interaction.isChatInputCommand()) await onCommand(interaction);
        else if (interaction.isButton()) await onButton(interaction);
      } catch (err) {
        logger.error('interaction failed', { err, interactionId: interaction.id, type: interaction.type });
      }
    },
    onMessage,
  };
}
