/**
 * Generates a synthetic knowledge base of any size for the benchmark, deterministic per seed.
 *
 * Realistic in the ways that matter to the engine: a vocabulary of pseudo-words drawn with a
 * Zipf-like law (a few words everywhere, most rare; more distinct words as the KB grows), some
 * real domain words shared by many facts (sme, park, export, iran…), named entities and places,
 * 3–5 curated questions per fact, an answer, keywords, a verbatim quote, figures and dates,
 * articles of ~50 facts whose text holds the quotes, a few topics and alias groups.
 * Every fact carries two rare "signature" words in a combination no other fact has, so a
 * paraphrase of its question has one right answer and top-1 accuracy means something.
 */
import type { AliasGroup, Article, Fact, Figure, KnowledgeBase, Topic } from '../engine/types.ts';
import { figureKind } from '../engine/normalise.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { Rng, ZipfSampler } from '../util/prng.ts';

export interface GenerateOptions {
  facts: number;
  seed?: number;
}

export interface GeneratedKb {
  kb: KnowledgeBase;
  /** The pseudo-word vocabulary, most common first (domain words included at the top). */
  vocabulary: string[];
}

/** Space-separated words as a list. */
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** Real words of the domain, shared by many facts: the top of the frequency law. */
export const DOMAIN_WORDS: readonly string[] = words(`sme park export iran industrial industry organization
  agreement ministry province company loan investment production cooperation trade factory unit government
  minister official project development support market bank economy technology training cluster township
  enterprise program facility capacity output growth sector finance contract`);

const VERBS = words(
  'sign launch open approve finance build announce expand report allocate inaugurate complete',
).map((base) => ({ base, past: base === 'build' ? 'built' : base.replace(/e$/, '') + 'ed' }));

/** How answers end: who says so (common words, as in the real material). */
const ATTRIBUTIONS = [', the report says', ', officials said', ', according to IRNA', ', IRNA reported', ''];
const UNITS = 'units|jobs|companies|billion rials|million dollars|percent|hectares|contracts'.split('|');
const ENTITY_SUFFIXES = words('Organization Company Bank Council Fund Group Agency Cooperative');
const OUTLETS = ['Tehran Times', 'IRNA', 'Financial Tribune', 'Iran Daily', 'Mehr News'];

const ONSETS = words('b d f g h k l m n p r s t v z sh kh br dr gr tr st');
const VOWELS = words('a e i o u a e o ai ou');
const CODAS = ['', '', '', ...words('n r l m k t sh z')];

/** Makes distinct pseudo-words (never an English stopword or a domain word). */
class WordFactory {
  private readonly used = new Set<string>([...DOMAIN_WORDS, ...STOPWORDS]);

  constructor(private readonly rng: Rng) {}

  word(minSyllables = 2, maxSyllables = 4): string {
    for (let attempt = 0; ; attempt++) {
      const n = this.rng.int(minSyllables, maxSyllables + (attempt > 50 ? 1 : 0));
      let w = '';
      for (let i = 0; i < n; i++)
        w += this.rng.pick(ONSETS) + this.rng.pick(VOWELS) + (i === n - 1 ? this.rng.pick(CODAS) : '');
      // Plural-looking and -ed/-ing endings would be stemmed; keep words as they are written.
      if (w.length < 4 || /(s|ed|ing)$/.test(w) || this.used.has(w)) continue;
      this.used.add(w);
      return w;
    }
  }
}

