/** /who name:<person or body> — who or what a name in the material is. */
import { SlashCommandBuilder } from 'discord.js';
import { matchStrings } from '../src/discord/autocomplete.ts';
import { commandSource, hideOption, mentionOption, readReplyOptions } from '../src/discord/command.ts';
import type { Command } from '../src/discord/command.ts';
import type { Fact } from '../src/engine/types.ts';
import { answerReply, toInteractionReply } from '../src/discord/reply.ts';

const entityLists = new WeakMap<readonly Fact[], string[]>();

/** Every entity the facts name, most often named first. */
export function entities(facts: readonly Fact[]): string[] {
  let list = entityLists.get(facts);
  if (!list) {
    const counts = new Map<string, number>();
    for (const f of facts) for (const e of f.entities) counts.set(e, (counts.get(e) ?? 0) + 1);
    list = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([e]) => e);
    entityLists.set(facts, list);
  }
  return list;
}

export default {
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('Who or what is a person or body named in the material?')
    .addStringOption((o) =>
      o
        .setName('name')
        .setDescription('A name, e.g. Ali Rasoulian')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addBooleanOption(hideOption)
    .addUserOption(mentionOption),

  async execute(interaction, ctx) {
    const name = interaction.options.getString('name', true).trim();
    const answer = ctx.ask(`Who is ${name}?`, commandSource(interaction));
    await interaction.reply(toInteractionReply(answerReply(answer, readReplyOptions(interaction))));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(matchStrings(entities(ctx.engine.facts), interaction.options.getFocused()));
  },
} satisfies Command;
