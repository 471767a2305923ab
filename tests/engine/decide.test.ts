import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { miniKb } from '../helpers/mini-kb.ts';

describe('decide', () => {
  it('counts a word only the fact’s article holds as context that supports the match', () => {
    const withContext = new Engine(miniKb(), { contextWeight: 0.6 });
    const without = new Engine(miniKb(), { contextWeight: 0 });
    // "robot" is in the article's text but not in the Jane Doe fact.
    const q = 'in the robot trade story, who heads the widget council';
    expect(withContext.answer(q).confidence ?? 0).toBeGreaterThan(without.answer(q).confidence ?? 0);
  });

  it('counts a common English word the material never uses for little', () => {
    const everyday = ['weather', 'nowadays', 'running'];
    const engine = new Engine(miniKb(), { everyday, fillerWeight: 0.1 });
    const strict = new Engine(miniKb(), { everyday, fillerWeight: 1 });
    const q = 'nowadays who heads the widget council';
    expect(engine.answer(q).confidence ?? 0).toBeGreaterThan(strict.answer(q).confidence ?? 0);
  });

  it('refuses when no candidate reaches the threshold, and the trace says why', () => {
    const a = new Engine(miniKb()).answer('what is the weather on mars', { explain: true });
    expect(a.status).toBe('no_match');
    expect(a.trace?.decision.action).toBe('refuse');
    expect(a.trace?.decision.reason).not.toBe('');
  });

  it('reports the confidence of the answer it gives', () => {
    const a = new Engine(miniKb()).answer('who heads the widget council');
    expect(a.status).toBe('answered');
    expect(a.confidence).toBeGreaterThanOrEqual(0.74);
  });
});
