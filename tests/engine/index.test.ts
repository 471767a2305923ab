import { describe, expect, it } from 'vitest';
import { FactIndex } from '../../src/engine/index.ts';
import { stem } from '../../src/text/stem.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const index = new FactIndex(miniKb());

describe('FactIndex.correct', () => {
  it('corrects a word one letter away from one the material uses', () => {
    expect(index.correct(stem('factries'))?.to).toBe(stem('factories'));
  });

  it('reads a word cut short as the one material word it begins', () => {
    expect(index.correct(stem('memo'))?.to).toBe(stem('memorandum'));
  });

  it('makes no guess when a cut-short word begins several material words', () => {
    // "widget" and "widgetland" both begin with "widg".
    expect(index.correct('widg')).toBeNull();
  });
});
