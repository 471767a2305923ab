/**
 * The one place a Discord reply is built. Every reply leaving the bot goes through here:
 * Discord's length limits with graceful truncation, no link previews, and allowedMentions that
 * let nothing ping except an explicitly chosen user.
 */
import { ButtonStyle, ComponentType, MessageFlags } from 'discord.js';
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  InteractionReplyOptions,
  MessageMentionOptions,
  MessageReplyOptions,
} from 'discord.js';
import { citationTitle, truncate } from '../engine/render.ts';

// Pure text helpers live with the engine's renderer; commands import them from here too.
export { citationTitle, truncate };
import type { Answer, AnsweredFact } from '../engine/types.ts';
import { makeCustomId } from './custom-id.ts';

/** Discord's documented limits. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embedTotal: 6000,
  embeds: 10,
} as const;

export const COLOURS = {
  answer: 0x2f855a,
  disagreement: 0xd69e2e,
  noMatch: 0x718096,
  error: 0xc53030,
} as const;

export interface ReplyOptions {
  /** Reply only to the asker (ephemeral). */
  hide?: boolean;
  /** A user the answer is addressed to: the only one who may be pinged. */
  mentionUserId?: string | undefined;
  /**
   * The stored answer's id (answerReply only): adds the 👍 / 👎 feedback row. Defaults to the
   * `answerId` that ctx.ask puts on its answers; null or absent (storage down, no store) → no buttons.
   */
  feedbackId?: string | null | undefined;
}

/** A reply before it is shaped for an interaction or a message. */
export interface Reply {
  content?: string;
  embeds: APIEmbed[];
  ephemeral: boolean;
  allowedMentions: MessageMentionOptions;
  components?: InteractionReplyOptions['components'];
}

/** Nothing in a reply may ping, except the one user it is addressed to. */
export function mentionsFor(mentionUserId?: string): MessageMentionOptions {
  return { parse: [], users: mentionUserId ? [mentionUserId] : [], roles: [], repliedUser: false };
}

