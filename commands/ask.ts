/** /ask question:<text> — answers from the material, with citations. */
import { SlashCommandBuilder } from 'discord.js';
import { suggestQuestions } from '../src/discord/autocomplete.ts';
import { commandSource, hideOption, mentionOption, readReplyOptions } from '../src/discord/command.ts';
import type { Command } from '../src/discord/command.ts';
import { answerReply, toInteractionReply } from '../src/discord/reply.ts';

export const MAX_QUESTION_LENGTH = 500;

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about Iran’s SMEs, industrial parks and their agreements')
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('Your question, e.g. "How many industrial parks does Iran have?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH)
        .setAutocomplete(true),
    )
    .addBooleanOption(hideOption)
    .addUserOption(mentionOption),

  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const answer = ctx.ask(question, commandSource(interaction));
    await interaction.reply(toInteractionReply(answerReply(answer, readReplyOptions(interaction))));
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused();
    await interaction.respond(suggestQuestions(ctx.engine.facts, typed));
  },
} satisfies Command;
