import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.ts';

describe('stem', () => {
  it('stems British and American spellings alike', () => {
    expect(stem('travelled')).toBe(stem('traveled'));
    expect(stem('cancelled')).toBe(stem('canceled'));
    expect(stem('travelling')).toBe(stem('travel'));
    expect(stem('installed')).toBe(stem('install'));
    expect(stem('small')).toBe('small');
    expect(stem('called')).toBe('call');
  });

  it('reduces plurals so singular and plural match', () => {
    expect(stem('parks')).toBe(stem('park'));
    expect(stem('industries')).toBe(stem('industry'));
    expect(stem('consortiums')).toBe('consortium');
  });

  it('reduces verb endings to the same stem', () => {
    expect(stem('exported')).toBe('export');
    expect(stem('exporting')).toBe('export');
    expect(stem('planned')).toBe(stem('planning'));
    expect(stem('signings')).toBe(stem('signing'));
    expect(stem('meetings')).toBe(stem('meeting'));
  });

  it('gives a verb ending in a silent e the stem of its -ing and -ed forms', () => {
    expect(stem('operate')).toBe(stem('operating'));
    expect(stem('operates')).toBe(stem('operated'));
    expect(stem('produce')).toBe(stem('producing'));
    expect(stem('committee')).toBe('committee');
    expect(stem('note')).toBe('note');
  });

  it('leaves short words and words ending in ss or us alone', () => {
    expect(stem('has')).toBe('has');
    expect(stem('business')).toBe('business');
    expect(stem('status')).toBe('status');
  });
});
