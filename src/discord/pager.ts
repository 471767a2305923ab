/**
 * What the onboarding commands (/onboard, /quiz, /timeline) share: Back/Next buttons whose custom
 * ids carry the page and the owner (no state kept), the owner check on a click, and shaping a reply
 * built by reply.ts for interaction.update (the clicked message changes in place).
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type {
  APIActionRowComponent,
  APIButtonComponent,
  ButtonInteraction,
  InteractionUpdateOptions,
} from 'discord.js';
import type { Engine } from '../engine/engine.ts';
import type { Command } from './command.ts';
import { makeCustomId } from './custom-id.ts';
import { textReply, toInteractionReply } from './reply.ts';
import type { Reply } from './reply.ts';

export type PageDirection = 'b' | 'n';

/**
 * Back and Next, disabled at the ends. Custom ids `<prefix>:b|n:<target page>:<owner id>:<issued-at>`
 * (the direction keeps the two ids distinct when both are disabled).
 */
export function pagerRow(
  prefix: string,
  page: number,
  total: number,
  ownerId: string,
  now = Date.now(),
): APIActionRowComponent<APIButtonComponent> {
  const button = (direction: PageDirection, label: string, target: number, disabled: boolean) =>
    ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label,
      custom_id: makeCustomId(prefix, [direction, target, ownerId], now),
      disabled,
    }) satisfies APIButtonComponent;
  return {
    type: ComponentType.ActionRow,
    components: [
      button('b', '◀ Back', Math.max(0, page - 1), page <= 0),
      button('n', 'Next ▶', Math.min(total - 1, page + 1), page >= total - 1),
    ],
  };
}

/** Reads `[direction, page, owner]`; null when the arguments are not ours. */
export function readPagerArgs(args: string[]): { page: number; ownerId: string } | null {
  const [direction, page, ownerId] = args;
  if ((direction !== 'b' && direction !== 'n') || !page || !/^\d+$/.test(page) || !ownerId) return null;
  return { page: Number(page), ownerId };
}

/**
 * Only the member who ran the command may press its buttons. Anyone else gets an ephemeral notice
 * (the owner is named as a mention, which pings nobody) and false.
 */
export async function checkOwner(
  interaction: ButtonInteraction,
  ownerId: string,
  what: string,
  command: string,
): Promise<boolean> {
  if (interaction.user.id === ownerId) return true;
  await interaction.reply(
    toInteractionReply(
      textReply(`This ${what} belongs to <@${ownerId}>; run \`/${command}\` for your own.`, { hide: true }),
    ),
  );
  return false;
}

/** A reply from reply.ts, shaped for interaction.update: the clicked message is replaced. */
export function toInteractionUpdate(reply: Reply): InteractionUpdateOptions {
  const { flags: _flags, ...options } = toInteractionReply(reply);
  return { ...options, components: reply.components ?? [] };
}

/** A click whose custom id is not one this command makes (tampered, or from another version). */
export const STALE_BUTTON = 'This button is no longer valid. Run the command again for fresh buttons.';

/**
 * A paged command's two handlers: the first page on the command, the clicked page on a button
 * (after checking the custom id and that the clicker owns the message). `render` gives the page
 * with its pager row, or null when there is nothing to show.
 */
export function pagedCommand(options: {
  name: string;
  what: string;
  empty: string;
  render: (engine: Engine, page: number, ownerId: string) => Reply | null;
}): Pick<Command, 'execute' | 'button'> {
  const { name, what, empty, render } = options;
  return {
    async execute(interaction, ctx) {
      const reply = render(ctx.engine, 0, interaction.user.id);
      await interaction.reply(toInteractionReply(reply ?? textReply(empty, { hide: true })));
    },
    async button(interaction, args, ctx) {
      const parsed = readPagerArgs(args);
      if (!parsed) {
        await interaction.reply(toInteractionReply(textReply(STALE_BUTTON, { hide: true })));
        return;
      }
      if (!(await checkOwner(interaction, parsed.ownerId, what, name))) return;
      const reply = render(ctx.engine, parsed.page, parsed.ownerId);
      await interaction.update(toInteractionUpdate(reply ?? textReply(empty)));
    },
  };
}
