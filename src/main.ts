/**
 * The bot's entry (`npm start`, `node dist/main.js`): the Discord bot when DISCORD_TOKEN is set;
 * otherwise, on a terminal or with `--console`, the console chat. With neither a token nor a
 * terminal (a service manager's start) it exits 78 with a message saying how to configure it.
 *
 * Exit codes: 0 after a stop by SIGTERM / SIGINT; 1 when start-up failed (Discord unreachable for
 * STARTUP_RETRY_MS, a broken knowledge base); 2 for a bad command line; 78 (EX_CONFIG) for a
 * configuration error (bad or missing setting, a token Discord rejects), which a restart cannot fix.
 */
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { runConsoleChat } from './cli/console-chat.ts';
import { ConfigError, EXIT_CONFIG, parseConfig } from './config.ts';
import { openEngineCached, snapshotDirFor } from './knowledge/snapshot.ts';

const USAGE = `Usage: node dist/main.js [--console]   (npm start [-- --console])
  With DISCORD_TOKEN set: the Discord bot. Otherwise, or with --console: the console chat.`;

const NO_TOKEN_MESSAGE = `DISCORD_TOKEN is not set and standard input is not a terminal: nothing to run.
  To run the Discord bot, set DISCORD_TOKEN in the environment or in .env in the working folder
  (copy .env.example; README: "Run it on your Discord server").
  For the console chat without a terminal, pass --console.`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { console: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    console.error(`${(err as Error).message}
${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (args.values.help) return void console.log(USAGE);
  const config = parseConfig(process.env);
  const asConsole = args.values.console === true || !config.DISCORD_TOKEN;
  if (asConsole && !args.values.console && !process.stdin.isTTY) throw new ConfigError(NO_TOKEN_MESSAGE);
  // From the validated snapshot when the knowledge files are unchanged (see knowledge/snapshot.ts).
  const engine = await openEngineCached(config.KNOWLEDGE_DIR, {
    snapshot: { dir: snapshotDirFor(config.CACHE_DIR) },
  });
  if (asConsole) return runConsoleChat(engine);

  // The Discord side (discord.js, SQLite) is loaded only for the bot: the console starts faster.
  const [{ createBot }, { commands }, { openFeedbackStore }, { KnowledgeReloader }, { createAppLogger }] =
    await Promise.all([
      import('./discord/bot.ts'),
      import('../commands/index.ts'),
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
  const bot = createBot({ config, engine, reloader, logger, store, commands });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return; // a terminal's Ctrl-C reaches both npm and the bot: npm's copy is a repeat
    stopping = true;
    logger.info('shutting down', { signal, graceMs: config.SHUTDOWN_GRACE_MS });
    // bot.stop() is bounded (grace + disconnect timeout); this guards the rest of the way out.
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS + 5000).unref();
    bot
      .stop()
      .catch((err: unknown) => {
        logger.error('stop failed', { err });
        process.exitCode = 1;
      })
      .finally(() => {
        store.close(); // after the replies in flight, which may still record
        // Replies abandoned after the grace period may still hold sockets open: exit now. (Under
        // `npm run start:sharded` this also ends the IPC channel to the shard manager.)
        process.exit();
      });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await bot.start();
  } catch (err) {
    if (stopping) return; // stopped while starting: the shutdown above ends the process
    store.close();
    await bot.client.destroy();
    if ((err as { code?: unknown }).code === 'TokenInvalid') {
      throw new ConfigError(
        'Discord rejected DISCORD_TOKEN (401 Unauthorized). Reset the token in the developer portal ' +
          '(your application → Bot → Reset Token) and set the new one in DISCORD_TOKEN.',
      );
    }
    throw err;
  }
}

main().catch((err: unknown) => {
  const config = err instanceof ConfigError;
  console.error(config ? err.message : `Start-up failed: ${(err as Error).message}`);
  process.exitCode = config ? EXIT_CONFIG : 1;
});
