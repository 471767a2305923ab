import { describe, expect, it } from 'vitest';
import { normaliseForQuote } from '../../src/engine/normalise.ts';
import { splitSentences } from '../../src/knowledge/sentences.ts';
import { splitSentences as coverageSentences } from '../../src/knowledge/coverage.ts';
import { splitStatements } from '../../src/knowledge/draft.ts';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('splitSentences', () => {
  it('splits at a full stop before a capital, also inside curly quotes', () => {
    const text = '“Exports rose sharply,” the minister said. The ministry disagreed with that view.';
    expect(splitSentences(text, { normalise: collapse })).toEqual([
      '“Exports rose sharply,” the minister said.',
      'The ministry disagreed with that view.',
    ]);
  });

  it('does not split after an abbreviation or an initial', () => {
    const text = 'Dr. Smith met U.S. officials in Tehran on Monday. They talked about trade.';
    expect(splitSentences(text, { normalise: collapse })).toEqual([
      'Dr. Smith met U.S. officials in Tehran on Monday.',
      'They talked about trade.',
    ]);
  });

  it('ends a sentence after a short name but not after a title or a company abbreviation', () => {
    const text =
      'Exports went to Iraq. Acme Inc. Chairman Ali Ahmadi met Lt. Col. Reza in Qom. They signed a new deal.';
    expect(splitSentences(text, { normalise: collapse })).toEqual([
      'Exports went to Iraq.',
      'Acme Inc. Chairman Ali Ahmadi met Lt. Col. Reza in Qom.',
      'They signed a new deal.',
    ]);
  });

  it('cuts each sentence verbatim from its paragraph', () => {
    const text =
      'He said: “No.  Never!”  Then   (U.S.) envoys left… Iran’s “talks” resumed in 2021?! Yes, it did so.';
    const sentences = splitSentences(text, { normalise: (p) => p });
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) expect(text).toContain(s);
  });

  it('leaves out short lines such as a timestamp or a sign-off', () => {
    expect(
      splitSentences('June 18, 2021 - 11:28\n\nThe plan has 100 programs in all.\nEF/MA', {
        normalise: collapse,
      }),
    ).toEqual(['The plan has 100 programs in all.']);
  });
});

describe('coverage and kb:add', () => {
  it('cut an article into the same sentences', () => {
    const text =
      'Iran signs a deal\n\nTEHRAN – Dr. Rasoulian said the U.S. sanctions hurt. “Exports grew,” he added. Trade is up again.';
    const fromCoverage = coverageSentences({ text, title: 'Iran signs a deal', titleIsHeadline: true });
    const fromDrafts = splitStatements(text, 'Iran signs a deal').map(normaliseForQuote);
    // Drafts leave out the dateline that opens the first statement; coverage keeps it.
    const noDateline = (s: string) => s.replace(/^TEHRAN\s*[–-]\s*/, '');
    expect(fromDrafts.map(noDateline)).toEqual(fromCoverage.map(noDateline));
    expect(fromCoverage).toHaveLength(3);
  });
});
