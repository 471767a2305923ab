import { describe, expect, it } from 'vitest';
import { createAppLogger, createLogger, logFormatFor, prettyLine, type LogLevel } from '../src/logger.ts';
import { hashUserId } from '../src/storage/store.ts';

const USER = '123456789012345678';
const TOKEN = 'MTIz.fake-bot-token.value';

function capture(level: LogLevel = 'debug', options: Parameters<typeof createLogger>[2] = {}) {
  const lines: string[] = [];
  const logger = createLogger(level, (l) => lines.push(l), options);
  const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('the logger', () => {
  it('writes one JSON object a line with the level as a word, an ISO time and the message', () => {
    const { logger, lines, entries } = capture();
    logger.info('bot ready', { guilds: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toMatchObject({ level: 'info', msg: 'bot ready', guilds: 2 });
    expect(entries()[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('drops lines below its level, and everything when silent', () => {
    const info = capture('warn');
    info.logger.info('no');
    info.logger.warn('yes');
    info.logger.error('yes too');
    expect(info.entries().map((e) => e.level)).toEqual(['warn', 'error']);
    const silent = capture('silent');
    silent.logger.error('no');
    expect(silent.lines).toEqual([]);
  });

  it('writes an error as its type, message and stack', () => {
    const { logger, entries } = capture();
    logger.error('command failed', { err: new Error('kaboom') });
    expect(entries()[0]?.err).toMatchObject({ type: 'Error', message: 'kaboom', stack: expect.any(String) });
  });

  it('never writes a raw user id: userId fields are hashed, with a per-process key until told the store’s', () => {
    const { logger, lines, entries } = capture();
    logger.info('question answered', { userId: USER, ownerUserId: USER });
    expect(lines.join('\n')).not.toContain(USER);
    expect(entries()[0]?.userId).toMatch(/^[0-9a-f]{64}$/);
    expect(entries()[0]?.ownerUserId).toBe(entries()[0]?.userId);

    logger.hashUserIdsWith((id) => hashUserId('the-store-key-0123456789', id));
    logger.info('feedback', { userId: USER });
    expect(entries()[1]?.userId).toBe(hashUserId('the-store-key-0123456789', USER));
  });

  it('hashes the Discord ids inside a button custom id', () => {
    const { logger, lines, entries } = capture();
    logger.error('button failed', { customId: `quiz:next:${USER}:lx2k1` });
    expect(lines[0]).not.toContain(USER);
    expect(entries()[0]?.customId).toMatch(/^quiz:next:[0-9a-f]{64}:lx2k1$/);
  });

  it('never writes the token: not in a message, a field or an error, and token fields are redacted', () => {
    const { logger, lines } = capture('debug', { secrets: [TOKEN] });
    logger.error(`login with ${TOKEN} failed`, {
      err: new Error(`401 for ${TOKEN}`),
      token: 'another',
      headers: { authorization: `Bot ${TOKEN}` },
    });
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).not.toContain('another');
    expect(lines[0]).toContain('[redacted]');
  });

  it('the programs’ logger is given the configured token as a secret', () => {
    const logger = createAppLogger({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json', DISCORD_TOKEN: TOKEN });
    expect(() => logger.error('nothing written')).not.toThrow();
  });
});

describe('the log format', () => {
  it('is JSON in production and off a terminal, readable on a terminal, and as asked when set', () => {
    expect(logFormatFor({ NODE_ENV: 'production' }, true)).toBe('json');
    expect(logFormatFor({}, false)).toBe('json');
    expect(logFormatFor({}, true)).toBe('pretty');
    expect(logFormatFor({ LOG_FORMAT: 'auto' }, true)).toBe('pretty');
    expect(logFormatFor({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatFor({ LOG_FORMAT: 'pretty', NODE_ENV: 'production' }, false)).toBe('pretty');
  });

  it('prints a readable line: time, level, message, then the fields', () => {
    const { logger, lines } = capture('debug', { format: 'pretty' });
    logger.warn('shard died', { shard: 1, exitCode: null, reason: 'killed' });
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} WARN {2}shard died shard=1 exitCode=null reason=killed$/,
    );
  });

  it('prints an error’s stack under its line', () => {
    const line = prettyLine(
      JSON.stringify({
        time: '2025-01-01T10:00:00.000Z',
        level: 'error',
        msg: 'boom',
        err: { stack: 'Error: x\n    at y' },
      }),
    );
    expect(line).toBe('10:00:00.000 ERROR boom\nError: x\n    at y');
  });
});
