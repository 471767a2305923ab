import { describe, expect, it } from 'vitest';
import { DEFAULT_REFUSAL, countWords, materialText, refusalText } from '../../src/engine/about.ts';
import { miniKb } from '../helpers/mini-kb.ts';

describe('the words about the material', () => {
  it('counts the loaded articles, in words when few', () => {
    const kb = miniKb();
    expect(materialText(kb)).toBe('one news article');
    const article = kb.articles[0]!;
    const six = { articles: Array.from({ length: 6 }, (_, i) => ({ ...article, id: `a-${i}` })) };
    expect(materialText(six)).toBe('six news articles');
    expect(countWords(12)).toBe('12');
  });

  it('fills the refusal from about.yaml with the counted material and the subject', () => {
    const kb = miniKb();
    kb.about.refusal = 'Not covered: I know {material} on {subject}.';
    expect(refusalText(kb)).toBe('Not covered: I know one news article on Widgetland’s widget industry.');
  });

  it('uses the default refusal when about.yaml gives none', () => {
    const kb = miniKb();
    expect(kb.about.refusal).toBeUndefined();
    expect(refusalText(kb)).toBe(
      DEFAULT_REFUSAL.replace('{material}', 'one news article').replace('{subject}', kb.about.subject),
    );
  });
});
