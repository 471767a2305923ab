import { describe, expect, it } from 'vitest';
import { NUMBER_WORDS, smallNumber } from '../../src/text/numbers.ts';

describe('NUMBER_WORDS', () => {
  it('gives the value of a number word from one to twenty', () => {
    expect(NUMBER_WORDS.get('one')).toBe(1);
    expect(NUMBER_WORDS.get('twelve')).toBe(12);
    expect(NUMBER_WORDS.get('twenty')).toBe(20);
  });

  it('gives the value of the tens, hundred and dozen', () => {
    expect(NUMBER_WORDS.get('fifty')).toBe(50);
    expect(NUMBER_WORDS.get('ninety')).toBe(90);
    expect(NUMBER_WORDS.get('hundred')).toBe(100);
    expect(NUMBER_WORDS.get('dozen')).toBe(12);
  });
});

describe('smallNumber', () => {
  it('writes the words two to twenty as digits', () => {
    expect(smallNumber('two')).toBe('2');
    expect(smallNumber('nine')).toBe('9');
    expect(smallNumber('twenty')).toBe('20');
  });

  it('leaves "one", "zero" and larger or other words alone', () => {
    for (const word of ['one', 'zero', 'thirty', 'hundred', 'dozen', 'parks'])
      expect(smallNumber(word)).toBe(undefined);
  });
});
