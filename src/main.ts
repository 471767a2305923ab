/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the console chat. */
import 'dotenv/config';
import { runConsoleChat } from './cli/console-chat.ts';
import { ConfigError, parseConfig } from './config.ts';
import { createBot } from './discord/bot.ts';
import { openEngine } from './knowledge/open.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const engine = openEngine(config.KNOWLEDGE_DIR);
  if (config.DISCORD_TOKEN) {
    const logger = createLogger(config.LOG_LEVEL);
    const bot = createBot({ config, engine, logger });
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info('shutting down', { signal });
      bot
        .stop()
        .catch((err: unknown) => {
          logger.error('stop failed', { err });
          process.exitCode = 1;
        })
        // A shard of `npm run start:sharded`: discord.js keeps listening on the IPC channel to the
        // manager, which would keep this process alive; close it so the shard exits.
        .finally(() => process.connected && process.disconnect());
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    await bot.start();
    return;
  }
  await runConsoleChat(engine);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `Start-up failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
