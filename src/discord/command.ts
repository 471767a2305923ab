/**
 * What a slash command is, and the options every answering command shares: `hide` (reply only to
 * the asker) and `mention` (the one user the reply may ping).
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBooleanOption,
  SlashCommandUserOption,
} from 'discord.js';
import type { Engine } from '../engine/engine.ts';
import type { Answer } from '../engine/types.ts';
import type { KnowledgeReloader } from '../knowledge/reloader.ts';
import type { Logger } from '../logger.ts';
import type { ReplyOptions } from './reply.ts';

/** Where a question came from, for the log line of each answered question. */
export interface QuestionSource {
  via: 'command' | 'message';
  /** The command name, or the kind of message (mention, dm, channel). */
  name: string;
  userId: string;
  guildId: string | null;
  channelId: string | null;
}

/** An answer from ctx.ask, with the id it was stored under. */
export interface AskedAnswer extends Answer {
  /** The stored record's id (for the 👍 / 👎 buttons); null when not stored (no store, storage down). */
  readonly answerId: string | null;
}

export interface AskOptions {
  /**
   * Store the question even when the material does not cover it (default true). The answer channels'
   * chatter the bot stays silent on passes false, so it does not crowd the unanswered list.
   */
  recordUnanswered?: boolean;
}

export interface CommandContext {
  /** The engine in use now (a getter: it can be swapped, e.g. after the knowledge base is reloaded). */
  readonly engine: Engine;
  readonly logger: Logger;
  /** The reloadable knowledge base behind `engine` (/reload), when the bot has one. */
  readonly reloader?: KnowledgeReloader | undefined;
  /**
   * Answers a question with the engine, logs one structured line for it and stores it (answered or
   * not) for feedback and the gaps report. answerReply(answer) then carries the feedback buttons.
   */
  ask(question: string, source: QuestionSource, options?: AskOptions): AskedAnswer;
}

export interface Command {
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /**
   * Clicks on this command's buttons: custom ids made with makeCustomId(<command name>, args).
   * The router has already checked that the button has not expired.
   */
  button?(interaction: ButtonInteraction, args: string[], ctx: CommandContext): Promise<void>;
}

/** A button handler that belongs to no command (e.g. feedback on any answer), by custom-id prefix. */
export type ButtonHandler = (
  interaction: ButtonInteraction,
  args: string[],
  ctx: CommandContext,
) => Promise<void>;

export const HIDE_OPTION = 'hide';
export const MENTION_OPTION = 'mention';

/** `.addBooleanOption(hideOption)` */
export function hideOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option.setName(HIDE_OPTION).setDescription('Show the reply only to you');
}

/** `.addUserOption(mentionOption)` */
export function mentionOption(option: SlashCommandUserOption): SlashCommandUserOption {
  return option
    .setName(MENTION_OPTION)
    .setDescription('Address the reply to this user (the only one pinged)');
}

/** Reads `hide` and `mention`. A hidden reply pings nobody: only the asker sees it. */
export function readReplyOptions(interaction: ChatInputCommandInteraction): ReplyOptions {
  const hide = interaction.options.getBoolean(HIDE_OPTION) ?? false;
  const mention = interaction.options.getUser(MENTION_OPTION);
  return { hide, mentionUserId: hide || !mention || mention.bot ? undefined : mention.id };
}

/** The source of a slash-command question, for logging. */
export function commandSource(interaction: ChatInputCommandInteraction): QuestionSource {
  return {
    via: 'command',
    name: interaction.commandName,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
  };
}
