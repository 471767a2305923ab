import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

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
});
