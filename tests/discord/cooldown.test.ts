import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.ts';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the per-user cooldown', () => {
  it('allows five questions in ten seconds and refuses the sixth with the time to wait', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(cooldown.take('alice').ok).toBe(true);
      c.advance(1000);
    }
    expect(cooldown.take('alice')).toEqual({ ok: false, retryAfterMs: 5000 });
  });

  it('allows a question again once the oldest one leaves the window', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now, limit: 2, windowMs: 1000 });
    cooldown.take('alice');
    c.advance(500);
    cooldown.take('alice');
    expect(cooldown.take('alice').ok).toBe(false);
    c.advance(500);
    expect(cooldown.take('alice').ok).toBe(true);
    expect(cooldown.take('alice').ok).toBe(false);
  });

  it('counts each user separately', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now, limit: 1 });
    expect(cooldown.take('alice').ok).toBe(true);
    expect(cooldown.take('alice').ok).toBe(false);
    expect(cooldown.take('bob').ok).toBe(true);
  });

  it('does not count refused questions against the user', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now, limit: 1, windowMs: 1000 });
    cooldown.take('alice');
    for (let i = 0; i < 5; i++) cooldown.take('alice');
    c.advance(1000);
    expect(cooldown.take('alice').ok).toBe(true);
  });
});
