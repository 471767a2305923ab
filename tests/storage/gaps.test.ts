import { describe, expect, it } from 'vitest';
import { groupQuestions, questionKey } from '../../src/storage/gaps.ts';

describe('the key of an unanswered question', () => {
  it('drops question words and possessives and sorts the words left', () => {
    expect(questionKey('What are the industrial parks of Iran?')).toBe('industrial iran parks');
    expect(questionKey("Iran's industrial parks")).toBe('industrial iran parks');
  });

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

describe('grouping unanswered questions', () => {
  it('keeps apart questions that share less than 80% of their words', () => {
    const groups = groupQuestions([
      { question: 'iran industrial parks', count: 1, lastSeen: '2025-01-01' },
      { question: 'iran industrial parks exports', count: 1, lastSeen: '2025-01-01' }, // 3/4 = 0.75
      { question: 'korea mou', count: 1, lastSeen: '2025-01-01' },
    ]);
    expect(groups).toHaveLength(3);
  });

  it('merges questions whose words differ by one typo', () => {
    const groups = groupQuestions([
      { question: 'how many industrial parks in armenia', count: 2, lastSeen: '2025-01-02' },
      { question: 'how many industral parks in armenia', count: 1, lastSeen: '2025-01-01' },
    ]);
    expect(groups.map((g) => g.count)).toEqual([3]);
  });
});
