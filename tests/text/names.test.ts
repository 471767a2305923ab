import { describe, expect, it } from 'vitest';
import { findNames } from '../../src/text/names.ts';

describe('findNames', () => {
  it('finds capitalised multi-word names, not the word that opens a sentence', () => {
    expect(
      findNames(
        'According to Hamid Reza Fouladgar, the managing director of Qazvin Industrial Parks Company, it grew.',
      ),
    ).toEqual(['Hamid Reza Fouladgar', 'Qazvin Industrial Parks Company']);
  });

  it('keeps an organisation joined by "and" whole, and splits two parties', () => {
    expect(
      findNames('The Bank of Industry and Mine lent money to Armenia’s Investor Support Center.'),
    ).toEqual(['Bank of Industry and Mine', 'Armenia’s Investor Support Center']);
    expect(findNames('Speaking at the ceremony, Rasoulian hoped Iran and Armenia would agree.')).toEqual([]);
  });

  it('does not read a month or a weekday as part of a name', () => {
    expect(findNames('Ali Rasoulian spoke on Tuesday June 18 in Tehran.')).toEqual(['Ali Rasoulian']);
  });
});
