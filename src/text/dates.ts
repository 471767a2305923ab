/**
 * The dates a text mentions, read by chrono-node: "June 18, 2021 - 11:28", "13 July 2021",
 * "August 2019", "Tuesday"; bare years ("in 2018") too. Only what the text itself says: nothing
 * is read relative to today.
 */
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** As written: "June 18, 2021 - 11:28", "August 2019", "2018", "Tuesday". */
  text: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when the text gives no year (a weekday, "March 20"). */
  iso: string | null;
  /** Where it stands in the text searched: [start, end). */
  span: [number, number];
}

/** chrono without the parsers that read a date relative to today ("now", "last week", "this year"). */
const chronoDates = chrono.casual.clone();
chronoDates.parsers = chronoDates.parsers.filter(
  (p) => !/Casual|Relative|TimeUnit|EndOf/.test(p.constructor.name),
);

/** Every date the text mentions, in order; bare years ("in 2018") too. */
export function findDates(text: string): FoundDate[] {
  const found = chronoDates.parse(text).map(({ start: c, text: t, index }): FoundDate => {
    const known = (['year', 'month', 'day'] as const).filter((part) => c.isCertain(part));
    return {
      text: t.replace(/^(?:on|in|at|since|from|by|until)\s+/i, '').replace(/[\s,.;:]+$/, ''),
      iso:
        known[0] === 'year'
          ? known.map((k) => String(c.get(k)).padStart(k === 'year' ? 4 : 2, '0')).join('-')
          : null,
      span: [index, index + t.length],
    };
  });
  for (const m of text.matchAll(/\b(?:19|20)\d{2}\b/g))
    if (!found.some(({ span: [s, e] }) => m.index >= s && m.index < e))
      found.push({ text: m[0], iso: m[0], span: [m.index, m.index + 4] });
  return found.sort((a, b) => a.span[0] - b.span[0]);
}
