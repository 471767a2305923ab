import { describe, expect, it } from 'vitest';
import { ComponentType } from 'discord.js';
import { parseCustomId } from '../../src/discord/custom-id.ts';
import {
  FEEDBACK_NOT_SAVED,
  LOW_CONFIDENCE_SCORE,
  channelKindOf,
  feedbackText,
  isLowConfidence,
} from '../../src/discord/feedback.ts';
import { answerReply, feedbackRow, toInteractionReply, toMessageReply } from '../../src/discord/reply.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';

const engine = fixtureEngine();

describe('feedback buttons and messages', () => {
  it('builds one row of 👍 and 👎 whose custom ids carry the direction and the answer id', () => {
    const row = feedbackRow('abcDEF123_-x', 1_700_000_000_000);
    expect(row.type).toBe(ComponentType.ActionRow);
    const ids = row.components.map((b) => ('custom_id' in b ? parseCustomId(b.custom_id) : null));
    expect(ids).toEqual([
      { prefix: 'fb', args: ['up', 'abcDEF123_-x'], issuedAt: 1_700_000_000_000 },
      { prefix: 'fb', args: ['down', 'abcDEF123_-x'], issuedAt: 1_700_000_000_000 },
    ]);
    expect(row.components.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
  });

  it('adds the row to an answer with an id (the answer’s own or an option), hidden or not, and not without one', () => {
    const answer = engine.answer('Who is Kaveh Nouri?');
    expect(answerReply(answer).components).toBeUndefined();
    expect(answerReply({ ...answer, answerId: null }).components).toBeUndefined();
    expect(answerReply({ ...answer, answerId: 'id1' }).components).toHaveLength(1);
    expect(answerReply(answer, { feedbackId: 'id2', hide: true }).components).toHaveLength(1);
    expect(answerReply({ ...answer, answerId: 'id1' }, { feedbackId: null }).components).toBeUndefined();
    const reply = answerReply(answer, { feedbackId: 'id3' });
    expect(toInteractionReply(reply).components).toHaveLength(1);
    expect(toMessageReply(reply).components).toHaveLength(1);
  });

  it('words the reply to a click for each outcome', () => {
    expect(feedbackText({ changed: true }, 'up')).toBe('Thanks — recorded 👍');
    expect(feedbackText({ changed: true, previous: 1 }, 'down')).toBe('Changed your vote to 👎');
    expect(feedbackText({ changed: false, previous: 1 }, 'up')).toBe('You already voted 👍');
    expect(feedbackText(null, 'up')).toBe(FEEDBACK_NOT_SAVED);
  });

  it('flags answered questions below the confidence line, never refusals, and tells DMs from servers', () => {
    expect(isLowConfidence({ status: 'answered', score: LOW_CONFIDENCE_SCORE - 0.01 })).toBe(true);
    expect(isLowConfidence({ status: 'answered', score: LOW_CONFIDENCE_SCORE })).toBe(false);
    expect(isLowConfidence({ status: 'no_match', score: 0.2 })).toBe(false);
    expect(channelKindOf({ guildId: '123456789012345678' })).toBe('guild');
    expect(channelKindOf({ guildId: null })).toBe('dm');
  });
});
