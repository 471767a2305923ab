/**
 * The one sentence splitter: kb:check's coverage and kb:add's drafts must agree on what a
 * statement of an article is, or a draft could quote a piece coverage never counts.
 *
 * The boundaries come from compromise's tokeniser (`compromise/one`), which knows abbreviations,
 * titles and initials ("Dr. Smith", "U.S. Congress", "Acme Inc. Chairman", "Lt. Col.") and still
 * ends a sentence at a short name ("… in Iran. The …"). Each sentence is then cut from the
 * paragraph itself, so it is always a verbatim stretch of it.
 */
import nlp from 'compromise/one';

/** Lines with fewer words than this (sign-offs, timestamps) are not statements. */
export const MIN_STATEMENT_WORDS = 4;

export function wordCount(text: string): number {
  return text.match(/\p{L}{2,}/gu)?.length ?? 0;
}

export interface SplitOptions {
  /** Applied to each paragraph first (collapse whitespace, or normalise quotes too). */
  normalise(paragraph: string): string;
  /** Paragraphs to leave out whole (the headline). */
  skip?(paragraph: string): boolean;
  /** Cuts what opens a paragraph but is no statement (a "date …" marker, a dateline). */
  stripLead?(paragraph: string): string;
}

/** The sentences of one paragraph, each a slice of it. */
function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const { text } of nlp(paragraph).json({ text: true }) as { text: string }[]) {
    const at = paragraph.indexOf(text.trim(), from);
    if (at < 0) return [paragraph]; // never expected (compromise keeps the text as given): stay verbatim
    out.push(paragraph.slice(at, at + text.trim().length));
    from = at + text.trim().length;
  }
  return out;
}

/**
 * The statements of a text: each line a paragraph, split into sentences; short pieces (fewer
 * than MIN_STATEMENT_WORDS words) are left out.
 */
export function splitSentences(text: string, options: SplitOptions): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const p = options.normalise(paragraph);
    if (wordCount(p) < MIN_STATEMENT_WORDS || options.skip?.(p)) continue;
    const body = options.stripLead ? options.stripLead(p) : p;
    for (const s of sentencesOf(body)) if (wordCount(s) >= MIN_STATEMENT_WORDS) out.push(s);
  }
  return out;
}
