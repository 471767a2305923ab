/**
 * Country and region names, from the runtime's own ICU data (Intl.DisplayNames, English): no
 * list of ours to keep up to date.
 */

/** Spellings the ICU data gives otherwise ("Türkiye", "United States") or not as a name of its own. */
const OTHER_COUNTRY_NAMES: readonly string[] = ['Turkey', 'U.S.', 'US', 'USA', 'UK', 'Korea'];

let regions: string[] | undefined;

/** Every country and region name ICU knows: "Armenia", "South Korea", "Congo - Kinshasa", "St. Helena". */
export function regionNames(): readonly string[] {
  if (regions) return regions;
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  regions = [];
  for (const a of letters)
    for (const b of letters) {
      const name = display.of(a + b);
      if (name && name !== a + b) regions.push(name);
    }
  return regions;
}

/** The words of the region names, lowercase, of three letters or more: "south", "korea", "congo". */
export function placeWords(): string[] {
  return regionNames().flatMap((name) =>
    name
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 2),
  );
}

let countryPattern: RegExp | undefined;

/** The region names written as words (no "Congo - Kinshasa"), and the other spellings, longest first. */
function countries(): RegExp {
  if (countryPattern) return countryPattern;
  const names = new Set<string>(OTHER_COUNTRY_NAMES);
  for (const name of regionNames()) if (/^[\p{L} .'-]+$/u.test(name) && name.length >= 4) names.add(name);
  const escaped = [...names]
    .sort((x, y) => y.length - x.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  countryPattern = new RegExp(`(?<![\\p{L}.])(?:${escaped.join('|')})(?![\\p{L}])`, 'gu');
  return countryPattern;
}

/** The countries a text names ("Iran", "South Korea"), in order of first mention; "US" and "USA" as "U.S.". */
export function findCountries(text: string): string[] {
  const re = countries();
  re.lastIndex = 0;
  return [...new Set([...text.matchAll(re)].map((m) => (m[0] === 'US' || m[0] === 'USA' ? 'U.S.' : m[0])))];
}
