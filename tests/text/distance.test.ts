import { describe, expect, it } from 'vitest';
import { editDistance, withinOneEdit } from '../../src/text/distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('industrial', 'industral')).toBe(1);
    expect(editDistance('park', 'parks')).toBe(1);
    expect(editDistance('iran', 'iraq')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts a swap of two adjacent letters as one edit', () => {
    expect(editDistance('armenia', 'armneia')).toBe(1);
  });

  it('is zero for the same word', () => {
    expect(editDistance('mou', 'mou')).toBe(0);
  });

  it('is the length of the other word for an empty one', () => {
    expect(editDistance('', 'sme')).toBe(3);
  });
});

describe('withinOneEdit', () => {
  it('accepts one substitution, insertion or deletion', () => {
    expect(withinOneEdit('industrial', 'industral')).toBe(true);
    expect(withinOneEdit('parks', 'parcs')).toBe(true);
    expect(withinOneEdit('park', 'parks')).toBe(true);
  });

  it('rejects two edits, a swap among them', () => {
    expect(withinOneEdit('armenia', 'arnemia')).toBe(false);
    expect(withinOneEdit('industry', 'industrial')).toBe(false);
  });
});
