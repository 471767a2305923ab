import { describe, expect, it } from 'vitest';
import { NameFinder } from '../../src/knowledge/names.ts';

const names = new NameFinder([
  {
    canonical: 'isipo',
    variants: ['ISIPO', 'Iran Small Industries and Industrial Parks Organization'],
  },
  { canonical: 'iran', variants: ['Iranian', 'Tehran'] },
]);

const withAliases = { aliases: true };
const asWritten = { aliases: false };

describe('NameFinder', () => {
  it('finds a name whatever its case, possessive or typographic apostrophe', () => {
    const text = names.in(['It signed with ARMENIA’S Investor Support Center.']);
    expect(text.occurs("Armenia's Investor Support Center", withAliases)).toBe(true);
    expect(text.occurs('Armenia', asWritten)).toBe(true);
  });

  it('finds a place in its adjective form', () => {
    const text = names.in(['The Armenian ambassador met South Korean, German and Turkish officials.']);
    for (const place of ['Armenia', 'South Korea', 'Germany', 'Turkey'])
      expect(text.occurs(place, asWritten), place).toBe(true);
  });

  it('finds an acronym by its long name and the long name by its acronym', () => {
    expect(
      names
        .in(['Iran Small Industries and Industrial Parks Organization has signed'])
        .occurs('ISIPO', withAliases),
    ).toBe(true);
    expect(
      names
        .in(['the ISIPO head'])
        .occurs('Iran Small Industries and Industrial Parks Organization', withAliases),
    ).toBe(true);
  });

  it('reads places as written: a city is not found where only its country is named', () => {
    const text = names.in(['Iranian companies in Iran']);
    expect(text.occurs('Tehran', asWritten)).toBe(false);
    expect(text.occurs('Iran', asWritten)).toBe(true);
  });

  it('wants the words of a name together and in order, in one of the texts', () => {
    const text = names.in(['Jane met Doe.', 'Doe Jane']);
    expect(text.occurs('Jane Doe', withAliases)).toBe(false);
    expect(names.in(['Jane Doe spoke.']).occurs('Jane Doe', withAliases)).toBe(true);
  });

  it('does not take a longer word for a name', () => {
    expect(names.in(['Irangate was a scandal.']).occurs('Iran', asWritten)).toBe(false);
    expect(names.in(['The Omani delegation']).occurs('Oman', asWritten)).toBe(true);
  });
});