/** Stops a user's own text from becoming markdown links, mass mentions or code blocks. */
export function escapeUserText(text: string): string {
  return text.replace(/([\\*_~`|>[\]()])/g, '\\$1').replace(/@(everyone|here)/g, '@\u200b$1');
}

function quoteBlock(quote: string): string {
  return `> ${quote.replace(/\s+/g, ' ').trim()}`;
}

function sourceField(f: AnsweredFact, index: number, count: number): { name: string; value: string } {
  const c = f.citation;
  const name = count > 1 ? `[${index + 1}] ${citationTitle(c)}` : `Source: ${citationTitle(c)}`;
  return { name: truncate(name, LIMITS.fieldName), value: truncate(quoteBlock(c.quote), LIMITS.fieldValue) };
}

/** Keeps an embed within Discord's 6,000-character total by trimming fields from the end. */
function fitEmbed(embed: APIEmbed): APIEmbed {
  const size = (e: APIEmbed) =>
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  const fields = (embed.fields ?? []).slice(0, LIMITS.fields).map((f) => ({
    ...f,
    name: truncate(f.name, LIMITS.fieldName),
    value: truncate(f.value, LIMITS.fieldValue),
  }));
  const fitted: APIEmbed = { ...embed, fields };
  if (fitted.title) fitted.title = truncate(fitted.title, LIMITS.embedTitle);
  if (fitted.description) fitted.description = truncate(fitted.description, LIMITS.embedDescription);
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: truncate(fitted.footer.text, LIMITS.footer) };
  while (size(fitted) > LIMITS.embedTotal && fields.length > 0) fields.pop();
  if (size(fitted) > LIMITS.embedTotal && fitted.description) {
    fitted.description = truncate(
      fitted.description,
      Math.max(1, fitted.description.length - (size(fitted) - LIMITS.embedTotal)),
    );
  }
  return fitted;
}

/** The embed for an answer: the answer, then each citation with its quote. */
export function answerEmbed(answer: Answer): APIEmbed {
  if (answer.status === 'no_match') {
    const lines = [answer.answer, ...answer.suggestions.map((s) => `• ${s}`)];
    // A near miss: what the material does say instead, with its citation.
    const related = answer.related;
    return fitEmbed({
      color: COLOURS.noMatch,
      description: truncate(lines.join('\n'), LIMITS.embedDescription),
      ...(related ? { fields: [sourceField(related, 0, 1)] } : {}),
    });
  }
  const corrections =
    answer.corrections.length > 0
      ? `*Read ${answer.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')}.*\n`
      : '';
  const note = answer.note ? `\n*${answer.note}*` : '';
  const embed: APIEmbed = {
    color: answer.kind === 'disagreement' ? COLOURS.disagreement : COLOURS.answer,
    description: truncate(`${corrections}${answer.answer}${note}`, LIMITS.embedDescription),
    fields: answer.facts.map((f, i) => sourceField(f, i, answer.facts.length)),
    footer: { text: truncate(`facts: ${answer.factIds.join(', ')} · score ${answer.score}`, LIMITS.footer) },
  };
  return fitEmbed(embed);
}

/** The custom-id prefix of the feedback buttons (handled by src/discord/feedback.ts). */
export const FEEDBACK_PREFIX = 'fb';
export const FEEDBACK_EMOJI = { up: '👍', down: '👎' } as const;
export type FeedbackDirection = keyof typeof FEEDBACK_EMOJI;

/** One action row with 👍 and 👎, custom ids `fb:up|down:<answerId>:<issued-at>`. */
export function feedbackRow(
  answerId: string,
  now = Date.now(),
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const button = (direction: FeedbackDirection): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: makeCustomId(FEEDBACK_PREFIX, [direction, answerId], now),
    emoji: { name: FEEDBACK_EMOJI[direction] },
  });
  return { type: ComponentType.ActionRow, components: [button('up'), button('down')] };
}

/**
 * An answer (answered or "not covered"). With a feedback id (options.feedbackId, else the answer's
 * own `answerId` from ctx.ask) it carries the 👍 / 👎 row — hidden (ephemeral) replies too: a vote
 * from the only person who saw the answer is as useful as any.
 */
export function answerReply(
  answer: Answer & { readonly answerId?: string | null },
  options: ReplyOptions = {},
): Reply {
  const reply = embedsReply([answerEmbed(answer)], options);
  const feedbackId = options.feedbackId !== undefined ? options.feedbackId : answer.answerId;
  return feedbackId ? { ...reply, components: [feedbackRow(feedbackId)] } : reply;
}

/** A reply of several embeds (lists such as /mou or /sources), at most ten. */
export function embedsReply(embeds: APIEmbed[], options: ReplyOptions = {}): Reply {
  return {
    ...(options.mentionUserId ? { content: `<@${options.mentionUserId}>` } : {}),
    embeds: embeds.slice(0, LIMITS.embeds).map(fitEmbed),
    ephemeral: options.hide ?? false,
    allowedMentions: mentionsFor(options.mentionUserId),
  };
}

/** Plain text (help, notices): truncated to 2,000 characters, no previews, no pings. */
export function textReply(text: string, options: ReplyOptions = {}): Reply {
  const prefix = options.mentionUserId ? `<@${options.mentionUserId}> ` : '';
  return {
    content: truncate(prefix + text, LIMITS.content),
    embeds: [],
    ephemeral: options.hide ?? false,
    allowedMentions: mentionsFor(options.mentionUserId),
  };
}

/** Errors are always private to the one who hit them. */
export function errorReply(message: string): Reply {
  return {
    embeds: [{ color: COLOURS.error, description: truncate(message, LIMITS.embedDescription) }],
    ephemeral: true,
    allowedMentions: mentionsFor(),
  };
}

/** Shapes a reply for interaction.reply / followUp / editReply. */
export function toInteractionReply(reply: Reply): InteractionReplyOptions & { flags?: number } {
  let flags = 0;
  if (reply.ephemeral) flags |= MessageFlags.Ephemeral;
  if (reply.embeds.length === 0) flags |= MessageFlags.SuppressEmbeds;
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    allowedMentions: reply.allowedMentions,
    ...(reply.components ? { components: reply.components } : {}),
    ...(flags ? { flags } : {}),
  };
}

/** Shapes a reply for message.reply (free text). Messages cannot be ephemeral. */
export function toMessageReply(reply: Reply): MessageReplyOptions {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    allowedMentions: reply.allowedMentions,
    ...(reply.components ? { components: reply.components } : {}),
    ...(reply.embeds.length === 0 ? { flags: MessageFlags.SuppressEmbeds } : {}),
    failIfNotExists: false,
  };
}
