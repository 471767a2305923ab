/**
 * Questions for the benchmark: paraphrases of the facts' curated questions with typos (what people
 * type), and off-topic questions made of words the KB never uses.
 */
import { toWords } from '../text/tokenise.ts';
import type { KnowledgeBase } from '../engine/types.ts';
import { Rng } from '../util/prng.ts';

export interface BenchQuestion {
  text: string;
  /** The fact the question was made from; null for questions the KB cannot answer. */
  factId: string | null;
}

const FILLERS =
  'can you tell me|please tell me|i want to know|quick question:|hey,|do you know|i was wondering|could you say'.split(
    '|',
  );

/**
 * One typo in a word: swap two neighbouring letters, drop one, or type one twice. The result reads
 * as another word (not the same after normalisation, as "parks" → "park" would).
 */
export function typo(rng: Rng, word: string): string {
  if (word.length < 2) return word;
  const same = toWords(word).join(' ');
  for (let attempt = 0; attempt < 20; attempt++) {
    const op = rng.int(0, 2);
    // Keep the first letter: people rarely mistype it.
    const i = rng.int(1, word.length - 1);
    let out: string;
    if (op === 0 && i < word.length - 1) out = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    else if (op === 1) out = word.slice(0, i) + word.slice(i + 1);
    else out = word.slice(0, i) + word[i] + word.slice(i);
    if (out !== word && (attempt >= 10 || toWords(out).join(' ') !== same)) return out;
  }
  return word.slice(0, -1);
}

/** Words of five letters or more (letters only, after trimming punctuation) that a typo can hit. */
function typoTargets(tokens: string[]): number[] {
  return tokens.flatMap((t, i) => (/^\p{L}{5,}$/u.test(t.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')) ? [i] : []));
}

function typoInToken(rng: Rng, token: string): string {
  const m = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(token);
  if (!m) return token;
  return `${m[1]}${typo(rng, m[2] as string)}${m[3]}`;
}

/**
 * A paraphrase with typos: 1–2 words of ≥5 letters mistyped; sometimes a word dropped or two
 * swapped, lowercased, a filler ("can you tell me") added, the question mark left off.
 */
export function paraphrase(rng: Rng, question: string): string {
  let tokens = question.split(/\s+/).filter(Boolean);
  if (tokens.length >= 4 && rng.chance(0.3)) {
    // Drop a word, not the last (often the subject).
    tokens.splice(rng.int(0, tokens.length - 2), 1);
  }
  if (tokens.length >= 3 && rng.chance(0.3)) {
    if (rng.chance(0.5)) {
      const i = rng.int(0, tokens.length - 2);
      [tokens[i], tokens[i + 1]] = [tokens[i + 1] as string, tokens[i] as string];
    } else {
      tokens = [...tokens.slice(-1), ...tokens.slice(0, -1)];
    }
  }
  const targets = rng.sample(typoTargets(tokens), rng.int(1, 2));
  for (const i of targets) tokens[i] = typoInToken(rng, tokens[i] as string);
  let text = tokens.join(' ');
  if (rng.chance(0.7)) text = text.toLowerCase();
  if (rng.chance(0.4)) text = text.replace(/\?$/, '');
  if (rng.chance(0.4)) text = `${rng.pick(FILLERS)} ${text}`;
  return text;
}

/** `count` paraphrases of curated questions of reviewed facts, each naming its source fact. */
export function paraphraseSet(kb: KnowledgeBase, count: number, seed: number): BenchQuestion[] {
  const rng = new Rng(seed);
  const facts = kb.facts.filter((f) => f.status === 'reviewed' && f.questions.length > 0);
  if (facts.length === 0) return [];
  return Array.from({ length: count }, () => {
    const fact = rng.pick(facts);
    return { text: paraphrase(rng, rng.pick(fact.questions)), factId: fact.id };
  });
}

/** Every normalised word the KB uses (facts, articles, aliases), as the engine reads words. */
export function kbWords(kb: KnowledgeBase): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const w of toWords(text)) words.add(w);
  };
  for (const f of kb.facts) {
    for (const t of [f.answer, f.quote, ...f.questions, ...f.keywords, ...f.entities]) add(t);
  }
  for (const a of kb.articles) add(`${a.title} ${a.text}`);
  for (const g of kb.aliases) for (const t of [g.canonical, ...g.variants]) add(t);
  return words;
}

/** Everyday English far from industry and trade: what an off-topic question is about. */
const OFF_TOPIC_WORDS =
  `weather rain forecast tomorrow recipe pizza pasta chocolate cake guitar piano football
  basketball tennis goalkeeper penguin giraffe dolphin volcano glacier galaxy nebula telescope asteroid
  poem novel vampire wizard dragon castle knight chess marathon yoga vitamin dentist toothache sneakers
  umbrella vacation beach surfing skiing snowboard karaoke lyrics movie actress cartoon puppy kitten
  hamster aquarium garden tomato cucumber sandwich breakfast coffee espresso tea kettle bicycle helmet
  lottery horoscope zodiac birthday wedding bouquet perfume lipstick haircut wrestling boxing jellyfish`
    .split(/\s+/)
    .filter(Boolean);

const OFF_TOPIC_FRAMES = [
  (a: string, b: string) => `What is the best ${a} for ${b}?`,
  (a: string, b: string) => `How do I make a ${a} with ${b}`,
  (a: string, b: string) => `why does my ${a} hate ${b}?`,
  (a: string, b: string) => `Tell me about ${a} and ${b}`,
  (a: string, b: string) => `where can i buy a ${a} ${b}`,
  (a: string, b: string) => `who won the ${a} ${b} last year?`,
];

/**
 * Off-topic questions: a question frame ("What is the best … for …?") around two everyday English
 * words the KB does not use (checked after normalisation).
 */
export function offTopicSet(kb: KnowledgeBase, count: number, seed: number): BenchQuestion[] {
  const known = kbWords(kb);
  const rng = new Rng(seed);
  const words = OFF_TOPIC_WORDS.filter((w) => toWords(w).every((s) => !known.has(s)));
  return Array.from({ length: count }, () => {
    const [a, b] = rng.sample(words, 2) as [string, string];
    return { text: rng.pick(OFF_TOPIC_FRAMES)(a, b), factId: null };
  });
}

/**
 * The benchmark's question list: `count` questions, every fourth (from the second on) off-topic, the
 * rest paraphrases. Every engine answers a prefix of the same list, so any prefix mixes both kinds.
 */
export function benchQuestions(kb: KnowledgeBase, count: number, seed: number): BenchQuestion[] {
  const off = Math.ceil((count - 1) / 4);
  const offTopic = offTopicSet(kb, off, seed + 1);
  const paraphrases = paraphraseSet(kb, count - off, seed);
  return Array.from({ length: count }, (_, i) =>
    i % 4 === 1 ? (offTopic.shift() as BenchQuestion) : (paraphrases.shift() as BenchQuestion),
  );
}
