/** /mou [partner] — the memorandums of understanding in the material, each with its key facts and sources. */
import Fuse from 'fuse.js';
import { SlashCommandBuilder } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { matchStrings } from '../src/discord/autocomplete.ts';
import { hideOption, mentionOption, readReplyOptions } from '../src/discord/command.ts';
import type { Command } from '../src/discord/command.ts';
import {
  COLOURS,
  LIMITS,
  citationTitle,
  embedsReply,
  textReply,
  toInteractionReply,
  truncate,
} from '../src/discord/reply.ts';
import type { Engine } from '../src/engine/engine.ts';
import type { Fact } from '../src/engine/types.ts';

/** The agreements: their topic in knowledge/topics.yaml and who the partner is, in a few words. */
export const MOUS = [
  { topic: 'armenia-mou', partner: 'Armenia (Investor Support Center)' },
  { topic: 'korea-mou', partner: 'South Korea' },
  { topic: 'sme-day-mous', partner: 'Iranian bodies (National SMEs Day 2020)' },
] as const;

const KEY_FACTS = 6;

interface Agreement {
  topic: string;
  partner: string;
  title: string;
  facts: Fact[];
}

export function agreements(engine: Engine): Agreement[] {
  return MOUS.flatMap(({ topic, partner }) => {
    const t = engine.topics.get(topic);
    const facts = engine.facts.filter((f) => f.topic === topic);
    return t && facts.length > 0 ? [{ topic, partner, title: t.title, facts }] : [];
  });
}

/** The agreements whose partner, title, entities or answers match the text. */
export function matchAgreements(list: Agreement[], partner: string): Agreement[] {
  const docs = list.map((a) => ({
    topic: a.topic,
    partner: a.partner,
    title: a.title,
    entities: [...new Set(a.facts.flatMap((f) => f.entities))],
    answers: a.facts.map((f) => f.answer),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'partner', weight: 3 },
      { name: 'title', weight: 2 },
      { name: 'entities', weight: 2 },
      { name: 'answers', weight: 1 },
    ],
    threshold: 0.3,
    ignoreLocation: true,
    includeScore: true,
  });
  const hits = fuse.search(partner.trim().slice(0, 100));
  const best = hits[0]?.score ?? 1;
  // Keep close runners-up (a name both agreements mention) but not distant ones.
  const topics = new Set(hits.filter((h) => (h.score ?? 1) <= best + 0.1).map((h) => h.item.topic));
  return list.filter((a) => topics.has(a.topic));
}

export function agreementEmbed(engine: Engine, a: Agreement): APIEmbed {
  const facts = a.facts.slice(0, KEY_FACTS).map((f) => engine.answeredFact(f));
  const dates = [...new Set(facts.flatMap((f) => (f.date ? [f.date] : [])))].sort();
  const parties = [...new Set(a.facts.flatMap((f) => f.entities))].slice(0, 12);
  const sources = [...new Map(facts.map((f) => [f.citation.articleId, citationTitle(f.citation)])).values()];
  return {
    color: COLOURS.answer,
    title: truncate(a.title, LIMITS.embedTitle),
    description: truncate(facts.map((f) => `• ${f.answer}`).join('\n'), LIMITS.embedDescription),
    fields: [
      { name: 'Partner', value: truncate(a.partner, LIMITS.fieldValue), inline: true },
      ...(dates.length > 0 ? [{ name: 'Date', value: dates.join(', '), inline: true }] : []),
      { name: 'Named', value: truncate(parties.join(', '), LIMITS.fieldValue) },
      { name: 'Sources', value: truncate(sources.join('\n'), LIMITS.fieldValue) },
    ],
    footer: { text: truncate(`facts: ${facts.map((f) => f.id).join(', ')}`, LIMITS.footer) },
  };
}

export default {
  data: new SlashCommandBuilder()
    .setName('mou')
    .setDescription('The memorandums of understanding in the material')
    .addStringOption((o) =>
      o
        .setName('partner')
        .setDescription('Only the agreement(s) with this partner, e.g. Armenia')
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addBooleanOption(hideOption)
    .addUserOption(mentionOption),

  async execute(interaction, ctx) {
    const options = readReplyOptions(interaction);
    const all = agreements(ctx.engine);
    const partner = interaction.options.getString('partner')?.trim();
    const chosen = partner ? matchAgreements(all, partner) : all;
    if (chosen.length === 0) {
      const partners = all.map((a) => `• ${a.partner}`).join('\n');
      await interaction.reply(
        toInteractionReply(
          textReply(`No agreement in the material matches that partner. The partners are:\n${partners}`, {
            hide: true,
          }),
        ),
      );
      return;
    }
    const embeds = chosen.map((a) => agreementEmbed(ctx.engine, a));
    await interaction.reply(toInteractionReply(embedsReply(embeds, options)));
  },

  async autocomplete(interaction, ctx) {
    const names = agreements(ctx.engine).map((a) => a.partner);
    await interaction.respond(matchStrings(names, interaction.options.getFocused()));
  },
} satisfies Command;
