import { describe, expect, it } from 'vitest';
import { FactIndex } from '../../src/engine/index.ts';
import { stem } from '../../src/text/stem.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const index = new FactIndex(miniKb());

describe('FactIndex.correct', () => {
  it('corrects a word one letter away from one the material uses', () => {
    expect(index.correct(stem('factries'))?.to).toBe(stem('factories'));
  });

  it('prefers, of two words one letter away, the one the material uses more', () => {
    const kb = miniKb();
    const base = kb.facts[0]!;
    kb.facts.push(
      { ...base, id: 'zz-a', questions: ['What about Korea?'], answer: 'Korea.', quote: 'Korea.' },
      { ...base, id: 'zz-b', questions: ['Korea again?'], answer: 'Korea.', quote: 'Korea.' },
      { ...base, id: 'zz-c', questions: ['Who is Coren?'], answer: 'Coren.', quote: 'Coren.' },
    );
    // "corea" is one letter from "korea" (two facts) and from "coren" (one, sharing its start).
    expect(new FactIndex(kb).correct(stem('corea'))?.to).toBe(stem('korea'));
  });

  it('reads a word cut short as the one material word it begins', () => {
    expect(index.correct(stem('memo'))?.to).toBe(stem('memorandum'));
  });

  it('makes no guess when a cut-short word begins several material words', () => {
    // "widget" and "widgetland" both begin with "widg".
    expect(index.correct('widg')).toBeNull();
  });
});

describe('FactIndex', () => {
  it('indexes a curated question without the words that only ask ("how big", "which year")', () => {
    const kb = miniKb();
    kb.facts[0]?.questions.push('How big is widget output, and which year is it for?');
    const withQuestion = new FactIndex(kb);
    expect(withQuestion.idfOf('big')).toBeNull();
    expect(withQuestion.contains('output', 0)).toBe(true);
  });
});

describe('FactIndex.correct, one edit', () => {
  it('does not take a word two substitutions away for one edit away ("moto" is not "most")', () => {
    const kb = miniKb();
    kb.facts[0]?.keywords.push('motto');
    for (const f of kb.facts) f.keywords.push('most');
    expect(new FactIndex(kb).correct('moto')?.to).toBe('motto');
  });

  it('prefers the word a letter was left out of to a word of the same length used as often ("seol" is "seoul")', () => {
    const kb = miniKb();
    const base = kb.facts[0]!;
    kb.facts.push({ ...base, id: 'zz-a', keywords: ['seoul'] }, { ...base, id: 'zz-b', keywords: ['sell'] });
    expect(new FactIndex(kb).correct('seol')?.to).toBe('seoul');
  });

  it('counts a word’s uses as the facts write it, though an alias indexes it under another word', () => {
    const kb = miniKb();
    const base = kb.facts[0]!;
    kb.aliases.push({ canonical: 'korea', variants: ['seoul'] });
    kb.facts.push(
      { ...base, id: 'zz-a', keywords: ['seoul'] },
      { ...base, id: 'zz-b', keywords: ['seoul'] },
      { ...base, id: 'zz-c', keywords: ['soul'] },
    );
    // "seul" is one letter from "seoul" (two facts, indexed as "korea") and from "soul" (one).
    expect(new FactIndex(kb).correct('seul')?.to).toBe('seoul');
  });
});
