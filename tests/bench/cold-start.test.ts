import { describe, expect, it } from 'vitest';
import { coldStart } from '../../src/bench/cold-start.ts';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';

/** The cold-start measurement runs the real ask program (on the fixture knowledge base); these check it works, never how fast. */
describe('coldStart', () => {
  it('times the real ask program answering, as many starts as asked', async () => {
    const r = await coldStart('what is this about', 2, { ...process.env, KNOWLEDGE_DIR: FIXTURE_KB_DIR });
    expect(r.n).toBe(2);
    expect(Number.isFinite(r.p50)).toBe(true);
  });

  it('fails with the program’s error when a start fails, instead of reporting a time', async () => {
    const env = { ...process.env, KNOWLEDGE_DIR: '/nonexistent/knowledge' };
    await expect(coldStart('what is this about', 2, env)).rejects.toThrow(/ask (exited|failed)/);
  });
});
