import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, shortMonthName } from '../../src/text/months.ts';

describe('months', () => {
  it('lists the twelve month names in lowercase, January first', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES[0]).toBe('january');
    expect(MONTH_NAMES[6]).toBe('july');
  });

  it('gives the three-letter name of a month by its number', () => {
    expect(shortMonthName(1)).toBe('Jan');
    expect(shortMonthName(9)).toBe('Sep');
    expect(shortMonthName(12)).toBe('Dec');
  });

  it('gives no name for a number outside 1 to 12', () => {
    expect(shortMonthName(0)).toBe(undefined);
    expect(shortMonthName(13)).toBe(undefined);
  });
});
