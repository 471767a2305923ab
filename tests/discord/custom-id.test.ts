import { describe, expect, it } from 'vitest';
import { BUTTON_TTL_MS, isExpired, makeCustomId, parseCustomId } from '../../src/discord/custom-id.ts';

describe('button custom ids', () => {
  it('carry the prefix, the arguments and when they were made', () => {
    const id = makeCustomId('onboard', ['next', 3], 1_700_000_000_000);
    expect(parseCustomId(id)).toEqual({
      prefix: 'onboard',
      args: ['next', '3'],
      issuedAt: 1_700_000_000_000,
    });
  });

  it('still work just before the time to live and expire after it', () => {
    const parsed = parseCustomId(makeCustomId('fb', ['up'], 0))!;
    expect(isExpired(parsed, BUTTON_TTL_MS - 1)).toBe(false);
    expect(isExpired(parsed, BUTTON_TTL_MS + 1)).toBe(true);
  });

  it('work for at least 15 minutes', () => {
    expect(BUTTON_TTL_MS).toBeGreaterThanOrEqual(15 * 60 * 1000);
  });

  it('refuse arguments with a colon and ids over 100 characters', () => {
    expect(() => makeCustomId('x', ['a:b'])).toThrow();
    expect(() => makeCustomId('x', ['y'.repeat(120)])).toThrow();
  });

  it('read a foreign or garbled id as not ours', () => {
    expect(parseCustomId('garbage')).toBeNull();
    expect(parseCustomId('x:zz!')).toBeNull();
  });
});
