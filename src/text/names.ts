/**
 * Finding the names a sentence gives: capitalised runs of two or more words ("Ali Rasoulian",
 * "Bank of Industry and Mine"), not the word that opens the sentence, a month or a weekday. Rules
 * of our own: compromise's people and organisation tagging did worse on these articles. (Whether a
 * name already known occurs in a fact's words is src/knowledge/names.ts.)
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from './months.ts';
import { ORGANISATION_NAME_END } from './organisations.ts';

/** Words that open a sentence without being part of a name. */
const STARTERS = new Set(
  (
    'The A An In On At As According Back Since So Over Up This That These Those It He She They We His Her ' +
    'Their Its One Meanwhile Also However Moreover Under With By For From After Before During While Besides ' +
    'Following Earlier Later Last Next Both Some All Each Many Most If When Where Why How What Who Today ' +
    'Yesterday Such Other Another There Here Then Thus Therefore'
  ).split(' '),
);
const DAYS = [...MONTH_NAMES, ...WEEKDAY_NAMES].map((d) => d[0]!.toUpperCase() + d.slice(1));
/** A capitalised word that is not a month or a weekday. */
const CAPITAL = `(?!(?:${DAYS.join('|')})\\b)\\p{Lu}(?:[\\p{L}\\p{N}'\\u2019-]|\\.(?=\\p{L}))*`;
/** Two or more capitalised words, joined by spaces and "of", "and", "for", "the". */
const NAME = new RegExp(`${CAPITAL}(?:\\s+(?:(?:of|and|for|the|de|al|on)\\s+)*${CAPITAL})+`, 'gu');

/** Capitalised multi-word names: "Ali Rasoulian", "Bank of Industry and Mine"; "Iran and Armenia" are two. */
export function findNames(sentence: string): string[] {
  // The word that opens the sentence ("The", "According", "Speaking") is no part of a name.
  const s = sentence.replace(/^([\s"'\u201c\u2018(]*)(\p{Lu}\p{L}*)/u, (all, pre: string, w: string) =>
    STARTERS.has(w) || w.endsWith('ing') ? pre + ' '.repeat(w.length) : all,
  );
  const names = [...s.matchAll(NAME)].flatMap(([name]) =>
    / and /.test(name) && !ORGANISATION_NAME_END.test(name.slice(name.lastIndexOf(' and ')))
      ? name.split(' and ').filter((part) => part.includes(' '))
      : [name],
  );
  return [...new Set(names)];
}
