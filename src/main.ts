/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the console chat. */
import 'dotenv/config';
import { runConsoleChat } from './cli/console-chat.ts';
import { ConfigError, parseConfig } from './config.ts';
import { openEngineCached } from './knowledge/snapshot.ts';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  // From the validated snapshot when the knowledge files are unchanged (see knowledge/snapshot.ts).
  const engine = await openEngineCached(config.KNOWLEDGE_DIR);
  if (config.DISCORD_TOKEN) {
    // The Discord side (discord.js, SQLite) is loaded only for the bot: the console starts faster.
    const [{ createBot }, { openFeedbackStore }, { KnowledgeReloader }, { createAppLogger }] =
      await Promise.all([
        import('./discord/bot.ts'),
        import('./discord/feedback.ts'),
        import('./knowledge/reloader.ts'),
        import('./logger.ts'),
      ]);
    const logger = createAppLogger(config);
    // Questions and 👍/👎 votes; a storage problem is logged once and never stops the bot.
    const store = openFeedbackStore(config, logger);
    logger.hashUserIdsWith((id) => store.hashUserId(id)); // log lines match stored votes
    // /reload (and KNOWLEDGE_WATCH) swap in a re-read knowledge base; a broken one is never served.
    const reloader = new KnowledgeReloader(config.KNOWLEDGE_DIR, { engine });
    const bot = createBot({ config, engine, reloader, logger, store });
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
        .finally(() => {
          store.close(); // after the replies in flight, which may still record
          // A shard of `npm run start:sharded`: discord.js keeps listening on the IPC channel to the
          // manager, which would keep this process alive; close it so the shard exits.
          if (process.connected) process.disconnect();
        });
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
