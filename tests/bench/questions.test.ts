import { describe, expect, it } from 'vitest';
import { generateKb } from '../../src/bench/generate.ts';
import { Rng } from '../../src/util/prng.ts';
import {
  benchQuestions,
  kbWords,
  offTopicSet,
  paraphrase,
  paraphraseSet,
  typo,
} from '../../src/bench/questions.ts';
import { toWords } from '../../src/text/tokenise.ts';

const { kb } = generateKb({ facts: 500, seed: 11 });

describe('typo', () => {
  it('swaps, drops or doubles one letter, keeping the first, and always changes the word', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 500; i++) {
      const t = typo(rng, 'industrial');
      expect(t).not.toBe('industrial');
      expect(t[0]).toBe('i');
      expect(Math.abs(t.length - 'industrial'.length)).toBeLessThanOrEqual(1);
    }
  });
});

describe('paraphrase', () => {
  it('mistypes at least one word of five letters or more', () => {
    const rng = new Rng(2);
    const q = 'How many industrial parks does Widgetland have?';
    for (let i = 0; i < 100; i++) {
      const p = paraphrase(rng, q);
      expect(p).not.toBe(q);
      const original = new Set(toWords(q));
      expect(toWords(p).some((w) => !original.has(w))).toBe(true);
    }
  });

  it('makes a deterministic set whose every question names a real fact', () => {
    const a = paraphraseSet(kb, 200, 5);
    expect(a).toEqual(paraphraseSet(kb, 200, 5));
    const ids = new Set(kb.facts.map((f) => f.id));
    expect(a.every((q) => q.factId !== null && ids.has(q.factId))).toBe(true);
    expect(new Set(a.map((q) => q.factId)).size).toBeGreaterThan(100);
  });
});

describe('offTopicSet', () => {
  it('uses no word the KB uses', () => {
    const known = kbWords(kb);
    const qs = offTopicSet(kb, 100, 3);
    expect(qs).toHaveLength(100);
    const frame = new Set(
      toWords(
        'what is the best for how do i make a with why does my hate tell me about and where can buy who won last year',
      ),
    );
    for (const q of qs) {
      expect(q.factId).toBeNull();
      for (const w of toWords(q.text))
        if (!frame.has(w)) expect(known.has(w), `${w} in "${q.text}"`).toBe(false);
    }
  });
});

describe('benchQuestions', () => {
  const qs = benchQuestions(kb, 41, 9);

  it('makes the number of questions asked, the same for a seed', () => {
    expect(qs).toHaveLength(41);
    expect(benchQuestions(kb, 41, 9)).toEqual(qs);
  });

  it('makes every fourth question off-topic from the second on, so the first two or more have both kinds', () => {
    qs.forEach((q, i) => expect(q.factId === null, `question ${i}`).toBe(i % 4 === 1));
    const ids = new Set(kb.facts.map((f) => f.id));
    expect(qs.filter((q) => q.factId !== null).every((q) => ids.has(q.factId as string))).toBe(true);
  });
});
