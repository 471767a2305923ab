/** Number words ("nine months", "twenty years") and their values. */

const SMALL =
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'.split(
    ' ',
  );

/** Number words and their values: "one" to "twenty", the tens up to "ninety", "hundred" and "dozen". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ...SMALL.slice(1).map((w, i): [string, number] => [w, i + 1]),
  ...'thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((w, i): [string, number] => [w, (i + 3) * 10]),
  ['hundred', 100],
  ['dozen', 12],
]);

/**
 * "two" to "twenty" as digits ("nine" → "9"), so "nine months" and "9 months" read alike; any
 * other word → undefined. "one" stays a word: "one of the parks" counts nothing.
 */
export function smallNumber(word: string): string | undefined {
  const n = SMALL.indexOf(word);
  return n >= 2 ? String(n) : undefined;
}
