/** /sources — the articles the bot knows, with outlet, date, credits and how many facts each gives. */
import { SlashCommandBuilder } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { hideOption, mentionOption, readReplyOptions } from '../src/discord/command.ts';
import type { Command } from '../src/discord/command.ts';
import { COLOURS, LIMITS, embedsReply, toInteractionReply, truncate } from '../src/discord/reply.ts';
import type { Engine } from '../src/engine/engine.ts';
import { formatDate } from '../src/engine/render.ts';

export function sourceEmbeds(engine: Engine): APIEmbed[] {
  return [...engine.articles.values()].map((a) => {
    const facts = engine.facts.filter((f) => f.articleId === a.id).length;
    const title = a.titleIsHeadline ? a.title : `${a.title} (title given by a curator: the text has none)`;
    const date = a.date ? formatDate(a.date) : 'undated';
    return {
      color: COLOURS.answer,
      title: truncate(title, LIMITS.embedTitle),
      fields: [
        { name: 'Outlet', value: truncate(a.outlet, LIMITS.fieldValue), inline: true },
        { name: 'Date', value: truncate(`${date} — ${a.dateNote}`, LIMITS.fieldValue), inline: true },
        {
          name: 'Credits',
          value: a.credits.length > 0 ? truncate(a.credits.join(', '), LIMITS.fieldValue) : 'none',
          inline: true,
        },
        { name: 'Facts', value: String(facts), inline: true },
      ],
      footer: { text: `id: ${a.id}` },
    };
  });
}

export default {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The articles the answers come from')
    .addBooleanOption(hideOption)
    .addUserOption(mentionOption),

  async execute(interaction, ctx) {
    await interaction.reply(
      toInteractionReply(embedsReply(sourceEmbeds(ctx.engine), readReplyOptions(interaction))),
    );
  },
} satisfies Command;
