/**
 * What the onboarding commands (/onboard, /quiz, /timeline) share: Back/Next buttons whose custom
 * ids carry the page and the owner (no state kept), the checks on a click, and shaping a reply
 * built by reply.ts for interaction.update (the clicked message changes in place).
 *
 * A click's custom id comes from the clicker's client, which can send any id it likes. So a click
 * is trusted only as far as Discord vouches for it: the clicker must be the member whose command
 * made the message (the message's interaction metadata, kept by Discord), and the custom id must
 * be one of the buttons the bot put on that message as it stands now. The message, which only the
 * bot can edit, thereby holds the state (a quiz's step and score): it survives a restart, and a
 * forged id, or a button the message has moved past (a double click), is refused.
 */
import { ButtonStyle, ComponentType } from 'discord.js';
import type {
  APIActionRowComponent,
  APIButtonComponent,
  ButtonInteraction,
  InteractionUpdateOptions,
  Message,
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

/** A click whose custom id is not one of the message's buttons (tampered, already moved past, or from another version). */
export const STALE_BUTTON = 'This button is no longer valid. Run the command again for fresh buttons.';

/** The member whose command made the message: from Discord, never from a custom id. */
export function commandUserId(message: Message): string | undefined {
  // `interaction` is the older (deprecated) field, for a message without the metadata.
  return message.interactionMetadata?.user.id ?? message.interaction?.user.id;
}

/**
 * Only the member who ran the command may press its buttons. Anyone else gets an ephemeral notice
 * (the owner is named as a mention, which pings nobody) and false.
 */
export async function checkOwner(
  interaction: ButtonInteraction,
  what: string,
  command: string,
): Promise<boolean> {
  const ownerId = commandUserId(interaction.message);
  if (ownerId !== undefined && interaction.user.id === ownerId) return true;
  const whose = ownerId === undefined ? 'is not yours' : `belongs to <@${ownerId}>`;
  await interaction.reply(
    toInteractionReply(textReply(`This ${what} ${whose}; run \`/${command}\` for your own.`, { hide: true })),
  );
  return false;
}

/** Whether the clicked custom id is one of the buttons on the message as it stands now. */
export function isOnMessage(interaction: ButtonInteraction): boolean {
  return interaction.message.components.some(
    (row) =>
      'components' in row &&
      row.components.some((c) => 'customId' in c && c.customId === interaction.customId),
  );
}

/**
 * The checks every onboarding button runs before reading its custom id: the owner (see checkOwner),
 * then that the id is one the bot put on the message (else the stale notice). True to go on.
 */
export async function checkClick(
  interaction: ButtonInteraction,
  what: string,
  command: string,
): Promise<boolean> {
  if (!(await checkOwner(interaction, what, command))) return false;
  if (isOnMessage(interaction)) return true;
  await interaction.reply(toInteractionReply(textReply(STALE_BUTTON, { hide: true })));
  return false;
}

/** A reply from reply.ts, shaped for interaction.update: the clicked message is replaced. */
export function toInteractionUpdate(reply: Reply): InteractionUpdateOptions {
  const { flags: _flags, ...options } = toInteractionReply(reply);
  return { ...options, components: reply.components ?? [] };
}

/**
 * A paged command's two handlers: the first page on the command, the clicked page on a button
 * (after checkClick: the clicker owns the message and clicked one of its buttons). `render` gives the page
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
      if (!(await checkClick(interaction, what, name))) return;
      const parsed = readPagerArgs(args);
      if (!parsed) {
        await interaction.reply(toInteractionReply(textReply(STALE_BUTTON, { hide: true })));
        return;
      }
      const reply = render(ctx.engine, parsed.page, interaction.user.id);
      await interaction.update(toInteractionUpdate(reply ?? textReply(empty)));
    },
  };
}
