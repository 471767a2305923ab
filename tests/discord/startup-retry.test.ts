import { describe, expect, it } from 'vitest';
import { isTransientStartupError, retryStartup } from '../../src/discord/startup-retry.ts';
import { createLogger } from '../../src/logger.ts';

/** A logger that keeps its entries. */
function recordingLogger() {
  const logs: Record<string, unknown>[] = [];
  return { logs, logger: createLogger('debug', (l) => logs.push(JSON.parse(l) as Record<string, unknown>)) };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
const httpError = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

describe('which start-up errors are retried', () => {
  it('retries network errors: refused, reset, DNS, timeouts, and fetch failures', () => {
    expect(isTransientStartupError(refused())).toBe(true);
    for (const code of ['ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(isTransientStartupError(Object.assign(new Error(code), { code }))).toBe(true);
    }
    expect(isTransientStartupError(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(true);
    expect(isTransientStartupError(new TypeError('fetch failed', { cause: refused() }))).toBe(true);
  });

  it("retries Discord's own trouble (5xx) and rate limits, but no other HTTP answer", () => {
    for (const status of [500, 502, 503, 429]) expect(isTransientStartupError(httpError(status))).toBe(true);
    for (const status of [400, 401, 403, 404]) expect(isTransientStartupError(httpError(status))).toBe(false);
  });

  it('never retries a rejected token or disallowed intents', () => {
    for (const code of ['TokenInvalid', 'DisallowedIntents']) {
      expect(isTransientStartupError(Object.assign(new Error(code), { code }))).toBe(false);
    }
  });

  it('does not retry an error that says nothing about the network', () => {
    expect(isTransientStartupError(new Error('something else'))).toBe(false);
    expect(isTransientStartupError(Object.assign(new Error('no such file'), { code: 'ENOENT' }))).toBe(false);
    expect(isTransientStartupError('a string')).toBe(false);
  });
});

describe('retryStartup', () => {
  it('retries a network error until the attempt succeeds, logging each failure with the wait', async () => {
    const { logs, logger } = recordingLogger();
    let calls = 0;
    const result = await retryStartup(
      async () => {
        if (++calls < 3) throw refused();
        return 'ready';
      },
      { what: 'log in', logger, maxMs: 60_000, firstDelayMs: 1 },
    );
    expect(result).toBe('ready');
    expect(logs.map((l) => [l.level, l.msg, l.attempt, l.retryInMs])).toEqual([
      ['warn', 'could not log in; retrying', 1, 1],
      ['warn', 'could not log in; retrying', 2, 2],
    ]);
    expect(logs[0]?.error).toContain('ECONNREFUSED');
  });

  it('gives up once maxMs has passed, with the last error and a log line saying so', async () => {
    const { logs, logger } = recordingLogger();
    const err = refused();
    await expect(
      retryStartup(
        async () => {
          throw err;
        },
        { what: 'log in', logger, maxMs: 20, firstDelayMs: 1 },
      ),
    ).rejects.toBe(err);
    expect(logs.at(-1)).toMatchObject({ level: 'error', msg: 'could not log in; giving up', maxMs: 20 });
    expect(logs.filter((l) => l.msg === 'could not log in; giving up')).toHaveLength(1);
  });

  it('makes one attempt only when maxMs is 0', async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    await expect(
      retryStartup(
        async () => {
          calls++;
          throw refused();
        },
        { what: 'log in', logger, maxMs: 0, firstDelayMs: 1 },
      ),
    ).rejects.toThrow('ECONNREFUSED');
    expect(calls).toBe(1);
  });

  it('fails at once, without a retry or a log line, on an error no retry can fix', async () => {
    const { logs, logger } = recordingLogger();
    let calls = 0;
    const invalid = Object.assign(new Error('An invalid token was provided.'), { code: 'TokenInvalid' });
    await expect(
      retryStartup(
        async () => {
          calls++;
          throw invalid;
        },
        { what: 'log in', logger, maxMs: 60_000, firstDelayMs: 1 },
      ),
    ).rejects.toBe(invalid);
    expect(calls).toBe(1);
    expect(logs).toEqual([]);
  });

  it('stops retrying when its signal is aborted', async () => {
    const { logger } = recordingLogger();
    const controller = new AbortController();
    const stopped = new Error('stopped');
    await expect(
      retryStartup(
        async () => {
          controller.abort(stopped);
          throw refused();
        },
        { what: 'log in', logger, maxMs: 60_000, firstDelayMs: 1, signal: controller.signal },
      ),
    ).rejects.toBe(stopped);
  });
});
