/**
 * /mou [partner] — the agreements in the material (from the facts' agreement fields), grouped by
 * topic: each agreement with its parties, date and subject, then the key facts and sources.
 */
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
import type { AnsweredFact } from '../src/engine/types.ts';
import { countWords } from '../src/engine/about.ts';
import { formatDate } from '../src/engine/render.ts';
import { agreementGroups, partnerLabel, partnerNames } from '../src/onboarding/agreements.ts';
import type { AgreementEntry, AgreementGroup } from '../src/onboarding/agreements.ts';

const KEY_FACTS = 6;

/** The agreements whose partners, title, parties, entities or answers match the text. */
export function matchAgreements(groups: AgreementGroup[], partner: string): AgreementGroup[] {
  const docs = groups.map((g) => ({
    key: g.key,
    partners: [...g.countries, ...g.partners],
    title: g.title,
    entities: [...new Set(g.facts.flatMap((f) => f.entities))],
    answers: g.facts.map((f) => f.answer),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'partners', weight: 3 },
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
  const keys = new Set(hits.filter((h) => (h.score ?? 1) <= best + 0.1).map((h) => h.item.key));
  return groups.filter((g) => keys.has(g.key));
}

/** The agreements, one line each: kind, parties, date, subject; one line for a group that shares all but the partner. */
function agreementLines(g: AgreementGroup): string {
  const when = (a: AgreementEntry) => {
    const date = a.date ?? a.fact.date;
    return date ? formatDate(date) : 'undated';
  };
  const [first, ...rest] = g.agreements as [AgreementEntry, ...AgreementEntry[]];
  const shared = rest.every(
    (a) => a.kind === first.kind && when(a) === when(first) && a.subject === first.subject,
  );
  if (rest.length > 0 && shared) {
    const home = g.parties.filter((p) => !g.partners.includes(p));
    return (
      `• **${countWords(g.agreements.length)} ${first.kind}s** · ${when(first)} · ` +
      `${home.join(', ')} with: ${g.partners.join('; ')} — ${first.subject}`
    );
  }
  return g.agreements
    .map((a) => `• **${a.kind}** · ${a.parties.join(' – ')} · ${when(a)} — ${a.subject}`)
    .join('\n');
}

/**
 * One group of agreements as an embed: each agreement on a line, then the key facts, within
 * `budget` characters (Discord allows 6,000 over all the embeds of a message).
 */
export function agreementEmbed(
  engine: Engine,
  g: AgreementGroup,
  budget: number = LIMITS.embedTotal,
): APIEmbed {
  const context = g.facts.filter((f) => g.agreements.length === 1 || !f.agreement);
  const candidates = context.slice(0, KEY_FACTS).map((f) => engine.answeredFact(f));
  const carriers = g.agreements.map((a) => engine.answeredFact(a.fact));
  const cited = [...carriers, ...candidates];
  const sources = [...new Map(cited.map((f) => [f.citation.articleId, citationTitle(f.citation)])).values()];
  const fields = [
    {
      name: g.partners.length > 1 ? 'Partners' : 'Partner',
      value: truncate(partnerLabel(g), LIMITS.fieldValue),
      inline: true,
    },
    ...(g.dates.length > 0
      ? [{ name: 'Date', value: g.dates.map(formatDate).join(', '), inline: true }]
      : []),
    { name: 'Sources', value: truncate(sources.join('\n'), LIMITS.fieldValue) },
  ];
  const title = truncate(g.title, LIMITS.embedTitle);
  const ids = (facts: AnsweredFact[]) =>
    truncate(`facts: ${[...new Set(facts.map((f) => f.id))].join(', ')}`, LIMITS.footer);
  const room = Math.min(
    LIMITS.embedDescription,
    budget -
      title.length -
      ids(cited).length -
      fields.reduce((n, f) => n + f.name.length + f.value.length, 0),
  );
  // The agreements, then as many whole key facts as there is room for.
  let description = truncate(agreementLines(g), Math.max(100, room));
  const shown: AnsweredFact[] = [];
  for (const f of candidates) {
    const line = `${shown.length === 0 ? '\n' : ''}\n• ${f.answer}`;
    if (description.length + line.length > room) break;
    description += line;
    shown.push(f);
  }
  return {
    color: COLOURS.answer,
    title,
    description,
    fields,
    footer: { text: ids([...carriers, ...shown]) },
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
    const all = agreementGroups(ctx.engine);
    const partner = interaction.options.getString('partner')?.trim();
    const chosen = partner ? matchAgreements(all, partner) : all;
    if (chosen.length === 0) {
      const partners = all.map((g) => `• ${truncate(partnerLabel(g), 300)}`).join('\n');
      await interaction.reply(
        toInteractionReply(
          textReply(`No agreement in the material matches that partner. The partners are:\n${partners}`, {
            hide: true,
          }),
        ),
      );
      return;
    }
    const shown = chosen.slice(0, LIMITS.embeds);
    const budget = Math.floor(LIMITS.embedTotal / shown.length);
    const embeds = shown.map((g) => agreementEmbed(ctx.engine, g, budget));
    await interaction.reply(toInteractionReply(embedsReply(embeds, options)));
  },

  async autocomplete(interaction, ctx) {
    const names = partnerNames(agreementGroups(ctx.engine));
    await interaction.respond(matchStrings(names, interaction.options.getFocused()));
  },
} satisfies Command;
