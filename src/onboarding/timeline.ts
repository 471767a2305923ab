/**
 * The /timeline: the material's dated events and figures in order. An entry is placed by the fact's
 * date, else its figures' "as of", else its article's date; an undated article's facts are placed by
 * the date its text implies (article.impliedDate), or last when it implies none, and are marked
 * "(undated; …)" with what the article's date note says.
 */
import type { Engine } from '../engine/engine.ts';
import { formatDate } from '../engine/render.ts';
import type { Fact } from '../engine/types.ts';
import { citationTitle } from '../engine/render.ts';
import { clip, introductions } from './cite.ts';

export interface TimelineEntry {
  factId: string;
  /** What it is sorted on (YYYY, YYYY-MM or YYYY-MM-DD); null when nothing places it. */
  sortDate: string | null;
  /** "13 July 2021", "as of December 2019", "December 2019 (undated; …)". */
  when: string;
  undated: boolean;
  text: string;
  citation: string;
  articleId: string;
}

/** The date note of an undated article, without the leading "Undated.", first sentence only. */
function undatedNote(dateNote: string): string {
  const note = dateNote.replace(/^undated\.?\s*/i, '');
  const first = /^.*?[.;](\s|$)/.exec(note)?.[0] ?? note;
  return clip(first.replace(/[.;]\s*$/, ''), 140);
}

/** The facts that are events or figures: a date or a figure of their own, or a topic (an event) in an undated article. */
function isEvent(engine: Engine, fact: Fact, intros: Set<Fact>): boolean {
  if (intros.has(fact)) return false;
  if (fact.date || fact.figures.length > 0) return true;
  return engine.articles.get(fact.articleId)?.date === null && fact.topic !== undefined;
}

export function timelineEntries(engine: Engine): TimelineEntry[] {
  const intros = new Set(introductions(engine).map((i) => i.fact));
  const entries = engine.facts
    .filter((f) => isEvent(engine, f, intros))
    .map((fact, order) => {
      const article = engine.articles.get(fact.articleId);
      if (!article) throw new Error(`fact ${fact.id} names unknown article ${fact.articleId}`);
      const asOf = fact.figures.flatMap((g) => (g.asOf ? [g.asOf] : [])).sort()[0];
      let sortDate: string | null;
      let when: string;
      let undated = false;
      if (fact.date) {
        sortDate = fact.date;
        when = formatDate(fact.date);
      } else if (asOf) {
        sortDate = asOf;
        when = `as of ${formatDate(asOf)}`;
      } else if (article.date) {
        sortDate = article.date;
        when = formatDate(article.date);
      } else {
        undated = true;
        sortDate = article.impliedDate ?? null;
        const placed = article.impliedDate ? `placed at ${formatDate(article.impliedDate)}` : 'placed last';
        when = `(undated; ${placed}: ${undatedNote(article.dateNote)})`;
      }
      const citation = citationTitle(engine.answeredFact(fact).citation);
      return {
        entry: {
          factId: fact.id,
          sortDate,
          when,
          undated,
          text: fact.answer,
          citation,
          articleId: article.id,
        },
        order,
      };
    });
  entries.sort(
    (a, b) =>
      compareDates(a.entry.sortDate, b.entry.sortDate) ||
      Number(a.entry.undated) - Number(b.entry.undated) ||
      a.order - b.order,
  );
  return entries.map((e) => e.entry);
}

/** Earlier first; a coarser date ("2019-12") before the days within it; nothing (null) last. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/**
 * The timeline as pages of markdown, each within `maxChars`: entries under their date, each with
 * its (shortened) answer and its citation; consecutive entries of one date and article share one
 * heading and citation.
 */
export function timelinePages(entries: TimelineEntry[], maxChars = 3800, answerChars = 220): string[] {
  const blocks: string[] = [];
  let current: { key: string; lines: string[] } | undefined;
  for (const e of entries) {
    const key = `${e.when}|${e.articleId}`;
    if (!current || current.key !== key) {
      if (current) blocks.push(current.lines.join('\n'));
      current = { key, lines: [`**${e.when}** — *${e.citation}*`] };
    }
    current.lines.push(`• ${clip(e.text, answerChars)}`);
  }
  if (current) blocks.push(current.lines.join('\n'));

  const pages: string[] = [];
  let page = '';
  for (const block of blocks) {
    // A block longer than a page on its own is split line by line.
    const pieces = block.length > maxChars ? block.split('\n') : [block];
    for (const piece of pieces) {
      const text = piece.length <= maxChars ? piece : `${piece.slice(0, maxChars - 1)}…`;
      const joined = page ? `${page}\n\n${text}` : text;
      if (joined.length > maxChars && page) {
        pages.push(page);
        page = text;
      } else page = joined;
    }
  }
  if (page) pages.push(page);
  return pages;
}
