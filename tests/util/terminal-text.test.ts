import { describe, expect, it } from 'vitest';
import { terminalJson, terminalLine, terminalText } from '../../src/util/terminal-text.ts';

/** Any C0 control, DEL or C1 control. */
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe('terminal text', () => {
  it('shows escape sequences, the one-byte CSI, bell, backspace and carriage return as \\x escapes', () => {
    const typed =
      '\u001b[2J\u001b]0;owned\u0007\u001b]8;;http://x.test\u001b\\link\u001b]8;;\u001b\\\u009b31m\b\r';
    const shown = terminalLine(typed);
    expect(shown).not.toMatch(RAW_CONTROL);
    expect(shown).toBe(
      '\\x1b[2J\\x1b]0;owned\\x07\\x1b]8;;http://x.test\\x1b\\link\\x1b]8;;\\x1b\\\\x9b31m\\x08\\x0d',
    );
  });

  it('leaves ordinary text alone: punctuation, other scripts and emoji', () => {
    const text = 'How many parks? — “Iran’s” 🙂 پارک صنعتی\\n';
    expect(terminalLine(text)).toBe(text);
    expect(terminalText(text)).toBe(text);
  });

  it('escapes line breaks and tabs on one line, keeps them in several', () => {
    expect(terminalLine('a\nb\tc\r\nd')).toBe('a\\x0ab\\x09c\\x0d\\x0ad');
    expect(terminalText('a\nb\tc\r\nd\re\u001b')).toBe('a\nb\tc\nd\\x0de\\x1b');
  });

  it('prints JSON with no raw control character that parses back to the same value', () => {
    const value = { q: 'a\u001b[2J\u007f\u0085\u009b31m\nb', n: 1 };
    const json = terminalJson(value);
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });
});
