/**
 * Feedback and unanswered questions: every question ctx.ask answers (or refuses) is stored, and the
 * 👍 / 👎 buttons under each answer (see feedbackRow in reply.ts) record a vote on it. Storage never
 * stops the bot answering: without a store, or while it is down, questions go unrecorded, answers
 * carry no buttons, and a click says the feedback could not be saved.
 */
import type { Config } from '../config.ts';
import type { Answer } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import { openStore, type ChannelKind, type Store, type VoteValue } from '../storage/store.ts';
import type { ButtonHandler, QuestionSource } from './command.ts';
import { FEEDBACK_EMOJI, textReply, toInteractionReply, type FeedbackDirection } from './reply.ts';

/**
 * An answer scoring below this is stored as low-confidence and listed by `kb:gaps` with the
 * unanswered questions (the engine answers from 0.74, so this flags the band just above it).
 */
export const LOW_CONFIDENCE_SCORE = 0.85;

export const FEEDBACK_NOT_SAVED = 'Feedback could not be saved right now.';

export const feedbackMessages = {
  recorded: (emoji: string) => `Thanks — recorded ${emoji}`,
  changed: (emoji: string) => `Changed your vote to ${emoji}`,
  same: (emoji: string) => `You already voted ${emoji}`,
} as const;

/**
 * The feedback store of the bot: config.DATABASE_PATH, keyed with FEEDBACK_HASH_KEY, questions kept
 * RETENTION_DAYS when set. Never throws.
 */
export function openFeedbackStore(config: Config, logger: Logger): Store {
  return openStore({
    path: config.DATABASE_PATH,
    hashKey: config.FEEDBACK_HASH_KEY,
    logger,
    retentionDays: config.RETENTION_DAYS,
  });
}

/** 'guild' for a server channel, 'dm' for a direct message. */
export function channelKindOf(source: Pick<QuestionSource, 'guildId'>): ChannelKind {
  return source.guildId ? 'guild' : 'dm';
}

export function isLowConfidence(answer: Pick<Answer, 'status' | 'score'>): boolean {
  return answer.status === 'answered' && answer.score < LOW_CONFIDENCE_SCORE;
}

/**
 * Stores one asked question; its id, or null when there is nothing to store (no store, an empty or
 * wordless message, chatter not to be recorded) or storage is down.
 */
export function recordQuestion(
  store: Store | undefined,
  question: string,
  answer: Answer,
  source: QuestionSource,
  options: { recordUnanswered?: boolean; logger: Logger },
): string | null {
  if (!store) return null;
  if (answer.problem === 'empty' || answer.problem === 'no_words') return null;
  if (answer.status === 'no_match' && options.recordUnanswered === false) return null;
  try {
    return store.recordAnswer({
      question,
      answer,
      channelKind: channelKindOf(source),
      lowConfidence: isLowConfidence(answer),
    });
  } catch (err) {
    // The store reports its own outages and returns null; this is only a last guard.
    options.logger.error('recording the question failed', { err });
    return null;
  }
}

const VOTES: Record<FeedbackDirection, VoteValue> = { up: 1, down: -1 };

/** The reply to a click on 👍 / 👎 for a vote result (null: not saved). */
export function feedbackText(
  result: { changed: boolean; previous?: VoteValue } | null,
  direction: FeedbackDirection,
): string {
  const emoji = FEEDBACK_EMOJI[direction];
  if (!result) return FEEDBACK_NOT_SAVED;
  if (!result.changed) return feedbackMessages.same(emoji);
  return result.previous === undefined ? feedbackMessages.recorded(emoji) : feedbackMessages.changed(emoji);
}

/**
 * The 'fb' button handler: `fb:up|down:<answerId>` stores the clicking user's vote (hashed user id,
 * one per user and answer, a second click replaces it) and answers only that user.
 */
export function feedbackButton(store: Store | undefined): ButtonHandler {
  return async (interaction, args, ctx) => {
    const [direction, answerId] = args;
    let result: ReturnType<Store['vote']> = null;
    if (store && (direction === 'up' || direction === 'down') && answerId) {
      try {
        result = store.vote(answerId, interaction.user.id, VOTES[direction]);
      } catch (err) {
        ctx.logger.error('storing a vote failed', { err, answerId });
      }
    } else if (direction !== 'up' && direction !== 'down') {
      ctx.logger.debug('malformed feedback button', { customId: interaction.customId });
    }
    if (result?.changed)
      ctx.logger.info('feedback', { answerId, vote: direction, changed: result.previous !== undefined });
    const text = feedbackText(result, direction === 'down' ? 'down' : 'up');
    await interaction.reply(toInteractionReply(textReply(text, { hide: true })));
  };
}
