/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the console chat. */
import 'dotenv/config';
import { runConsoleChat } from './cli/console-chat.ts';
import { ConfigError, parseConfig } from './config.ts';
import { openEngine } from './knowledge/open.ts';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const engine = openEngine(config.KNOWLEDGE_DIR);
  if (config.DISCORD_TOKEN) {
    console.error(
      'DISCORD_TOKEN is set, but the Discord bot is not part of this build yet. Unset it for the console chat.',
    );
    process.exitCode = 1;
    return;
  }
  await runConsoleChat(engine);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Start-up failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
