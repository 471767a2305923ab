/**
 * Structured logs through pino: one JSON object a line on stderr (`{"level":"info","time":…,"msg":…}`)
 * in production and whenever stderr is not a terminal, or one readable line on a terminal.
 *
 * Privacy: a field naming a user (`userId`, or any key ending in `UserId`) is written as the keyed
 * hash that storage uses for votes (HMAC-SHA256, see storage/store.ts), and Discord ids inside a
 * button's `customId` likewise; until `hashUserIdsWith` is given the store's hash, a key made for
 * this process is used, so a raw id is never written. Secrets passed as `secrets` (the bot token)
 * are replaced wherever they would appear, and `token` / `authorization` fields are redacted.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream } from 'pino';
import type { Config } from './config.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** `json`: one JSON object a line; `pretty`: one readable line (for a terminal). */
export type LogFormat = 'json' | 'pretty';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface RootLogger extends Logger {
  /** Hash user ids with this from now on (the feedback store's keyed hash, so logs match stored votes). */
  hashUserIdsWith(hash: (userId: string) => string): void;
}

export interface LoggerOptions {
  /** Default: pretty when stderr is a terminal, else JSON (see logFormatFor). */
  format?: LogFormat;
  /** Values never to write (the bot token): replaced by `[redacted]`. */
  secrets?: readonly (string | undefined)[];
  /** Fields on every line (e.g. `{ shard: 0 }`). */
  base?: Record<string, unknown>;
}

const REDACTED = '[redacted]';
const USER_ID_KEY = /^(userId|.+UserId)$/;
const SNOWFLAKE = /\b\d{17,20}\b/g;

/** JSON in production (NODE_ENV=production) or when asked; else readable on a terminal, JSON elsewhere. */
export function logFormatFor(
  env: { LOG_FORMAT?: LogFormat | 'auto' | undefined; NODE_ENV?: string | undefined },
  isTerminal: boolean = process.stderr.isTTY === true,
): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  if (env.NODE_ENV === 'production') return 'json';
  return isTerminal ? 'pretty' : 'json';
}

/** The programs' logger: LOG_LEVEL, LOG_FORMAT (or NODE_ENV), and the token never written. */
export function createAppLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT' | 'NODE_ENV' | 'DISCORD_TOKEN'>,
): RootLogger {
  return createLogger(config.LOG_LEVEL, undefined, {
    format: logFormatFor(config),
    secrets: [config.DISCORD_TOKEN],
  });
}

/**
 * A logger at `level` writing each line (without its newline) to `write`, by default stderr.
 * The third argument sets the format, secrets and base fields.
 */
export function createLogger(
  level: LogLevel = 'info',
  write?: (line: string) => void,
  options: LoggerOptions = {},
): RootLogger {
  const format = options.format ?? (write ? 'json' : logFormatFor({}));
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const processKey = randomBytes(32).toString('hex');
  let hashUserId = (id: string) => createHmac('sha256', processKey).update(id).digest('hex');

  const emit = write ?? ((line: string) => process.stderr.write(line + '\n'));
  const colour = !write && process.stderr.isTTY === true;
  const destination: DestinationStream = {
    write(chunk: string) {
      let line = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      for (const s of secrets) line = line.replaceAll(s, REDACTED);
      emit(format === 'pretty' ? prettyLine(line, colour) : line);
    },
  };

  const log = pino(
    {
      level,
      base: options.base ?? { pid: process.pid },
      timestamp: stdTimeFunctions.isoTime,
      messageKey: 'msg',
      serializers: { err: stdSerializers.err },
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'authorization', '*.authorization'],
        censor: REDACTED,
      },
      formatters: {
        level: (label) => ({ level: label }),
        log(fields) {
          const out: Record<string, unknown> = { ...fields };
          for (const [key, value] of Object.entries(out)) {
            if (typeof value !== 'string') continue;
            if (USER_ID_KEY.test(key)) out[key] = hashUserId(value);
            else if (key === 'customId') out[key] = value.replace(SNOWFLAKE, (id) => hashUserId(id));
          }
          return out;
        },
      },
    },
    destination,
  );

  const at =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: Record<string, unknown> = {}) =>
      log[lvl](fields, msg);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    hashUserIdsWith(hash) {
      hashUserId = hash;
    },
  };
}

const COLOURS: Record<string, string> = {
  debug: '\x1b[90m',
  info: '\x1b[36m',
  warn: '\x1b[33m',
  error: '\x1b[31m',
  fatal: '\x1b[31m',
};

/** One JSON log line as `12:34:56.789 INFO  message key=value …` (and an error's stack below it). */
export function prettyLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, pid: _pid, err, ...fields } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const label = String(level ?? '')
    .toUpperCase()
    .padEnd(5);
  const tint = colour ? (COLOURS[String(level)] ?? '') : '';
  const reset = colour ? '\x1b[0m' : '';
  const pairs = Object.entries(fields).map(
    ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  let line = `${clock} ${tint}${label}${reset} ${String(msg ?? '')}${pairs.length ? ' ' + pairs.join(' ') : ''}`;
  if (err && typeof err === 'object') {
    const e = err as { message?: unknown; stack?: unknown };
    line += typeof e.stack === 'string' ? `\n${e.stack}` : ` err=${JSON.stringify(e.message ?? err)}`;
  } else if (err !== undefined) line += ` err=${JSON.stringify(err)}`;
  return line;
}
