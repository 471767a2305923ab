/**
 * `npm run deploy-commands`: registers every slash command with Discord — in DISCORD_GUILD_ID when
 * set (instant), else globally. Needs DISCORD_TOKEN and DISCORD_CLIENT_ID.
 */
import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { commands as allCommands } from '../../commands/index.ts';
import { ConfigError, parseConfig } from '../config.ts';
import type { Config } from '../config.ts';
import type { Command } from '../discord/command.ts';
import { createAppLogger } from '../logger.ts';
import { isMain } from '../util/is-main.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  count: number;
}

export async function deployCommands(
  config: Config,
  commands: readonly Command[] = allCommands,
  rest: { api?: string } = {},
): Promise<DeployResult> {
  if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN must be set to deploy commands');
  if (!config.DISCORD_CLIENT_ID) throw new ConfigError('DISCORD_CLIENT_ID must be set to deploy commands');
  const api = rest.api ?? config.DISCORD_API_BASE;
  const client = new REST({ version: '10', ...(api ? { api } : {}) }).setToken(config.DISCORD_TOKEN);
  const body = commands.map((c) => c.data.toJSON());
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_CLIENT_ID);
  const registered = (await client.put(route, { body })) as unknown[];
  return { scope: config.DISCORD_GUILD_ID ? 'guild' : 'global', count: registered.length };
}

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createAppLogger(config);
  const result = await deployCommands(config);
  logger.info('commands deployed', { ...result, guildId: config.DISCORD_GUILD_ID });
}

if (isMain(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `Deploy failed: ${(err as Error).message}`);
    process.exitCode = 1;
  });
}
