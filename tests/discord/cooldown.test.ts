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
    expect(cooldown.take('alice')).toEqual({ ok: false, retryAfterMs: 5000, notify: true });
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

  it('says to notify only the first refusal in a window, however many follow', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now, limit: 1, windowMs: 1000 });
    cooldown.take('alice');
    const refusals = Array.from({ length: 50 }, () => cooldown.take('alice'));
    expect(refusals.filter((r) => !r.ok && r.notify)).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ ok: false, notify: true });
  });

  it('notifies again once a window has passed since the last notice', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now, limit: 1, windowMs: 1000 });
    cooldown.take('alice');
    expect(cooldown.take('alice')).toMatchObject({ ok: false, notify: true });
    c.advance(999);
    expect(cooldown.take('alice')).toMatchObject({ ok: false, notify: false });
    c.advance(1);
    cooldown.take('alice'); // allowed again: the window has passed
    expect(cooldown.take('alice')).toMatchObject({ ok: false, notify: true });
  });

  it('notifies each user once, separately', () => {
    const c = clock();
    const cooldown = new Cooldown({ now: c.now, limit: 1 });
    cooldown.take('alice');
    cooldown.take('alice');
    cooldown.take('bob');
    expect(cooldown.take('bob')).toMatchObject({ ok: false, notify: true });
  });
});
