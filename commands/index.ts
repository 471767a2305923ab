/** Every slash command the bot has, in the order /help lists them. */
import type { Command } from '../src/discord/command.ts';
import ask from './ask.ts';
import exportsCommand from './exports.ts';
import help from './help.ts';
import mou from './mou.ts';
import onboard from './onboard.ts';
import parks from './parks.ts';
import quiz from './quiz.ts';
import reload from './reload.ts';
import sources from './sources.ts';
import timeline from './timeline.ts';
import who from './who.ts';

export const commands: Command[] = [
  ask,
  who,
  mou,
  parks,
  exportsCommand,
  sources,
  onboard,
  quiz,
  timeline,
  help,
  reload,
];
