import { describe, expect, it } from 'vitest';
import { STOPWORDS, stopwordSet } from '../../src/text/stopwords.ts';
import { toWords } from '../../src/text/tokenise.ts';

describe('STOPWORDS', () => {
  it('holds question words, auxiliaries, chat filler and nouns of any kind ("thing", "event")', () => {
    for (const word of [
      'what',
      'how',
      'does',
      'please',
      'lol',
      'the',
      'thing',
      'event',
      'seems',
      'make',
      'tl',
    ])
      expect(STOPWORDS.has(word)).toBe(true);
  });

  it('holds every form of "give", a verb of asking ("who gave the news conference", "the figures given")', () => {
    for (const word of ['give', 'gives', 'gave', 'given', 'giving']) expect(STOPWORDS.has(word)).toBe(true);
  });

  it('holds the particles of phrasal verbs ("roll out", "show up") and greeting variants', () => {
    for (const word of ['up', 'out', 'off', 'down', 'heyy']) expect(STOPWORDS.has(word)).toBe(true);
  });

  it('holds words of size and measure ("big", "biggest", "chunk"), which describe a subject but name none', () => {
    for (const word of ['big', 'huge', 'biggest', 'larger', 'chunk']) expect(STOPWORDS.has(word)).toBe(true);
  });

  it('does not hold words that name a subject', () => {
    for (const word of ['park', 'iran', 'export', 'armenia']) expect(STOPWORDS.has(word)).toBe(false);
  });

  it('holds the stemmed form of each word, so analysed words match', () => {
    expect(toWords('does mentioned things').every((w) => STOPWORDS.has(w))).toBe(true);
  });
});

describe('stopwordSet', () => {
  it('holds each word of a list as given and as stemmed', () => {
    expect([...stopwordSet('reports  outlets\n published')].sort()).toEqual(
      ['outlet', 'outlets', 'publish', 'published', 'report', 'reports'].sort(),
    );
  });
});
