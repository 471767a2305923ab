/** Plain-text rendering of an answer, for the console and `ask`. Discord has its own (embeds). */
import type { Answer, Citation } from './types.ts';
import { monthName } from '../text/months.ts';

/** 2021-07-13 → "13 July 2021"; 2021-07 → "July 2021"; 2021 → "2021". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y ?? date;
  const month = monthName(Number(m)) ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Cuts text to a limit at a word boundary where it can, ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Title — Outlet, 13 July 2021 (or "undated"). */
export function citationTitle(c: Citation): string {
  return `${c.title} — ${c.outlet}, ${c.date ? formatDate(c.date) : 'undated'}`;
}

/** "Title" — Outlet, 13 July 2021 (or "undated"). */
export function citationLine(c: Citation): string {
  return `“${c.title}” — ${c.outlet}, ${c.date ? formatDate(c.date) : 'undated'} [${c.articleId}]`;
}

/**
 * A quote in quotation marks, on one line. One that has quotation marks of its own ("“Foodstuff …,”
 * Mosaheb told IRNA") is shown as it is: wrapping it would print ““ at its start.
 */
export function quoted(quote: string): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  return /[“”"]/.test(text) ? text : `“${text}”`;
}

export function renderAnswerText(answer: Answer): string {
  const lines: string[] = [];
  if (answer.corrections.length > 0) {
    lines.push(`(read ${answer.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')})`);
  }
  lines.push(answer.answer);
  if (answer.status === 'no_match') {
    for (const s of answer.suggestions) lines.push(`  • ${s}`);
    // A near miss: what the material does say instead, with its citation.
    if (answer.related) {
      const c = answer.related.citation;
      lines.push('', 'Source:', `  ${citationLine(c)}`, `    ${quoted(c.quote)}`);
    }
    return lines.join('\n');
  }
  if (answer.note) lines.push(`Note: ${answer.note}`);
  lines.push('');
  const articles = new Set(answer.citations.map((c) => c.articleId));
  lines.push(articles.size > 1 ? 'Sources:' : 'Source:');
  // Each article once, with every quote from it under it.
  for (const id of articles) {
    const quotes = answer.citations.filter((c) => c.articleId === id);
    lines.push(`  ${citationLine(quotes[0] as Citation)}`);
    for (const c of quotes) lines.push(`    ${quoted(c.quote)}`);
  }
  return lines.join('\n');
}
