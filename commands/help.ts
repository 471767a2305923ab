/** /help — every command with an example. */
import { SlashCommandBuilder } from 'discord.js';
import { hideOption, readReplyOptions } from '../src/discord/command.ts';
import type { Command } from '../src/discord/command.ts';
import { textReply, toInteractionReply } from '../src/discord/reply.ts';

export const HELP_TEXT = [
  '**Iran SME knowledge bot** — answers from five news articles, each answer with its source.',
  '',
  '`/ask question:How many industrial parks does Iran have?` — ask anything about Iran’s SMEs, industrial parks and their agreements',
  '`/who name:Ali Rasoulian` — who or what a name in the material is',
  '`/mou partner:Armenia` — the memorandums of understanding (all of them without `partner`)',
  '`/parks` — how many industrial parks Iran has, over time (`question:` to ask about them)',
  '`/exports` — what the material says about SMEs’ exports (`question:` to ask about them)',
  '`/sources` — the articles, their outlets and dates',
  '`/onboard` — a guided tour of the material in five pages (Back / Next)',
  '`/quiz seed:42 questions:5` — a multiple-choice quiz on the material, with the source of each answer',
  '`/timeline` — the dated events and figures in order, each with its source',
  '`/reload` — (Manage Server only) reload the knowledge base after editing it, without a restart',
  '`/help` — this list',
  '',
  'Every answering command takes `hide:True` (only you see the reply) and `mention:@someone` (address it to them).',
  'You can also @mention me with a question, or send me a DM.',
  'Ask for the gist of an article (`summarise the Korea article`) or where a story comes from (`which news agency reported the Armenia MOU?`).',
].join('\n');

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What the bot can do, with examples')
    .addBooleanOption(hideOption),

  async execute(interaction) {
    await interaction.reply(toInteractionReply(textReply(HELP_TEXT, readReplyOptions(interaction))));
  },
} satisfies Command;
