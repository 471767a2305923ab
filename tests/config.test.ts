import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, parseConfig } from '../src/config.ts';

describe('parseConfig', () => {
  it('treats empty values as not set', () => {
    const c = parseConfig({ DISCORD_TOKEN: '', KNOWLEDGE_DIR: '', LOG_LEVEL: '' });
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('names the variable that is malformed', () => {
    expect(() => parseConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => parseConfig({ DISCORD_CLIENT_ID: 'abc' })).toThrow(ConfigError);
  });

  it('never prints the token in an error', () => {
    try {
      parseConfig({ DISCORD_TOKEN: 'secret.token.value', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).not.toContain('secret.token.value');
    }
  });

  it('reads the answer channels as a list of ids and rejects one that is not an id', () => {
    const c = parseConfig({ ANSWER_CHANNEL_IDS: ' 123456789012345678, 223456789012345678 ,' });
    expect(c.ANSWER_CHANNEL_IDS).toEqual(['123456789012345678', '223456789012345678']);
    expect(parseConfig({}).ANSWER_CHANNEL_IDS).toBeUndefined();
    expect(() => parseConfig({ ANSWER_CHANNEL_IDS: '123456789012345678,general' })).toThrow(
      /ANSWER_CHANNEL_IDS/,
    );
  });

  it('checks the guild id and the API base URL', () => {
    expect(parseConfig({ DISCORD_GUILD_ID: '123456789012345678' }).DISCORD_GUILD_ID).toBe(
      '123456789012345678',
    );
    expect(() => parseConfig({ DISCORD_GUILD_ID: 'my-server' })).toThrow(/DISCORD_GUILD_ID/);
    expect(parseConfig({ DISCORD_API_BASE: 'http://127.0.0.1:1234/api' }).DISCORD_API_BASE).toBe(
      'http://127.0.0.1:1234/api',
    );
    expect(() => parseConfig({ DISCORD_API_BASE: 'not a url' })).toThrow(/DISCORD_API_BASE/);
  });

  it('reads BOT_SHARD_COUNT as a positive integer or auto (the default)', () => {
    expect(parseConfig({}).BOT_SHARD_COUNT).toBe('auto');
    expect(parseConfig({ BOT_SHARD_COUNT: '' }).BOT_SHARD_COUNT).toBe('auto');
    expect(parseConfig({ BOT_SHARD_COUNT: 'auto' }).BOT_SHARD_COUNT).toBe('auto');
    expect(parseConfig({ BOT_SHARD_COUNT: ' 4 ' }).BOT_SHARD_COUNT).toBe(4);
    for (const bad of ['0', '-1', '1.5', 'two', '2x']) {
      expect(() => parseConfig({ BOT_SHARD_COUNT: bad })).toThrow(
        /BOT_SHARD_COUNT: must be a positive integer or 'auto'/,
      );
    }
  });
});

describe('parseConfig: the feedback database', () => {
  it('defaults DATABASE_PATH to ./data/bot.db and reads another path', () => {
    expect(parseConfig({}).DATABASE_PATH).toBe('./data/bot.db');
    expect(parseConfig({ DATABASE_PATH: '' }).DATABASE_PATH).toBe('./data/bot.db');
    expect(parseConfig({ DATABASE_PATH: ' /var/lib/bot/feedback.db ' }).DATABASE_PATH).toBe(
      '/var/lib/bot/feedback.db',
    );
  });

  it('leaves FEEDBACK_HASH_KEY unset when empty, so the store generates and keeps one', () => {
    expect(parseConfig({}).FEEDBACK_HASH_KEY).toBeUndefined();
    expect(parseConfig({ FEEDBACK_HASH_KEY: '' }).FEEDBACK_HASH_KEY).toBeUndefined();
    const key = '0123456789abcdef0123456789abcdef';
    expect(parseConfig({ FEEDBACK_HASH_KEY: key }).FEEDBACK_HASH_KEY).toBe(key);
  });

  it('rejects a FEEDBACK_HASH_KEY shorter than 16 characters without printing it', () => {
    try {
      parseConfig({ FEEDBACK_HASH_KEY: 'short-secret' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/FEEDBACK_HASH_KEY: must be at least 16 characters/);
      expect((err as Error).message).not.toContain('short-secret');
    }
  });
});

describe('parseConfig: running 24/7', () => {
  it('reads HEALTH_PORT as a port, 0 included, and HEALTH_HOST with 127.0.0.1 as the default', () => {
    expect(parseConfig({}).HEALTH_PORT).toBeUndefined();
    expect(parseConfig({ HEALTH_PORT: '9464' }).HEALTH_PORT).toBe(9464);
    expect(parseConfig({ HEALTH_PORT: '0' }).HEALTH_PORT).toBe(0);
    expect(parseConfig({}).HEALTH_HOST).toBe('127.0.0.1');
    for (const bad of ['65536', '-1', 'http', '80.5']) {
      expect(() => parseConfig({ HEALTH_PORT: bad })).toThrow(/HEALTH_PORT: must be a port number/);
    }
  });

  it('reads LOG_FORMAT (auto by default) and RETENTION_DAYS as whole days', () => {
    expect(parseConfig({}).LOG_FORMAT).toBe('auto');
    expect(parseConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => parseConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
    expect(parseConfig({}).RETENTION_DAYS).toBeUndefined();
    expect(parseConfig({ RETENTION_DAYS: '90' }).RETENTION_DAYS).toBe(90);
    for (const bad of ['0', '-5', '1.5', 'forever']) {
      expect(() => parseConfig({ RETENTION_DAYS: bad })).toThrow(
        /RETENTION_DAYS: must be a whole number of days/,
      );
    }
  });

  it('documents every key in .env.example', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(configSchema.shape)) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});

describe('parseConfig: running as a service', () => {
  it('reads SHUTDOWN_GRACE_MS and STARTUP_RETRY_MS as milliseconds, 3 s and 5 min by default', () => {
    expect(parseConfig({})).toMatchObject({ SHUTDOWN_GRACE_MS: 3000, STARTUP_RETRY_MS: 300_000 });
    expect(parseConfig({ SHUTDOWN_GRACE_MS: ' 1500 ', STARTUP_RETRY_MS: '0' })).toMatchObject({
      SHUTDOWN_GRACE_MS: 1500,
      STARTUP_RETRY_MS: 0,
    });
  });

  it('rejects a duration that is not a whole number of milliseconds, naming the variable', () => {
    for (const bad of ['3s', '-1', '1.5', 'soon']) {
      expect(() => parseConfig({ SHUTDOWN_GRACE_MS: bad })).toThrow(
        /SHUTDOWN_GRACE_MS: must be a whole number of milliseconds/,
      );
      expect(() => parseConfig({ STARTUP_RETRY_MS: bad })).toThrow(/STARTUP_RETRY_MS/);
    }
  });

  it("reads CACHE_DIR as a folder, 'off' as no cache, and leaves it unset by default", () => {
    expect(parseConfig({}).CACHE_DIR).toBeUndefined();
    expect(parseConfig({ CACHE_DIR: ' /var/cache/kb-bot ' }).CACHE_DIR).toBe('/var/cache/kb-bot');
    expect(parseConfig({ CACHE_DIR: 'off' }).CACHE_DIR).toBe(false);
  });
});
