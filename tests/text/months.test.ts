import { describe, expect, it } from 'vitest';
import { MONTH_NAMES, monthName } from '../../src/text/months.ts';

describe('months', () => {
  it('lists the twelve month names in lowercase, January first', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES[0]).toBe('january');
    expect(MONTH_NAMES[6]).toBe('july');
  });

  it('gives the capitalised name of a month by its number', () => {
    expect(monthName(1)).toBe('January');
    expect(monthName(9)).toBe('September');
    expect(monthName(12)).toBe('December');
  });

  it('gives no name for a number outside 1 to 12', () => {
    expect(monthName(0)).toBe(undefined);
    expect(monthName(13)).toBe(undefined);
  });
});
