/**
 * Start-up against Discord, retried while Discord cannot be reached: a service often starts before
 * the network is up, or while Discord has an outage. Network errors and Discord's 5xx / 429 are
 * retried with exponential backoff (1 s, 2 s, 4 s … at most 30 s apart), each failure logged, until
 * STARTUP_RETRY_MS has passed; a rejected token or any other error is not retried.
 */
import pRetry from 'p-retry';
import type { Logger } from '../logger.ts';

/** The first wait between two attempts; it doubles after each failure. */
const FIRST_DELAY_MS = 1000;
/** The longest wait between two attempts. */
const MAX_DELAY_MS = 30_000;

/** Node's codes for a connection that could not be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'EPROTO',
]);

/** discord.js's codes for errors no retry can fix. */
const PERMANENT_CODES = new Set(['TokenInvalid', 'DisallowedIntents']);

/** Whether an error says Discord could not be reached (worth another try), not that it said no. */
export function isTransientStartupError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code, status } = err as { code?: unknown; status?: unknown };
  if (typeof code === 'string' && PERMANENT_CODES.has(code)) return false;
  // An HTTP answer from Discord: only its own trouble (5xx), a rate limit or a timeout is passing.
  if (typeof status === 'number') return status >= 500 || status === 429 || status === 408;
  // No answer at all: refused, reset, DNS or timeout (Node's and undici's errors carry a code).
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'))) return true;
  if (err.name === 'AbortError' || err.name === 'TimeoutError') return true;
  if (err.message === 'fetch failed') return true; // fetch's network error, the cause in err.cause
  return err.cause !== undefined && isTransientStartupError(err.cause);
}

/** The error's message, with its cause's code when it has one (fetch's "fetch failed" names no reason). */
function describe(err: Error): string {
  const cause = err.cause as { code?: unknown; message?: unknown } | undefined;
  const code = (err as { code?: unknown }).code ?? cause?.code;
  return typeof code === 'string' && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
}

export interface StartupRetryOptions {
  /** What is being attempted, for the log: 'log in to Discord'. */
  what: string;
  logger: Logger;
  /** Give up once this long has passed since the first attempt (STARTUP_RETRY_MS); 0: one attempt. */
  maxMs: number;
  /** Stops the retries (a shutdown during start-up): the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** The first wait between attempts (tests shorten it). */
  firstDelayMs?: number;
}

/** Runs `attempt` until it succeeds, a permanent error, or `maxMs`; rejects with the last error. */
export async function retryStartup<T>(attempt: () => Promise<T>, options: StartupRetryOptions): Promise<T> {
  const { what, logger, maxMs, signal } = options;
  const firstDelayMs = options.firstDelayMs ?? FIRST_DELAY_MS;
  const started = performance.now();
  return pRetry(attempt, {
    retries: Number.POSITIVE_INFINITY,
    minTimeout: firstDelayMs,
    factor: 2,
    maxTimeout: MAX_DELAY_MS,
    // The limit is ours (leftMs below), logged as 'giving up'. p-retry's own limit is set past it by
    // one longest wait, so it can never stop first on its own clock (which starts a moment later).
    maxRetryTime: maxMs + MAX_DELAY_MS,
    ...(signal ? { signal } : {}),
    onFailedAttempt: ({ error, attemptNumber, retriesConsumed }) => {
      // Thrown here, an error ends the retries: p-retry rejects with it.
      if (!isTransientStartupError(error)) throw error;
      const elapsedMs = Math.round(performance.now() - started);
      const leftMs = maxMs - elapsedMs;
      const fields = { attempt: attemptNumber, error: describe(error), elapsedMs };
      if (leftMs <= 0) {
        logger.error(`could not ${what}; giving up`, { ...fields, maxMs });
        throw error;
      }
      const retryInMs = Math.min(firstDelayMs * 2 ** retriesConsumed, MAX_DELAY_MS, leftMs);
      logger.warn(`could not ${what}; retrying`, { ...fields, retryInMs });
    },
  });
}
