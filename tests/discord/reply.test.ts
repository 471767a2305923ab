import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import {
  LIMITS,
  answerReply,
  embedsReply,
  errorReply,
  mentionsFor,
  textReply,
  toInteractionReply,
  toMessageReply,
  truncate,
} from '../../src/discord/reply.ts';
import { Engine } from '../../src/engine/engine.ts';
import { answerEmbed } from '../../src/discord/reply.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const engine = fixtureEngine();

describe('the reply builder', () => {
  it('leaves text within a limit untouched and cuts longer text at a word with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('word '.repeat(100), 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('…')).toBe(true);
    expect(truncate('x'.repeat(300), 100)).toHaveLength(100);
  });

  it('truncates plain text to 2,000 characters', () => {
    const reply = textReply('a '.repeat(3000));
    expect(reply.content?.length).toBeLessThanOrEqual(LIMITS.content);
  });

  it('keeps every embed within the description, field and total limits and at most ten embeds', () => {
    const long = 'lorem ipsum '.repeat(1000);
    const embed = {
      description: long,
      fields: Array.from({ length: 40 }, (_, i) => ({
        name: `f${i}`,
        value: long.slice(0, LIMITS.fieldValue),
      })),
    };
    const reply = embedsReply(Array.from({ length: 12 }, () => embed));
    expect(reply.embeds).toHaveLength(LIMITS.embeds);
    for (const e of reply.embeds) {
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      const size =
        (e.description?.length ?? 0) +
        (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(size).toBeLessThanOrEqual(LIMITS.embedTotal);
    }
  });

  it('never lets a reply parse everyone, here, roles or users', () => {
    for (const reply of [
      textReply('@everyone <@&123456789012345678> hi'),
      answerReply(engine.answer('@everyone who is Kaveh Nouri?')),
      errorReply('@here oops'),
    ]) {
      expect(reply.allowedMentions.parse).toEqual([]);
      expect(reply.allowedMentions.roles).toEqual([]);
      expect(reply.allowedMentions.users).toEqual([]);
      expect(reply.allowedMentions.repliedUser).toBe(false);
    }
  });

  it('pings only the chosen user when a reply is addressed to one', () => {
    const id = '123456789012345678';
    const reply = answerReply(engine.answer('Who is Kaveh Nouri?'), { mentionUserId: id });
    expect(reply.content).toBe(`<@${id}>`);
    expect(reply.allowedMentions).toEqual(mentionsFor(id));
    expect(reply.allowedMentions.users).toEqual([id]);
    expect(reply.allowedMentions.parse).toEqual([]);
  });

  it('cites the article and quotes the sentence in an answer embed', () => {
    const reply = answerReply(engine.answer('Who is Kaveh Nouri?'));
    const embed = reply.embeds[0];
    expect(embed?.description).toContain('Kaveh Nouri');
    expect(embed?.fields?.[0]?.name).toContain('Fixture Times');
    expect(embed?.fields?.[0]?.value.startsWith('> ')).toBe(true);
  });

  it('makes errors ephemeral and hidden replies carry the ephemeral flag', () => {
    const error = toInteractionReply(errorReply('boom'));
    expect((error.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const hidden = toInteractionReply(textReply('x', { hide: true }));
    expect((hidden.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const shown = toInteractionReply(answerReply(engine.answer('georgia mou')));
    expect((shown.flags ?? 0) & MessageFlags.Ephemeral).toBe(0);
  });

  it('shapes message replies without pinging the replied-to user', () => {
    const reply = toMessageReply(answerReply(engine.answer('georgia mou')));
    expect(reply.allowedMentions?.repliedUser).toBe(false);
    expect(reply.failIfNotExists).toBe(false);
  });

  it('shows a near miss’s refusal with the citation of what the material does say', () => {
    const refusal = new Engine(miniKb()).answer('how many widget factories were there in 2019?');
    expect(refusal.status).toBe('no_match');
    const embed = answerEmbed(refusal);
    expect(embed.description).toMatch(/What it does say/);
    expect(embed.fields?.[0]?.value).toMatch(/widget factories/);
  });
});
