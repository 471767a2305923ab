import { describe, expect, it } from 'vitest';
import { articleCoverage, splitSentences } from '../../src/knowledge/coverage.ts';
import { readKnowledgeBase } from '../../src/knowledge/load.ts';
import { writeKbDir } from '../helpers/kb-dir.ts';

describe('coverage', () => {
  it('lists the sentences no fact quotes', () => {
    const { kb } = readKnowledgeBase(writeKbDir());
    const c = articleCoverage(kb.articles[0]!, kb.facts);
    expect(c.sentences).toBe(3);
    expect(c.covered).toBe(2);
    expect(c.uncovered).toEqual(['The council meets every spring in the capital city.']);
  });

  it('skips short boilerplate lines such as a sign-off or a timestamp', () => {
    const s = splitSentences({
      text: 'Headline here\n\nJune 18, 2021 - 11:28\n\nThe council meets every spring.\n\nEF/MA',
      title: 'Headline here',
      titleIsHeadline: true,
    });
    expect(s).toEqual(['The council meets every spring.']);
  });
});
