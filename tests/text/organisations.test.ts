import { describe, expect, it } from 'vitest';
import { ORGANISATION_NAME_END, ORGANISATION_WORD } from '../../src/text/organisations.ts';

describe('ORGANISATION_WORD', () => {
  it('finds the word that makes a name a body’s, in any case', () => {
    for (const name of [
      'Iran Small Industries and Industrial Parks Organization',
      'Ministry of Industry',
      'the investor support center',
    ])
      expect(ORGANISATION_WORD.test(name)).toBe(true);
  });

  it('finds none in a person’s or a place’s name', () => {
    for (const name of ['Ali Rasoulian', 'South Korea', 'Mining and Trade'])
      expect(ORGANISATION_WORD.test(name)).toBe(false);
  });
});

describe('ORGANISATION_NAME_END', () => {
  it('accepts the words a ministry’s or a bank’s name ends in after an "and"', () => {
    expect(ORGANISATION_NAME_END.test(' and Mine')).toBe(true);
    expect(ORGANISATION_NAME_END.test(' and Trade')).toBe(true);
  });

  it('rejects a country after an "and"', () => {
    expect(ORGANISATION_NAME_END.test(' and Armenia')).toBe(false);
  });
});
