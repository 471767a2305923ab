/** /help — every command with an example. */
import { SlashCommandBuilder } from 'discord.js';
import { hideOption, readReplyOptions } from '../src/discord/command.ts';
import type { Command } from '../src/discord/command.ts';
import { textReply, toInteractionReply } from '../src/discord/reply.ts';
import { countWords, materialText } from '../src/engine/about.ts';
import type { Engine } from '../src/engine/engine.ts';
import { agreementGroups, partnerNames } from '../src/onboarding/agreements.ts';
import { tourPages } from '../src/onboarding/tour.ts';

/** The person the facts name most often, for an example. */
function mostNamedPerson(engine: Engine): string | undefined {
  const counts = new Map<string, number>();
  for (const f of engine.facts)
    for (const p of f.people ?? []) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Every command with an example; the material's size and subject come from the knowledge base. */
export function helpText(engine: Engine): string {
  const { about } = engine.kb;
  const pages = tourPages(engine).length;
  const partner = partnerNames(agreementGroups(engine))[0];
  const person = mostNamedPerson(engine);
  return [
    `**Iran SME knowledge bot** — answers from ${materialText(engine.kb)}, each answer with its source.`,
    '',
    `\`/ask question:How many industrial parks does Iran have?\` — ask anything about ${about.subject}`,
    `\`/who${person ? ` name:${person}` : ''}\` — who or what a name in the material is`,
    `\`/mou${partner ? ` partner:${partner}` : ''}\` — the agreements (all of them without \`partner\`)`,
    '`/parks` — how many industrial parks Iran has, over time (`question:` to ask about them)',
    '`/exports` — what the material says about SMEs’ exports (`question:` to ask about them)',
    '`/sources` — the articles, their outlets and dates',
    `\`/onboard\` — a guided tour of the material in ${countWords(pages)} page${pages === 1 ? '' : 's'} (Back / Next)`,
    '`/quiz seed:42 questions:5` — a multiple-choice quiz on the material, with the source of each answer',
    '`/timeline` — the dated events and figures in order, each with its source',
    '`/reload` — (Manage Server only) reload the knowledge base after editing it, without a restart',
    '`/help` — this list',
    '',
    'Every answering command takes `hide:True` (only you see the reply) and `mention:@someone` (address it to them).',
    'You can also @mention me with a question, or send me a DM.',
    'Ask for the gist of an article (`summarise the Korea article`) or where a story comes from (`which news agency reported the Armenia MOU?`).',
  ].join('\n');
}

export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What the bot can do, with examples')
    .addBooleanOption(hideOption),

  async execute(interaction, ctx) {
    await interaction.reply(
      toInteractionReply(textReply(helpText(ctx.engine), readReplyOptions(interaction))),
    );
  },
} satisfies Command;