/** How many distinct pseudo-words a KB of `facts` facts uses: thousands to tens of thousands. */
export function vocabularySize(facts: number): number {
  return Math.round(2000 + 150 * Math.sqrt(facts));
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const two = (k: number) => String(k).padStart(2, '0');
/** A random day of `year`, as YYYY-MM-DD. */
const day = (r: Rng, year: number) => `${year}-${two(r.int(1, 12))}-${two(r.int(1, 28))}`;

interface Entity {
  name: string;
  short: string;
}

export function generateKb(options: GenerateOptions): GeneratedKb {
  const n = options.facts;
  const perArticle = 50;
  const rng = new Rng(options.seed ?? 1);
  const words = new WordFactory(rng.fork('words'));

  // Vocabulary: domain words at the top of the law, then pseudo-words.
  const vocabulary: string[] = [...DOMAIN_WORDS];
  const size = vocabularySize(n);
  while (vocabulary.length < size) vocabulary.push(words.word());
  const zipf = new ZipfSampler(vocabulary.length);
  const domainEnd = DOMAIN_WORDS.length;
  const tailStart = Math.max(domainEnd + 1, Math.floor(vocabulary.length * 0.25));
  const word = (r: Rng, from: number, to: number) => vocabulary[zipf.draw(r, from, to)] as string;

  const entities: Entity[] = [
    { name: 'Iran Small Industries and Industrial Parks Organization', short: 'ISIPO' },
    { name: 'Ministry of Industry, Mine and Trade', short: 'Ministry of Industry' },
  ];
  const entityCount = Math.max(20, Math.round(n / 8));
  while (entities.length < entityCount) {
    const a = capital(words.word(2, 3));
    const b = capital(words.word(2, 3));
    const suffix = rng.pick(ENTITY_SUFFIXES);
    entities.push({ name: `${a} ${b} ${suffix}`, short: `${a} ${b}` });
  }
  const entityZipf = new ZipfSampler(entities.length, 0.9, 5);
  const places = Array.from({ length: Math.min(200, 30 + Math.round(Math.sqrt(n))) }, () =>
    capital(words.word(2, 3)),
  );

  const alias = (canonical: string, ...variants: string[]): AliasGroup => ({ canonical, variants });
  const aliased = entities[2] as Entity;
  const aliases = [
    alias('sme', 'SMEs', 'small and medium enterprises', 'small and medium-sized enterprises'),
    alias(
      'isipo',
      'ISIPO',
      'Iran Small Industries and Industrial Parks Organization',
      'industrial parks organization',
    ),
    alias(aliased.short.split(' ')[0]?.toLowerCase() as string, aliased.name, aliased.short),
  ];
  const topics = Array.from({ length: Math.max(1, Math.floor(n / 500)) }, (_, t): Topic => ({
    id: `topic-${t}`,
    title: `Related facts on ${word(rng, domainEnd, tailStart)}`,
    kind: 'related',
  }));

  /** How a domain word is written: the alias variants appear in text as people write them. */
  const writeDomain = (r: Rng, w: string): string => {
    if (w === 'sme')
      return r.pick(['SMEs', 'SMEs', 'small and medium enterprises', 'small and medium-sized enterprises']);
    if (w === 'iran') return 'Iran';
    return w;
  };

  const facts: Fact[] = [];
  const signatures = new Set<string>();
  const articleQuotes: string[][] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`fact-${i}`);
    const entity = entities[entityZipf.draw(r)] as Entity;
    const place = r.pick(places);
    const verb = r.pick(VERBS);
    let sig: [string, string];
    do {
      sig = [word(r, tailStart, vocabulary.length), word(r, tailStart, vocabulary.length)];
    } while (sig[0] === sig[1] || signatures.has(`${entity.short}|${[...sig].sort().join('|')}`));
    signatures.add(`${entity.short}|${[...sig].sort().join('|')}`);
    const subject = Array.from({ length: r.int(1, 2) }, () => word(r, domainEnd, tailStart));
    const domain = Array.from({ length: r.int(1, 2) }, () => word(r, 0, domainEnd));
    const subjectText = subject.join(' ');
    const domainText = domain.map((w) => writeDomain(r, w)).join(' ');
    const noun = `${sig[0]} ${sig[1]} ${subjectText}`;

    const figures: Figure[] = [];
    const year = r.int(2012, 2024);
    if (r.chance(0.45)) {
      const value = r.chance(0.3) ? Math.round(r.next() * 1000) / 10 : r.int(2, 90000);
      const figure: Figure = { value, unit: r.pick(UNITS) };
      if (r.chance(0.6)) figure.asOf = String(year);
      if (r.chance(0.2)) figure.qualifier = r.pick(['more than', 'nearly', 'about']);
      figures.push(figure);
    }
    const date = r.chance(0.5) ? day(r, year) : undefined;
    const fig = figures[0];
    const figureText = fig
      ? `${fig.qualifier ? `${fig.qualifier} ` : ''}${fig.value.toLocaleString('en-US')} ${fig.unit} of the `
      : 'the ';

    const quote = `${entity.name} ${verb.past} ${figureText}${noun} ${domainText} in ${place} province.`;
    const answer =
      `${entity.short} ${verb.past} ${figureText}${noun} ${domainText} in ${place}` +
      `${date ? ` (${date})` : ''}${r.pick(ATTRIBUTIONS)}.`;

    const templates: string[] = [
      `What did ${entity.short} ${verb.base} in ${place} for the ${sig[0]} ${subjectText}?`,
      `What is the ${sig[0]} ${sig[1]} ${subject[0]} of ${entity.short}?`,
      `Who ${verb.past} the ${sig[1]} ${subjectText} ${domainText}?`,
      `Tell me about the ${sig[0]} ${sig[1]} ${domainText} in ${place}`,
      `${entity.short.toLowerCase()} ${sig[0]} ${sig[1]}`,
      `Which ${domain[0] === 'sme' ? 'SME' : 'organisation'} is behind the ${sig[1]} ${sig[0]} project?`,
    ];
    if (fig)
      templates.push(
        `How many ${fig.unit} did ${entity.short} ${verb.base} for the ${sig[0]} ${sig[1]} ${subjectText}?`,
      );
    if (date) templates.push(`When did ${entity.short} ${verb.base} the ${sig[0]} ${subjectText}?`);
    const questions = r.sample(templates, r.int(3, 5));

    const keywords = [...new Set([...domain, ...subject, `${sig[0]} ${sig[1]}`])].slice(0, r.int(2, 4));
    const articleNo = Math.floor(i / perArticle);
    const fact: Fact = {
      id: `fact-${i}`,
      articleId: `article-${articleNo}`,
      status: 'reviewed',
      answer,
      questions,
      keywords,
      entities: [entity.name, place],
      figures,
      quote,
      gives: fig ? [figureKind(fig.unit)] : ['description'],
      places: [place],
    };
    if (date) fact.date = date;
    if (r.chance(0.05)) fact.topic = (topics[r.int(0, topics.length - 1)] as Topic).id;
    facts.push(fact);
    (articleQuotes[articleNo] ??= []).push(quote);
  }

  const articles: Article[] = articleQuotes.map((quotes, a) => {
    const r = rng.fork(`article-${a}`);
    const place = r.pick(places);
    const filler = () => {
      const len = r.int(8, 20);
      const ws = Array.from({ length: len }, () => word(r, 0, vocabulary.length));
      return `${capital(ws.join(' '))}.`;
    };
    const paragraphs = quotes.map((q) => (r.chance(0.5) ? `${filler()} ${q}` : `${q} ${filler()}`));
    const year = r.int(2012, 2024);
    const dated = r.chance(0.8);
    return {
      id: `article-${a}`,
      title: `${capital(word(r, domainEnd, tailStart))} ${word(r, 0, domainEnd)} news from ${place}`,
      titleIsHeadline: true,
      date: dated ? day(r, year) : null,
      dateNote: dated ? 'Dated in its first line.' : 'The text gives no date.',
      outlet: r.pick(OUTLETS),
      credits: r.chance(0.5) ? ['IRNA'] : [],
      dateline: `${place.toUpperCase()} –`,
      text: `${place.toUpperCase()} – ${paragraphs.join('\n\n')}\n`,
    };
  });

  return {
    kb: {
      about: { homeCountry: 'Iran', subject: 'generated news about SMEs' },
      articles,
      facts,
      topics,
      aliases,
    },
    vocabulary,
  };
}
