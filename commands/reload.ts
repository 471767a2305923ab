/**
 * /reload — admins only: re-reads the knowledge folder and serves it without a restart. A knowledge
 * base with any problem is not served: the reply lists every problem and the last good one stays.
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { errorReply, escapeUserText, textReply, toInteractionReply } from '../src/discord/reply.ts';
import { formatProblem } from '../src/knowledge/load.ts';
import type { ReloadResult } from '../src/knowledge/reloader.ts';

export const RELOAD_REFUSED = 'Only members with the Manage Server permission can reload the knowledge base.';
export const RELOAD_UNAVAILABLE =
  'This bot cannot reload its knowledge base (it was started without a reloader).';

/** The reply's text for a reload's outcome. */
export function reloadMessage(result: ReloadResult): string {
  if (result.ok) {
    const drafts = result.drafts > 0 ? ` (and ${result.drafts} draft fact(s), not served)` : '';
    return (
      `✅ Knowledge base reloaded: ${result.articles} article(s), ${result.facts} fact(s)${drafts}, ` +
      `in ${result.ms} ms.`
    );
  }
  return [
    `❌ Reload failed: ${result.problems.length} problem(s). The last good knowledge base is still being served.`,
    '',
    ...result.problems.map((p) => `• ${escapeUserText(formatProblem(p))}`),
  ].join('\n');
}

export default {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Reload the knowledge base from its folder (Manage Server only)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild),

  async execute(interaction, ctx) {
    // Discord hides the command from others by default, but a server can override that: check again.
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      ctx.logger.warn('reload refused', { userId: interaction.user.id, guildId: interaction.guildId });
      await interaction.reply(toInteractionReply(textReply(RELOAD_REFUSED, { hide: true })));
      return;
    }
    if (!ctx.reloader) {
      await interaction.reply(toInteractionReply(textReply(RELOAD_UNAVAILABLE, { hide: true })));
      return;
    }
    // Re-reading and indexing the files takes ~0.3 s today and grows with the knowledge base:
    // acknowledge first so Discord's 3-second limit is never at stake.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const respond = (reply: ReturnType<typeof textReply>) => {
      const { flags: _ephemeralAlreadySet, ...edit } = toInteractionReply(reply);
      return interaction.editReply(edit);
    };
    const result = ctx.reloader.reload();
    if (result.ok) {
      const { articles, facts, drafts, ms } = result;
      ctx.logger.info('knowledge base reloaded', {
        trigger: 'command',
        userId: interaction.user.id,
        articles,
        facts,
        drafts,
        ms,
      });
      await respond(textReply(reloadMessage(result), { hide: true }));
    } else {
      ctx.logger.error('knowledge base reload failed; still serving the last good one', {
        trigger: 'command',
        userId: interaction.user.id,
        problems: result.problems.map(formatProblem),
      });
      await respond(errorReply(reloadMessage(result)));
    }
  },
} satisfies Command;
