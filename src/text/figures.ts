/**
 * The figures a sentence gives, each a number with its unit: "more than 900 industrial parks",
 * "$1.6 billion" (1.6 billion US dollars), "92 percent of Iran’s industrial sector". Dates, times
 * and years are not figures. A few rules of our own: compromise reads numbers too, but it merges
 * the scale into the value and gives no unit.
 */
import { findDates } from './dates.ts';
import { NUMBER_WORDS } from './numbers.ts';

export interface FoundFigure {
  value: number;
  /** What is counted, with the scale: "industrial parks", "trillion rials", "percent of …". */
  unit: string;
  /** "more than", "nearly", "about", as the sentence words it. */
  qualifier?: string;
}

const SCALES = 'thousand|million|billion|trillion';
const CURRENCIES: Record<string, string> = { $: 'US dollars', '€': 'euros', '£': 'pounds' };
const QUALIFIERS = 'more than|less than|fewer than|at least|up to|over|nearly|almost|about|around|some|only';
/** [qualifier] [currency] number [scale] [percent]: "nearly $7.99 billion", "more than 900", "92 percent". */
const FIGURE = new RegExp(
  `(?:\\b(${QUALIFIERS}|approximately|roughly)\\s+)?([$€£])?\\b(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|` +
    `${[...NUMBER_WORDS.keys()].join('|')})\\b(?:\\s+(${SCALES})\\b)?\\s*(%|per ?cent\\b)?`,
  'gi',
);
/** Words that end a unit: function words, verbs and the like. */
const UNIT_STOP = new Set(
  (
    'a an the and or of in on at to for from by with as is are was were be been being has have had that which ' +
    'who whom this these those it its their his her they he she we our than then so active operating working ' +
    'worth said says will would could should may might can must not also up down out into during since until ' +
    'across per each every between about over under'
  ).split(' '),
);

/** A unit without its scale words: "billion US dollars" → "US dollars". */
export const withoutScale = (unit: string) => unit.replace(new RegExp(`\\b(?:${SCALES}) `, 'g'), '');

/** Up to three words of a unit, ending at a function word, a number or (unless `names`) a capital. */
function unitWords(words: string[], names: boolean): string[] {
  const end = words.findIndex(
    (w, i) => UNIT_STOP.has(w.toLowerCase()) || !/^\p{L}/u.test(w) || (!names && i > 0 && /^\p{Lu}/u.test(w)),
  );
  return words.slice(0, Math.min(3, end < 0 ? words.length : end));
}

/** Numbers with their units: "more than 900 industrial parks", "$1.6 billion", "92 percent of …". */
export function findFigures(sentence: string): FoundFigure[] {
  let text = sentence.replace(/\b\d{1,2}:\d{2}\b/g, (t) => ' '.repeat(t.length)); // times, then dates
  for (const { span } of findDates(sentence))
    text = text.slice(0, span[0]).padEnd(span[1]) + text.slice(span[1]);
  const figures: FoundFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, qualifier, symbol, raw = '', scale, percent] = m;
    const after = /^\s*([\p{L}\p{N}'\u2019-]+(?:\s+[\p{L}\p{N}'\u2019-]+)*)/u.exec(
      text.slice(m.index + whole.length),
    );
    const words = after?.[1]?.split(/\s+/) ?? [];
    const word = NUMBER_WORDS.get(raw.toLowerCase());
    // "the two sides", "one of the programs": not figures.
    if (word && (/\bthe\s*$/i.test(text.slice(0, m.index)) || (word === 1 && !scale))) continue;
    const of = words[0] === 'of' ? unitWords(words.slice(1), true) : [];
    let unit = symbol ? [CURRENCIES[symbol] ?? symbol] : unitWords(words, false);
    if (percent) unit = of.length ? ['percent', 'of', ...of] : ['percent'];
    if (unit.length === 0) continue;
    const value = word ?? Number(raw.replace(/,/g, ''));
    const figure: FoundFigure = { value, unit: (scale ? [scale.toLowerCase(), ...unit] : unit).join(' ') };
    if (qualifier) figure.qualifier = qualifier.toLowerCase();
    figures.push(figure);
  }
  return figures;
}
