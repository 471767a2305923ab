import { describe, expect, it } from 'vitest';
import { plainWords, tokenize, toWords } from '../../src/text/tokenise.ts';

describe('toWords', () => {
  it('lowercases and drops punctuation', () => {
    expect(toWords('Who is ISIPO?!')).toEqual(['who', 'is', 'isipo']);
  });

  it('strips possessives with straight and typographic apostrophes', () => {
    expect(toWords("Iran’s parks and Armenia's center")).toEqual([
      'iran',
      'park',
      'and',
      'armenia',
      'center',
    ]);
  });

  it('keeps decimals and removes thousands separators from numbers', () => {
    expect(toWords('$1.6 billion, 33,000 SMEs and 335.77 trillion')).toEqual([
      'dollar',
      '1.6',
      'billion',
      '33000',
      'sme',
      'and',
      '335.77',
      'trillion',
    ]);
  });

  it('reads "FM" as foreign minister', () => {
    expect(tokenize('deputy FM')).toEqual(['deputy', 'foreign', 'minister']);
  });

  it('reads a month cut short as the month, but not "mar" or "may", which are words', () => {
    expect(tokenize('back in aug 2019, and sept')).toEqual([
      'back',
      'in',
      'august',
      '2019',
      'and',
      'september',
    ]);
    expect(tokenize('may mar')).toEqual(['may', 'mar']);
  });

  it('reads a percent sign as the word percent', () => {
    expect(toWords('92%')).toEqual(['92', 'percent']);
  });

  it('reads British spellings as American ones, and leaves look-alikes alone', () => {
    expect(tokenize('programmes organisation centre labour analyse emphasised')).toEqual([
      'programs',
      'organization',
      'center',
      'labor',
      'analyze',
      'emphasized',
    ]);
    expect(tokenize('rise wise exercise tour hour')).toEqual(['rise', 'wise', 'exercise', 'tour', 'hour']);
  });

  it('reads chat shorthand as the words it stands for', () => {
    expect(toWords('how many ppl r there')).toEqual(['how', 'many', 'peopl', 'are', 'ther']);
    expect(tokenize('is the vp for science and tech in it')).toEqual([
      'is',
      'the',
      'vice',
      'president',
      'for',
      'science',
      'and',
      'technology',
      'in',
      'it',
    ]);
  });

  it('reads number words from two to twenty as numbers', () => {
    expect(toWords('nine months')).toEqual(toWords('9 months'));
  });

  it('returns no words for emoji and symbols only', () => {
    expect(toWords('🙂 👍 ???')).toEqual([]);
  });
});

describe('plainWords', () => {
  it('keeps half-typed words as typed, with no shorthand read into them', () => {
    expect(plainWords('how many k')).toEqual(['how', 'many', 'k']);
  });

  it('lowercases and splits at anything that is not a letter or a digit', () => {
    expect(plainWords('Who is ISIPO’s head? 92%')).toEqual(['who', 'is', 'isipo', 's', 'head', '92']);
  });
});
