import { describe, expect, it } from 'vitest';
import { coldStart } from '../../src/bench/cold-start.ts';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';

/** The cold-start measurement runs the real programs; these check it works, never how fast. */
describe('coldStart', () => {
  const question = 'how many industrial parks does iran have';

  it('times the real ask program answering', () => {
    const r = coldStart('fixture', FIXTURE_KB_DIR, question, 'ask', 1);
    expect(r.error).toBeUndefined();
    expect(r.runs).toHaveLength(1);
    expect(r.runs[0]?.status).toBe('answered');
  });

  it('opens from the snapshot after the warm-up, and from the files when asked', () => {
    const snap = coldStart('fixture', FIXTURE_KB_DIR, question, 'bundle + snapshot', 1);
    expect(snap.runs[0]).toMatchObject({ from: 'snapshot', status: 'answered' });
    const files = coldStart('fixture', FIXTURE_KB_DIR, question, 'bundle, files', 1);
    expect(files.runs[0]).toMatchObject({ from: 'files', status: 'answered' });
  });

  it('reports a failing start as an error instead of a time', () => {
    const r = coldStart('missing', '/nonexistent/knowledge', question, 'bundle + snapshot', 2);
    expect(r.error).toMatch(/no result|problem/);
    expect(Number.isNaN(r.wallMs)).toBe(true);
  });
});
