/**
 * The one sentence splitter: kb:check's coverage and kb:add's drafts must agree on what a
 * statement of an article is, or a draft could quote a piece coverage never counts.
 */

/** Lines with fewer words than this (sign-offs, timestamps) are not statements. */
export const MIN_STATEMENT_WORDS = 4;

export function wordCount(text: string): number {
  return text.match(/\p{L}{2,}/gu)?.length ?? 0;
}

/** A piece ending in one of these ends at an abbreviation or an initial, not a sentence. */
const ABBREVIATIONS =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Gen|Col|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$/;

export interface SplitOptions {
  /** Applied to each paragraph first (collapse whitespace, or normalise quotes too). */
  normalise(paragraph: string): string;
  /** Paragraphs to leave out whole (the headline). */
  skip?(paragraph: string): boolean;
  /** Cuts what opens a paragraph but is no statement (a "date …" marker, a dateline). */
  stripLead?(paragraph: string): string;
}

/**
 * The statements of a text: each line a paragraph, split into sentences at . ! or ? (with any
 * straight or curly closing quote) before a capital (with any opening quote), re-joined after an
 * abbreviation or an initial ("Dr. Smith", "U.S. Congress"); short pieces are left out.
 */
export function splitSentences(text: string, options: SplitOptions): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n/)) {
    const p = options.normalise(paragraph);
    if (wordCount(p) < MIN_STATEMENT_WORDS || options.skip?.(p)) continue;
    const body = options.stripLead ? options.stripLead(p) : p;
    const sentences: string[] = [];
    for (const piece of body.split(/(?<=[.!?]["'\u201d\u2019]?)\s+(?=["'\u201c\u2018]?[A-Z])/)) {
      const last = sentences.length - 1;
      if (last >= 0 && ABBREVIATIONS.test(sentences[last] ?? '')) sentences[last] += ` ${piece}`;
      else sentences.push(piece);
    }
    for (const s of sentences) if (wordCount(s) >= MIN_STATEMENT_WORDS) out.push(s.trim());
  }
  return out;
}
