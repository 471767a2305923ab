import { describe, expect, it } from 'vitest';
import { questionKey } from '../../src/storage/gaps.ts';

describe('the key of an unanswered question', () => {
  it('reads a question the way the engine does, so "number of" and "how many" share a key', () => {
    expect(questionKey('number of parks in Iran')).toBe(questionKey('How many parks does Iran have?'));
  });

  it('reads chat shorthand and number words as the engine does', () => {
    expect(questionKey('govt plans for nine months')).toBe(questionKey('Government plans for 9 months?'));
  });

  it('keeps a decimal figure whole', () => {
    expect(questionKey('335.77 trillion rials')).toBe('335.77 rials trillion');
  });

  it('keeps the lowercased text of a question that has only stopwords', () => {
    expect(questionKey('What  is  it?')).toBe('what is it?');
  });
});
