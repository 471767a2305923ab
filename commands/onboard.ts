/** /onboard — a guided tour of the material in a few pages, with Back/Next buttons for the member who opened it. */
import { SlashCommandBuilder } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { pagedCommand, pagerRow } from '../src/discord/pager.ts';
import { COLOURS, LIMITS, embedsReply, truncate } from '../src/discord/reply.ts';
import type { Reply } from '../src/discord/reply.ts';
import type { Engine } from '../src/engine/engine.ts';
import { clip } from '../src/onboarding/cite.ts';
import { tourPages } from '../src/onboarding/tour.ts';
import type { TourPage } from '../src/onboarding/tour.ts';

const NAME = 'onboard';
const ITEM_CHARS = 420;

export function tourEmbed(page: TourPage, index: number, total: number): APIEmbed {
  const items = page.items.map(
    (item, i) => `**${i + 1}.** ${clip(item.text, ITEM_CHARS)}\n↳ *${item.citation}*`,
  );
  const note = page.note ? `\n\n*${page.note}*` : '';
  return {
    color: COLOURS.answer,
    title: truncate(`Onboarding — ${page.title}`, LIMITS.embedTitle),
    description: truncate(`${page.intro}\n\n${items.join('\n\n')}${note}`, LIMITS.embedDescription),
    footer: {
      text: truncate(
        `Page ${index + 1}/${total} · facts: ${page.items.map((i) => i.factId).join(', ')}`,
        LIMITS.footer,
      ),
    },
  };
}

/** Page `index` of the tour (clamped), with its Back/Next buttons; null when the material is empty. */
export function tourReply(engine: Engine, index: number, ownerId: string): Reply | null {
  const pages = tourPages(engine);
  if (pages.length === 0) return null;
  const at = Math.min(Math.max(0, index), pages.length - 1);
  const reply = embedsReply([tourEmbed(pages[at] as TourPage, at, pages.length)]);
  return { ...reply, components: [pagerRow(NAME, at, pages.length, ownerId)] };
}

const EMPTY = 'The material has nothing to show yet.';

export default {
  data: new SlashCommandBuilder()
    .setName(NAME)
    .setDescription('A guided tour of the material: who is who, the agreements, the figures, exports'),

  ...pagedCommand({ name: NAME, what: 'tour', empty: EMPTY, render: tourReply }),
} satisfies Command;
