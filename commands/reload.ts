/**
 * /reload — admins only: re-reads the knowledge folder and serves it without a restart. A knowledge
 * base with any problem is not served: the reply lists every problem and the last good one stays.
 * Under `npm run start:sharded` every shard reloads, and the reply gives each shard's outcome.
 */
import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { errorReply, escapeUserText, textReply, toInteractionReply } from '../src/discord/reply.ts';
import { formatProblem } from '../src/knowledge/load.ts';
import type { ReloadResult } from '../src/knowledge/reloader.ts';
import { reloadOnEveryShard, type ShardAnswer } from '../src/discord/shards.ts';

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

/** One shard's outcome, on one line. */
function shardLine(answer: ShardAnswer<ReloadResult | null>): string {
  const name = `Shard ${answer.shard}`;
  if (!answer.ok)
    return `• ${name}: ⚠️ no answer (${escapeUserText(answer.error)}); it reloads at its next start`;
  const result = answer.value;
  if (!result) return `• ${name}: ⚠️ cannot reload (started without a reloader)`;
  if (!result.ok)
    return `• ${name}: ❌ ${result.problems.length} problem(s); still serving its last good knowledge base`;
  const drafts = result.drafts > 0 ? ` (and ${result.drafts} draft fact(s))` : '';
  return `• ${name}: ✅ ${result.articles} article(s), ${result.facts} fact(s)${drafts}, in ${result.ms} ms`;
}

/** The reply's text when every shard was asked: a summary, each shard's outcome, then the problems found. */
export function shardsReloadMessage(answers: readonly ShardAnswer<ReloadResult | null>[]): string {
  const reloaded = answers.filter((a) => a.ok && a.value?.ok).length;
  const summary =
    reloaded === answers.length
      ? `✅ Knowledge base reloaded on all ${answers.length} shard(s).`
      : `❌ Knowledge base reloaded on ${reloaded} of ${answers.length} shard(s); the others still serve their last good one.`;
  // Every shard reads the same folder: list each problem once.
  const problems = new Set<string>();
  for (const a of answers) {
    if (a.ok && a.value && !a.value.ok) for (const p of a.value.problems) problems.add(formatProblem(p));
  }
  return [
    summary,
    ...answers.map(shardLine),
    ...(problems.size > 0 ? ['', 'Problems:', ...[...problems].map((p) => `• ${escapeUserText(p)}`)] : []),
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
    const by = { userId: interaction.user.id };
    const shards = interaction.client.shard;
    if (shards) {
      // Each shard reloads and logs on its own; this one is asked like the others.
      const answers = await reloadOnEveryShard(shards, by);
      const text = shardsReloadMessage(answers);
      const allOk = answers.every((a) => a.ok && a.value?.ok);
      await respond(allOk ? textReply(text, { hide: true }) : errorReply(text));
      return;
    }
    const result = ctx.reloader.reloadAndLog(ctx.logger, { trigger: 'command', ...by });
    await respond(
      result.ok ? textReply(reloadMessage(result), { hide: true }) : errorReply(reloadMessage(result)),
    );
  },
} satisfies Command;
