import { describe, expect, it } from 'vitest';
import { findCountries, placeWords, regionNames } from '../../src/text/countries.ts';

describe('regionNames', () => {
  it('names the countries from the runtime’s ICU data', () => {
    expect(regionNames()).toEqual(expect.arrayContaining(['Armenia', 'Iran', 'South Korea', 'Iraq']));
  });
});

describe('placeWords', () => {
  it('gives the lowercase words of the region names, of three letters or more', () => {
    const words = placeWords();
    expect(words).toEqual(expect.arrayContaining(['armenia', 'south', 'korea']));
    expect(words.every((w) => w.length > 2 && w === w.toLowerCase())).toBe(true);
  });
});

describe('findCountries', () => {
  it('finds the countries a sentence names, in order of first mention', () => {
    expect(findCountries('South Korea will train Iranian SMEs; Iran and South Korea agreed.')).toEqual([
      'South Korea',
      'Iran',
    ]);
  });

  it('finds the spellings ICU gives otherwise and reads "US" as "U.S."', () => {
    expect(findCountries('Exports to Turkey rose while US sanctions held.')).toEqual(['Turkey', 'U.S.']);
  });

  it('finds no country inside a longer word', () => {
    expect(findCountries('Iranian officials met in Tehran.')).toEqual([]);
  });
});
