import { describe, expect, it } from 'vitest';
import Fuse from 'fuse.js';
import { BaselineCostModel, BudgetRunner, patternChunks, searchedChars } from '../../src/bench/baseline.ts';
import { generateKb } from '../../src/bench/generate.ts';
import { Rng } from '../../src/util/prng.ts';
import {
  LONG_SHAPES,
  kbWords,
  longMessage,
  offTopicSet,
  paraphrase,
  paraphraseSet,
  typo,
} from '../../src/bench/questions.ts';
import { percentile, summarise } from '../../src/bench/stats.ts';
import { toWords } from '../../src/text/tokenise.ts';
import type { Fact } from '../../src/engine/types.ts';

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
    const qs = offTopicSet(kb, 100, 3, known);
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

describe('longMessage', () => {
  it('makes messages of exactly the asked length in each shape', () => {
    for (const shape of LONG_SHAPES) {
      const m = longMessage(kb, shape, 2000, 4);
      expect(m.text).toHaveLength(2000);
      expect(m.shape).toBe(shape);
    }
    expect(longMessage(kb, 'one-word', 2000, 4).text).toMatch(/^[a-z]{2000}$/);
  });
});

describe('stats', () => {
  it('computes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(summarise([3, 1, 2])).toMatchObject({ n: 3, p50: 2, max: 3 });
    expect(summarise([]).n).toBe(0);
  });
});

describe('baseline budget', () => {
  it('skips a search that would not fit, with the reason, and runs one that does', () => {
    const facts: Fact[] = kb.facts.slice(0, 20);
    const fuse = new Fuse(facts, { keys: ['questions'], includeScore: true, ignoreLocation: true });
    const model = new BaselineCostModel();
    const none = new BudgetRunner(fuse, searchedChars(facts), 0, model);
    expect(none.run({ text: 'anything at all', label: 'q1', payload: null })).toBeNull();
    expect(none.skips[0]).toMatchObject({ label: 'q1' });
    expect(none.skips[0]?.reason).toMatch(/est\. .* > .* left of .* budget/);
    const some = new BudgetRunner(fuse, searchedChars(facts), 60_000, model);
    const r = some.run({ text: facts[0]!.questions[0]!, label: 'q2', payload: null });
    expect(r?.topId).toBe(facts[0]!.id);
    expect(model.calibrated).toBe(true);
    expect(patternChunks('x'.repeat(65))).toBe(3);
  });
});
