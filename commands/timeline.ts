/** /timeline — the material's dated events and figures in order, each cited, in pages with Back/Next. */
import { SlashCommandBuilder } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Command } from '../src/discord/command.ts';
import { pagedCommand, pagerRow } from '../src/discord/pager.ts';
import { COLOURS, LIMITS, embedsReply, truncate } from '../src/discord/reply.ts';
import type { Reply } from '../src/discord/reply.ts';
import type { Engine } from '../src/engine/engine.ts';
import { timelineEntries, timelinePages } from '../src/onboarding/timeline.ts';

const NAME = 'timeline';
/** Leaves room under the 4,096-character description limit. */
const PAGE_CHARS = 3800;

export function timelineEmbed(page: string, index: number, total: number, entries: number): APIEmbed {
  return {
    color: COLOURS.answer,
    title: 'Timeline of the material (oldest first)',
    description: truncate(page, LIMITS.embedDescription),
    footer: {
      text: `Page ${index + 1}/${total} · ${entries} events and figures · undated articles are placed by what their text implies`,
    },
  };
}

export function timelineReply(engine: Engine, index: number, ownerId: string): Reply | null {
  const entries = timelineEntries(engine);
  const pages = timelinePages(entries, PAGE_CHARS);
  if (pages.length === 0) return null;
  const at = Math.min(Math.max(0, index), pages.length - 1);
  const reply = embedsReply([timelineEmbed(pages[at] as string, at, pages.length, entries.length)]);
  return pages.length > 1 ? { ...reply, components: [pagerRow(NAME, at, pages.length, ownerId)] } : reply;
}

const EMPTY = 'The material has no dated events yet.';

export default {
  data: new SlashCommandBuilder()
    .setName(NAME)
    .setDescription('The dated events and figures of the material, in order, each with its source'),

  ...pagedCommand({ name: NAME, what: 'timeline', empty: EMPTY, render: timelineReply }),
} satisfies Command;
