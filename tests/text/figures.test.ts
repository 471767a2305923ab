import { describe, expect, it } from 'vitest';
import { findFigures, withoutScale } from '../../src/text/figures.ts';

describe('findFigures', () => {
  it('reads numbers with their units and qualifiers', () => {
    expect(
      findFigures(
        '“So far, more than 900 industrial parks and zones have been put into operation in Iran and nearly one million people are working in 48,000 industrial units active in these parks,” he added.',
      ),
    ).toEqual([
      { value: 900, unit: 'industrial parks', qualifier: 'more than' },
      { value: 1, unit: 'million people', qualifier: 'nearly' },
      { value: 48000, unit: 'industrial units' },
    ]);
  });

  it('reads percentages, with what they are a share of', () => {
    expect(findFigures('Mentioning that 92 percent of Iran’s industrial sector is small.')).toEqual([
      { value: 92, unit: 'percent of Iran’s industrial sector' },
    ]);
    expect(findFigures('about 70% of South Korea’s exports')).toEqual([
      { value: 70, unit: 'percent of South Korea’s exports', qualifier: 'about' },
    ]);
  });

  it('reads money with its scale and currency', () => {
    expect(findFigures('It paid 335.77 trillion rials (nearly $7.99 billion) to SMEs.')).toEqual([
      { value: 335.77, unit: 'trillion rials' },
      { value: 7.99, unit: 'billion US dollars', qualifier: 'nearly' },
    ]);
  });

  it('does not read dates, times, years or "one of" / "the two" as figures', () => {
    expect(findFigures('On June 18, 2021 - 11:28, in 2018, one of the two sides met.')).toEqual([]);
  });

  it('reads number words', () => {
    expect(findFigures('It signed seven memorandums of understanding.')).toEqual([
      { value: 7, unit: 'memorandums' },
    ]);
  });
});

describe('withoutScale', () => {
  it('drops the scale words of a unit', () => {
    expect(withoutScale('billion US dollars')).toBe('US dollars');
    expect(withoutScale('industrial parks')).toBe('industrial parks');
  });
});
