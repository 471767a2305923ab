/**
 * Text for a terminal. Stored questions are typed by Discord users and article text is pasted in by
 * curators, so either may hold control characters that a terminal obeys instead of showing: escape
 * sequences (ESC …, or the one-byte CSI) that clear the screen, set the window title or hide a link
 * (OSC 8), a carriage return or backspace that overwrites what was printed, a bell. Every CLI
 * passes what it prints through here, so each of them shows as a visible `\xHH` escape instead:
 * the C0 controls (U+0000–U+001F), DEL (U+007F) and the C1 controls (U+0080–U+009F).
 *
 * One regular expression, hand-written: the libraries at hand (strip-ansi and the like) delete
 * escape sequences rather than show them, and leave other control characters through.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// The same, less tab and line feed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// DEL and C1: JSON.stringify escapes C0 itself.
const JSON_UNESCAPED_CONTROL = /[\u007f-\u009f]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');

/** One line of output: every control character escaped, line breaks and tabs included. */
export function terminalLine(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${hex(c, 2)}`);
}

/** Several lines of output: as terminalLine, but line feeds (and CRLF, as a line feed) and tabs stay. */
export function terminalText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_BUT_LAYOUT, (c) => `\\x${hex(c, 2)}`);
}

/**
 * JSON.stringify, with DEL and the C1 controls escaped too (`\u009b`), so JSON printed on a
 * terminal is as safe as text. It parses back to the same value.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNESCAPED_CONTROL, (c) => `\\u${hex(c, 4)}`);
}
