/**
 * Whether a name a fact gives (a speaker, a person, a party, a place) occurs in the fact's own
 * words: its quote, answer or entities. Case, typographic quotes and possessives aside ("Armenia’s"),
 * a word may stand in its adjective form ("Armenian", "Iranian", "South Korean", "German",
 * "Turkish"), and, for people and organisations, the alias groups make an acronym and its long name
 * one ("ISIPO" and "Iran Small Industries and Industrial Parks Organization"). (Finding the names
 * a sentence gives, for kb:add's drafts, is src/text/names.ts.)
 */
import { AliasMatcher } from '../engine/normalise.ts';
import { toWords } from '../text/tokenise.ts';
import type { AliasGroup } from '../engine/types.ts';

/** Endings that make a place name an adjective: Armenia-n, Iran-ian, Japan-ese, Israel-i. */
const ADJECTIVE_ENDINGS = ['n', 'an', 'ian', 'ese', 'ish', 'i'];

/** `word` (of the text) is `name` or its adjective form. */
function sameWord(word: string, name: string): boolean {
  if (word === name) return true;
  if (word.startsWith(name) && ADJECTIVE_ENDINGS.includes(word.slice(name.length))) return true;
  // Germany → German, Turkey → Turkish.
  if (name.endsWith('y') && name.length > 4) {
    const base = name.slice(0, -1);
    if (word === base || word === `${name.slice(0, -2)}ish`) return true;
  }
  return false;
}

/** Lowercase, straight apostrophes, one space between words. */
function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function contains(words: readonly string[], name: readonly string[]): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i + name.length <= words.length; i++) {
    if (name.every((n, k) => sameWord(words[i + k] as string, n))) return true;
  }
  return false;
}

/** A fact's own words, read once each way. */
export interface Haystack {
  occurs(name: string, options: { aliases: boolean }): boolean;
}

export class NameFinder {
  private readonly aliases: AliasMatcher;
  /** Each text's words, as written and with aliases applied: names and entities recur across facts. */
  private readonly read = new Map<string, { plain: string[]; aliased?: string[] }>();

  constructor(aliases: readonly AliasGroup[]) {
    this.aliases = new AliasMatcher(aliases);
  }

  private readonly patterns = new Map<string, RegExp>();

  /** The name as written, as a whole word or with an adjective ending. */
  private pattern(name: string): RegExp {
    let re = this.patterns.get(name);
    if (!re) {
      const endings = ADJECTIVE_ENDINGS.join('|');
      re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(plain(name))}(?:${endings})?(?![\\p{L}\\p{N}])`, 'u');
      this.patterns.set(name, re);
    }
    return re;
  }

  private words(text: string, aliases: boolean): string[] {
    let entry = this.read.get(text);
    if (!entry) this.read.set(text, (entry = { plain: toWords(text) }));
    if (!aliases) return entry.plain;
    return (entry.aliased ??= this.aliases.apply(entry.plain));
  }

  /**
   * The texts a name must occur in. `aliases: false` (places) reads every word as written, so
   * "Tehran" is not found in a text that says only "Iran".
   */
  in(texts: readonly string[]): Haystack {
    let flat: string[] | undefined;
    return {
      occurs: (name, { aliases }) => {
        // Most names are in the text as written: a plain search first, the words only if it fails.
        flat ??= texts.map(plain);
        const written = this.pattern(name);
        if (flat.some((t) => written.test(t))) return true;
        const wanted = this.words(name, aliases);
        return texts.some((t) => contains(this.words(t, aliases), wanted));
      },
    };
  }
}
