/**
 * Configuration: read once from the environment (and .env via dotenv), validated with zod.
 * A missing or malformed value stops start-up with a message naming the variable.
 */
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
/** A duration in whole milliseconds, 0 or more. */
const millis = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a whole number of milliseconds (e.g. 3000)')
  .transform(Number);

export const configSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** `json` (one object a line), `pretty` (readable), or `auto`: JSON in production or off a terminal. */
  LOG_FORMAT: z
    .enum(['json', 'pretty', 'auto'], { message: "must be 'json', 'pretty' or 'auto'" })
    .default('auto'),
  /** `production` makes the logs JSON (LOG_FORMAT=auto). */
  NODE_ENV: z.string().trim().optional(),
  KNOWLEDGE_DIR: z.string().min(1).optional(),
  /** Development: reload the knowledge base when its files change (debounced). */
  KNOWLEDGE_WATCH: z
    .enum(['true', 'false'], { message: "must be 'true' or 'false'" })
    .transform((s) => s === 'true')
    .default(false),
  DISCORD_CLIENT_ID: snowflake.optional(),
  /** Register commands in this guild only (instant) instead of globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** Channels where every message is read as a question (comma-separated ids). */
  ANSWER_CHANNEL_IDS: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(snowflake))
    .optional(),
  /** Another Discord API base (tests, proxies), passed to discord.js as `rest.api`. */
  DISCORD_API_BASE: z.url().optional(),
  /** `npm run start:sharded`: how many shards to run — a positive integer, or 'auto' (Discord's recommendation). */
  BOT_SHARD_COUNT: z
    .string()
    .trim()
    .refine((s) => s === 'auto' || /^[1-9]\d*$/.test(s), "must be a positive integer or 'auto'")
    .transform((s): number | 'auto' => (s === 'auto' ? 'auto' : Number(s)))
    .default('auto'),
  /** The SQLite file for answers, votes and the gaps report (its folder is created). */
  DATABASE_PATH: z.string().trim().min(1).default('./data/bot.db'),
  /**
   * The HMAC-SHA256 key that pseudonymises user ids in votes. Optional: when unset, a random key is
   * generated and kept in the database's meta table (stable hashes, but the key then lives beside
   * the data). Its value never appears in a message.
   */
  /**
   * How long a stop (SIGTERM / SIGINT) waits for replies in flight before disconnecting anyway, in
   * milliseconds. Discord's interaction window is 3 s, so a reply later than that is lost anyway.
   */
  SHUTDOWN_GRACE_MS: millis.default(3000),
  /**
   * How long start-up keeps retrying when Discord cannot be reached (network errors, Discord's 5xx),
   * in milliseconds, with exponential backoff; then the process exits 1. 0: no retry.
   */
  STARTUP_RETRY_MS: millis.default(300_000),
  /**
   * Where the knowledge snapshot (a start-up cache) is kept: a folder, or 'off' for none. Default: a
   * folder of this user's own in the OS temp dir. Never the code folder.
   */
  CACHE_DIR: z
    .string()
    .trim()
    .min(1)
    .transform((s): string | false => (s === 'off' ? false : s))
    .optional(),
  FEEDBACK_HASH_KEY: z
    .string()
    .trim()
    .min(16, 'must be at least 16 characters (e.g. the output of `openssl rand -hex 32`)')
    .optional(),
  /** The health and metrics HTTP server's port (GET /healthz, GET /metrics); unset → no server; 0 → any free port. */
  HEALTH_PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'must be a port number (0–65535)')
    .transform(Number)
    .refine((n) => n <= 65_535, 'must be a port number (0–65535)')
    .optional(),
  /** The address the health server binds (default 127.0.0.1: this machine only). */
  HEALTH_HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Delete stored questions (and their votes) older than this many days, at start and daily; unset → keep all. */
  RETENTION_DAYS: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,5}$/, 'must be a whole number of days (1 or more)')
    .transform(Number)
    .optional(),
});
export type Config = z.infer<typeof configSchema>;

/**
 * The exit code for a configuration error (sysexits' EX_CONFIG): a restart cannot fix it, so a
 * service manager can be told not to retry (systemd: RestartPreventExitStatus=78).
 */
export const EXIT_CONFIG = 78;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; the token's value never appears in a message. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  // An empty value (KEY= in .env) means "not set".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = configSchema.safeParse(set);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}
