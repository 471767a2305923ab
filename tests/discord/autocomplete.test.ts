import { describe, expect, it } from 'vitest';
import {
  MAX_CHOICES,
  MAX_CHOICE_LENGTH,
  STARTER_COUNT,
  matchStrings,
  starterQuestions,
  suggestQuestions,
  toChoices,
} from '../../src/discord/autocomplete.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';

const { facts, topics } = fixtureEngine();

describe('autocomplete ranking', () => {
  it('offers eight starting questions, one per topic, when nothing is typed', () => {
    const choices = suggestQuestions(facts, '   ');
    // The fixture has five topics and three articles: more than eight groups to start from.
    expect(choices).toHaveLength(STARTER_COUNT);
    expect(choices.map((c) => c.value)).toEqual(starterQuestions(facts));
    for (const topic of topics.keys()) {
      const first = facts.find((f) => f.topic === topic);
      expect(choices.map((c) => c.value)).toContain(first?.questions[0]);
    }
    expect(choices.map((c) => c.value)).toContain('How many industrial parks does Iran have?');
  });

  it('ranks curated questions matching what is typed first', () => {
    const choices = suggestQuestions(facts, 'who is nouri');
    expect(choices.slice(0, 3).map((c) => c.value)).toContain('Who is Kaveh Nouri?');
  });

  it('never gives more than 25 choices or a choice over 100 characters', () => {
    for (const typed of ['', 'i', 'parks', 'what', 'x'.repeat(600)]) {
      const choices = suggestQuestions(facts, typed);
      expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
        expect(c.value.length).toBeLessThanOrEqual(MAX_CHOICE_LENGTH);
      }
    }
    expect(toChoices(Array.from({ length: 40 }, (_, i) => `${i} ${'y'.repeat(150)}`))).toHaveLength(25);
  });

  it('matches a few strings fuzzily and lists them all for an empty field', () => {
    const names = ['Armenia', 'South Korea', 'SMEs Day'];
    expect(matchStrings(names, 'korea').map((c) => c.value)).toEqual(['South Korea']);
    expect(matchStrings(names, '')).toHaveLength(3);
  });
});
