/**
 * The answer engine: a question in, a structured answer with citations out. Pure: no I/O,
 * no Discord. Ranking is by rarity-weighted coverage of the question's words; refusal is by
 * coverage too, so an off-topic question is refused rather than matched to the nearest fact.
 */
import { FactIndex } from './index.ts';
import { formatDate } from './render.ts';
import {
  MAX_ANALYSED_CHARS,
  MAX_QUERY_WORDS,
  SOURCE_WORDS,
  STOPWORDS,
  MONTH_NAMES,
  SUMMARY_WORDS,
  asksForSource,
  asksForSummary,
  normaliseForQuote,
  contentWords,
  stem,
  detectIntent,
  figureKind,
  tokenize,
  toWords,
} from './normalise.ts';
import type { Intent } from './normalise.ts';
import type {
  Answer,
  AnswerKind,
  AnsweredFact,
  Article,
  Citation,
  Fact,
  InputProblem,
  KnowledgeBase,
  Topic,
} from './types.ts';

export interface EngineOptions {
  /** Least coverage (0..1) of the question by the best fact for an answer. */
  answerThreshold?: number;
  /** Least coverage for a fact to be offered as "did you mean". */
  suggestThreshold?: number;
  /** Longest question accepted, in characters. */
  maxQuestionLength?: number;
  /**
   * Correctly spelt words the material may not use (a dictionary, place names): never "corrected"
   * to a vocabulary word, they count as words the material does not know.
   */
  dictionary?: Iterable<string>;
  /**
   * Names of countries and places. A question that names one is about it: a fact that does not
   * mention it, or is about another country, cannot answer it.
   */
  places?: Iterable<string>;
  /**
   * The most common words of English. One the material never uses is more often part of how a
   * question is put ("help", "affect") than what it is about, so it counts half.
   */
  everyday?: Iterable<string>;
}

export const DEFAULT_OPTIONS: Required<Omit<EngineOptions, 'dictionary' | 'places' | 'everyday'>> = {
  answerThreshold: 0.74,
  suggestThreshold: 0.3,
  maxQuestionLength: 500,
};

/** How much phrasing similarity to a curated question adds to coverage when ranking. */
const QUESTION_SIMILARITY_WEIGHT = 0.3;
/** A fact that cannot give what the question asks for ranks lower: no figure at all, … */
const NO_FIGURE = 0.5;
/** … a figure of another kind (a percentage for "how many"), … */
const WRONG_FIGURE = 0.7;
/** … no date for "when". */
const NO_DATE = 0.85;
/** A question's number, or the country it names, that the fact does not have. */
const MISSING_CONSTRAINT = 0.6;
/**
 * Titles. "Minister" is not "deputy minister", and "the head of IRNA" is not a head who happens
 * to be in the same sentence as IRNA: a fact answers a question about a title only if it has that
 * title, unqualified when the question has no qualifier, near the body the question names.
 */
const ROLES = new Set([
  'minister',
  'ambassador',
  'president',
  'head',
  'director',
  'chairman',
  'chair',
  'chief',
  'governor',
  'leader',
  'manager',
  'secretary',
  'spokesman',
  'spokesperson',
  'ceo',
  'boss',
  'mayor',
]);
const QUALIFIERS = new Set(['deputy', 'vice', 'acting', 'assistant', 'former', 'general']);
const ROLE_WINDOW = 6;
const ROLE_MISMATCH = 0.5;
/** Unknown words this short are as often typos of small words as new subjects: they count half. */
const SHORT_UNKNOWN = 3;
/** Short words that are no typo but a subject of their own: they count in full. */
const ACRONYMS = new Set(
  'gdp gnp gni fdi cpi imf wto oecd opec vat ppp ipo roi ceo cfo cto eu un uae usa uk nato asean brics'.split(
    ' ',
  ),
);
/** How many top facts by coverage get the finer (phrasing) comparison. */
const RERANK = 40;
/** How many facts tied on coverage with the last of those may join them. */
const RERANK_TIES = 200;
/** Facts this close to the best (by rank) are given together. */
const TIE = 0.97;
const MAX_FACTS_PER_ANSWER = 4;
/** How many opening statements a summary gives. */
const SUMMARY_FACTS = 4;

export interface QueryAnalysis {
  words: string[];
  /** Every word of the question, stopwords included, aliases applied. */
  allWords: string[];
  intent: Intent;
  corrections: { from: string; to: string; confidence: number }[];
  /** The thing asked for ("the budget of …", "how many women"), as index words: a fact must have it. */
  asked: string[];
  /** The article the question points at ("in the Armenia article", "the June 2021 piece"), if any. */
  scope?: string | undefined;
}

interface Scored {
  factNo: number;
  coverage: number;
  rank: number;
}

export class Engine {
  readonly kb: KnowledgeBase;
  readonly options: Required<Omit<EngineOptions, 'dictionary' | 'places' | 'everyday'>>;
  readonly index: FactIndex;
  readonly articles: ReadonlyMap<string, Article>;
  readonly topics: ReadonlyMap<string, Topic>;
  /** Facts served to users: reviewed ones only (drafts wait for a curator). */
  readonly facts: readonly Fact[];
  private readonly factsByTopic = new Map<string, number[]>();
  private readonly factNoById = new Map<string, number>();
  private readonly acc: Float64Array;
  /** Per fact, the best of a question's alternative numbers it explains (see rank). */
  private readonly slot: Float64Array;
  private readonly touched: Int32Array;
  private readonly places = new Set<string>();
  private readonly everyday = new Set<string>();
  private readonly answerWords = new Map<number, string[]>();
  /** The countries each fact names among its entities: what it is about. */
  private readonly factPlaces: string[][];
  /** Each article's facts in the order of their quotes, for summaries (filled when first asked). */
  private readonly byPosition = new Map<string, Fact[]>();
  /** Words that name each article: its title, id, outlet, month and year. */
  private readonly articleNames = new Map<string, Set<string>>();
  /** Words each fact's answer only ever uses negated ("non-oil" exports): absent for most facts. */
  private readonly factNegated = new Map<number, Set<string>>();

  constructor(kb: KnowledgeBase, options: EngineOptions = {}) {
    this.kb = kb;
    const { dictionary, places, everyday, ...rest } = options;
    this.options = { ...DEFAULT_OPTIONS, ...rest };
    this.facts = kb.facts.filter((f) => f.status === 'reviewed');
    this.index = new FactIndex({ facts: [...this.facts], aliases: kb.aliases }, dictionary);
    this.articles = new Map(kb.articles.map((a) => [a.id, a]));
    this.topics = new Map(kb.topics.map((t) => [t.id, t]));
    this.facts.forEach((f, i) => {
      this.factNoById.set(f.id, i);
      if (f.topic) {
        const list = this.factsByTopic.get(f.topic) ?? [];
        list.push(i);
        this.factsByTopic.set(f.topic, list);
      }
    });
    this.acc = new Float64Array(this.facts.length);
    this.slot = new Float64Array(this.facts.length);
    this.touched = new Int32Array(this.facts.length);
    for (const w of everyday ?? []) this.everyday.add(stem(w.toLowerCase()));
    for (const place of places ?? []) {
      for (const w of contentWords(toWords(place), this.index.aliases)) this.places.add(w);
    }
    this.facts.forEach((f, i) => {
      const negated = negatedWords(this.index.aliases.apply(toWords(f.answer)));
      if (negated.size > 0) this.factNegated.set(i, negated);
    });
    this.factPlaces = this.facts.map((f) => {
      const words = f.entities.flatMap((e) => contentWords(toWords(e), this.index.aliases));
      return words.filter((w) => this.places.has(w));
    });
    for (const a of kb.articles) {
      const date = a.date ?? a.impliedDate;
      const when = date ? `${MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}` : '';
      const text = `${a.title} ${a.id.replace(/-/g, ' ')} ${a.outlet} ${when}`;
      this.articleNames.set(a.id, new Set(contentWords(toWords(text), this.index.aliases)));
    }
  }

  /**
   * The article a question points at by a phrase such as "in the Armenia article", "according to
   * the June 2021 piece" or "the korea story": the one whose title, id, outlet or date share the
   * most of the phrase's words, and the words it used. Undefined when none or several fit.
   */
  private articleScope(text: string): { articleId: string; words: string[] } | undefined {
    const m = ARTICLE_REFERENCE.exec(text.toLowerCase());
    if (!m?.[1]) return undefined;
    const named = contentWords(toWords(m[1]), this.index.aliases);
    let best: { articleId: string; words: string[] } | undefined;
    let tie = false;
    for (const [articleId, names] of this.articleNames) {
      const words = named.filter((w) => names.has(w));
      if (words.length === 0) continue;
      if (!best || words.length > best.words.length) {
        best = { articleId, words };
        tie = false;
      } else if (words.length === best.words.length) tie = true;
    }
    return tie ? undefined : best;
  }

  fact(id: string): Fact | undefined {
    const no = this.factNoById.get(id);
    return no === undefined ? undefined : this.facts[no];
  }

  /** Reads a question: content words (typos corrected, aliases applied) and intent. */
  analyse(question: string): QueryAnalysis {
    const text = question.slice(0, MAX_ANALYSED_CHARS);
    const corrections: QueryAnalysis['corrections'] = [];
    const tokens = tokenize(text).filter((t, i, all) => !askingWord(all, i));
    const scope = this.articleScope(text);
    const raw = tokens.map((token) => {
      const w = stem(token);
      if (this.index.knows(w) || STOPWORDS.has(w) || /^\d/.test(w) || scope?.words.includes(w)) return w;
      if (this.index.isDictionaryWord(token) || this.index.isDictionaryWord(w)) return w;
      const c = this.index.correct(w);
      if (!c) return w;
      corrections.push(c);
      return c.to;
    });
    const words: string[] = [];
    for (const w of contentWords(raw, this.index.aliases)) {
      // The words that point at the article say where to look, not what to find there.
      if (words.includes(w) || scope?.words.includes(w) || (scope && ARTICLE_NOUNS.has(w))) continue;
      // A known word the index never holds alone (it only occurs inside an alias phrase) says nothing.
      if (this.index.idfOf(w) === null && this.index.knows(w)) continue;
      words.push(w);
      if (words.length >= MAX_QUERY_WORDS) break;
    }
    return {
      words,
      allWords: this.index.aliases.apply(raw),
      asked: contentWords(askedAttribute(text).map(stem), this.index.aliases).filter(
        (w) => !MEASURE_WORDS.has(w),
      ),
      intent: detectIntent(text),
      corrections,
      scope: scope?.articleId,
    };
  }

  /** How much a word the material never uses counts, against the rarest word it does use. */
  private unknownWeight(word: string): number {
    if (word.length <= SHORT_UNKNOWN && !ACRONYMS.has(word)) return 0.5;
    return this.everyday.has(word) ? 0.5 : 1;
  }

  /** The country a title at `at` serves in: "ambassador to Iran", "minister in Armenia". */
  private postedTo(words: string[], at: number): string | undefined {
    for (let j = at + 1; j <= at + 3 && j < words.length - 1; j++) {
      if ((words[j] === 'to' || words[j] === 'in') && this.places.has(words[j + 1] as string))
        return words[j + 1];
    }
    return undefined;
  }

  /** Does the fact hold each title the question asks about, as asked and near what it names? */
  private roleFactor(questionWords: string[], content: string[], factNo: number): number {
    const roles = content.filter((w) => ROLES.has(w));
    if (roles.length === 0) return 1;
    let words = this.answerWords.get(factNo);
    if (!words) {
      words = this.index.aliases.apply(toWords((this.facts[factNo] as Fact).answer));
      this.answerWords.set(factNo, words);
    }
    const others = content.filter((w) => !ROLES.has(w) && w !== 'iran' && this.index.idfOf(w) !== null);
    for (const role of roles) {
      const qualified = questionWords.some(
        (w, i) => QUALIFIERS.has(w) && questionWords.slice(i + 1, i + 4).includes(role),
      );
      const positions = words.flatMap((w, i) => (w === role ? [i] : []));
      const usable = positions.filter(
        (i) => qualified || !words.slice(Math.max(0, i - 3), i).some((w) => QUALIFIERS.has(w)),
      );
      if (usable.length === 0) return ROLE_MISMATCH;
      // "Iran's ambassador to Armenia" is not "Armenia's ambassador to Iran": where the question
      // says where the title serves ("to"/"in" a country), the fact's title must serve there too.
      const asked = questionWords.flatMap((w, i) => (w === role ? [this.postedTo(questionWords, i)] : []));
      const wanted = asked.find((p) => p !== undefined);
      if (wanted) {
        const posted = usable.map((i) => this.postedTo(words, i)).filter((p) => p !== undefined);
        if (posted.length > 0 && !posted.includes(wanted)) return ROLE_MISMATCH;
      }
      if (others.length === 0) continue;
      const near = usable.some((i) =>
        words.slice(Math.max(0, i - ROLE_WINDOW), i + ROLE_WINDOW + 1).some((w) => others.includes(w)),
      );
      if (!near) return ROLE_MISMATCH;
    }
    return 1;
  }

  answer(question: string): Answer {
    const query = question;
    const problem = inputProblem(question, this.options.maxQuestionLength);
    if (problem) return this.noMatch(query, problem, [], 0, []);

    const analysis = this.analyse(question);
    const corrections = analysis.corrections.map(({ from, to }) => ({ from, to }));
    if (asksForSource(question)) {
      const sourced = this.answerSource(query, analysis, corrections);
      if (sourced) return sourced;
    }
    // "Summarise the Korea article"; "what does the Korea article say?" (it names nothing else).
    if (asksForSummary(question) || (analysis.scope !== undefined && analysis.words.length === 0)) {
      const summary = this.answerSummary(query, analysis, corrections);
      if (summary) return summary;
    }
    if (analysis.words.length === 0) return this.noMatch(query, 'no_words', [], 0, analysis.corrections);

    const ranked = this.rank(analysis);
    const best = ranked[0];
    if (!best || best.coverage < this.options.answerThreshold) {
      const suggestions = ranked
        .filter((s) => s.coverage >= this.options.suggestThreshold)
        .slice(0, 3)
        .map((s) => (this.facts[s.factNo] as Fact).questions[0] as string);
      return this.noMatch(query, undefined, suggestions, best?.coverage ?? 0, corrections);
    }

    const chosen = this.gather(best, ranked, analysis.scope);
    return this.compose(query, chosen, best.coverage, corrections);
  }

  /**
   * "Which news agency covered the Armenia MOU?": the story is found by the question's other words,
   * as any question is, and the answer is where it was published. Undefined when those words find
   * nothing clearly (the question is then answered, or refused, as an ordinary one).
   */
  private answerSource(
    query: string,
    analysis: QueryAnalysis,
    corrections: { from: string; to: string }[],
  ): Answer | undefined {
    const words = wordsWithout(analysis, SOURCE_WORDS);
    let facts: Fact[];
    let score = 1;
    if (words.length === 0) {
      // "Which agency ran the Korea story?": the article is named, nothing else is asked.
      const opening = analysis.scope === undefined ? undefined : this.openingFacts(analysis.scope)[0];
      if (!opening) return undefined;
      facts = [opening];
    } else {
      const ranked = this.rank({ ...analysis, words, intent: null });
      const best = ranked[0];
      if (!best || best.coverage < this.options.answerThreshold) return undefined;
      facts = this.gather(best, ranked, analysis.scope);
      score = best.coverage;
    }
    const byArticle = new Map<string, Fact>();
    for (const f of facts) if (!byArticle.has(f.articleId)) byArticle.set(f.articleId, f);
    const answered = [...byArticle.values()].map((f) => this.answeredFact(f));
    const lines = answered.map((a) => {
      const article = this.articles.get(a.citation.articleId) as Article;
      const credits = article.credits.filter((c) => c !== article.outlet);
      return (
        `“${article.title}” — ${article.outlet}, ${article.date ? formatDate(article.date) : 'undated'}` +
        `${credits.length > 0 ? `, crediting ${credits.join(' and ')}` : ''}.` +
        (article.outletNote ? ` (${article.outlet}: ${lowerFirst(article.outletNote)})` : '')
      );
    });
    const text =
      lines.length === 1
        ? `That is reported in ${lines[0]}`
        : ['That is reported in:', ...lines.map((l) => `• ${l}`)].join('\n');
    return answeredWith(query, 'source', text, answered, score, corrections);
  }

  /**
   * "Summarise the Armenia article": the article is found by the question's other words, as any
   * question is, and the answer is its opening statements (news puts what matters most first),
   * one fact for each, in the article's order, each cited. Undefined when no article is clearly meant.
   */
  private answerSummary(
    query: string,
    analysis: QueryAnalysis,
    corrections: { from: string; to: string }[],
  ): Answer | undefined {
    let articleId = analysis.scope;
    let score = 1;
    if (articleId === undefined) {
      const words = wordsWithout(analysis, SUMMARY_WORDS);
      if (words.length === 0) return undefined;
      const best = this.rank({ ...analysis, words, intent: null })[0];
      if (!best || best.coverage < this.options.answerThreshold) return undefined;
      articleId = (this.facts[best.factNo] as Fact).articleId;
      score = best.coverage;
    }
    const article = this.articles.get(articleId) as Article;
    const answered = this.openingFacts(article.id)
      .slice(0, SUMMARY_FACTS)
      .map((f) => this.answeredFact(f));
    const date = article.date ? formatDate(article.date) : 'undated';
    const text = [
      `“${article.title}” (${article.outlet}, ${date}) in brief:`,
      ...answered.map((a) => `• ${a.answer}`),
    ].join('\n');
    return answeredWith(query, 'summary', text, answered, score, corrections);
  }

  /** An article's facts in the order of their quotes in its text, none quoting the same stretch. */
  private openingFacts(articleId: string): Fact[] {
    let facts = this.byPosition.get(articleId);
    if (!facts) {
      const text = normaliseForQuote((this.articles.get(articleId) as Article).text);
      const placed: { at: number; end: number; fact: Fact }[] = [];
      for (const fact of this.facts) {
        if (fact.articleId !== articleId) continue;
        const quote = normaliseForQuote(fact.quote);
        const at = text.indexOf(quote);
        if (at >= 0) placed.push({ at, end: at + quote.length, fact });
      }
      placed.sort((a, b) => a.at - b.at || b.end - a.end);
      // One fact per stretch of text: a fact quoting part of a sentence already given adds nothing.
      const kept: typeof placed = [];
      for (const p of placed) if (!kept.some((k) => p.at < k.end && k.at < p.end)) kept.push(p);
      facts = kept.map((k) => k.fact);
      this.byPosition.set(articleId, facts);
    }
    return facts;
  }

  /** Facts ranked for a question: coverage (rarity-weighted), intent, then phrasing. */
  rank(analysis: QueryAnalysis): Scored[] {
    const { words, intent } = analysis;
    const acc = this.acc;
    const touched = this.touched;
    let touchedCount = 0;
    let total = 0;
    const correctedTo = new Map(analysis.corrections.map((c) => [c.to, c.confidence]));
    const idfs = new Map<string, number>();
    // Two years or more ("2019 or 2021"), or else two other numbers or more ("92% and 50%", "from
    // 800 to 900"), are alternatives, one slot of the question: a fact explains it with any one of
    // them, and it counts once. A year and another number are not ("the first 9 months of 2020").
    const numbers = words.filter((w) => /^\d/.test(w));
    const years = numbers.filter((w) => /^(19|20)\d\d$/.test(w));
    const others = numbers.filter((w) => !years.includes(w));
    const oneOf = years.length >= 2 ? years : others.length >= 2 ? others : [];
    const slot = this.slot;
    let slotIdf = 0;
    for (const w of words) {
      const idf = this.index.idfOf(w) ?? this.unknownWeight(w) * this.index.unknownIdf;
      idfs.set(w, idf);
      const alternative = oneOf.includes(w);
      if (alternative) slotIdf = Math.max(slotIdf, idf);
      else total += idf;
      const posting = this.index.posting(w);
      if (!posting) continue;
      // A corrected word counts only as much as the correction is sure.
      const weight = idf * (correctedTo.get(w) ?? 1);
      const { facts, weights } = posting;
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i] as number;
        if (acc[f] === 0 && slot[f] === 0) touched[touchedCount++] = f;
        const add = weight * (weights[i] as number);
        if (alternative) slot[f] = Math.max(slot[f] as number, add);
        else acc[f] = (acc[f] as number) + add;
      }
    }
    total += slotIdf;
    for (let i = 0; i < touchedCount && oneOf.length > 0; i++) {
      const f = touched[i] as number;
      acc[f] = (acc[f] as number) + (slot[f] as number);
      slot[f] = 0;
    }
    if (touchedCount === 0 || total === 0) return [];

    // Years and amounts (three digits or more, or decimals) and countries must be in the fact;
    // small counts ("first 9 months") are too often incidental to the question.
    // Alternatives (above) need one of them in the fact, not all.
    const constraints = words.filter(
      (w) => !oneOf.includes(w) && (/^\d{3,}|^\d+\.\d/.test(w) || this.places.has(w)),
    );
    const askedPlaces = words.filter((w) => this.places.has(w));
    const asked = analysis.asked.filter((w) => this.index.idfOf(w) !== null && words.includes(w));
    // "Exports including oil" is not "non-oil exports", nor the other way round.
    const negatedInQuestion = negatedWords(analysis.allWords);
    const plainInQuestion = words.filter((w) => !negatedInQuestion.has(w));
    // Coverage in place (no object per fact: at 100,000 facts that is garbage the GC pays for).
    let best = 0;
    for (let i = 0; i < touchedCount; i++) {
      const f = touched[i] as number;
      const fact = this.facts[f] as Fact;
      let factor = intentFactor(intent, fact);
      if (constraints.some((w) => !this.index.contains(w, f))) factor *= MISSING_CONSTRAINT;
      if (oneOf.length > 0 && !oneOf.some((w) => this.index.contains(w, f))) factor *= MISSING_CONSTRAINT;
      const about = this.factPlaces[f] as string[];
      if (askedPlaces.length > 0 && about.length > 0 && !about.some((p) => askedPlaces.includes(p))) {
        factor *= MISSING_CONSTRAINT;
      }
      if (asked.some((w) => !this.index.contains(w, f))) factor *= MISSING_CONSTRAINT;
      if (analysis.scope !== undefined && fact.articleId !== analysis.scope) factor *= OUT_OF_SCOPE;
      const negated = this.factNegated.get(f);
      if (
        (negated && plainInQuestion.some((w) => negated.has(w))) ||
        [...negatedInQuestion].some((w) => !negated?.has(w) && this.index.contains(w, f))
      ) {
        factor *= MISSING_CONSTRAINT;
      }
      const coverage = ((acc[f] as number) / total) * factor;
      acc[f] = coverage;
      if (coverage > best) best = coverage;
    }
    // Only the facts near the best get the finer comparison; the rest cannot win.
    const floor = Math.min(best * 0.5, this.options.suggestThreshold);
    const near: number[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const f = touched[i] as number;
      if ((acc[f] as number) >= floor) near.push(f);
    }
    let cut = near.length;
    if (near.length > RERANK) {
      near.sort((a, b) => (acc[b] as number) - (acc[a] as number) || a - b);
      // Facts tied with the last one kept are kept too (up to a bound): cutting a tie by fact order
      // could leave out the one whose curated question is the question ("what is ISIPO?").
      const last = acc[near[RERANK - 1] as number] as number;
      cut = RERANK;
      while (cut < near.length && cut < RERANK_TIES && (acc[near[cut] as number] as number) >= last) cut++;
    }
    const scored: Scored[] = near
      .slice(0, cut)
      .map((f) => ({ factNo: f, coverage: acc[f] as number, rank: 0 }));
    for (let i = 0; i < touchedCount; i++) acc[touched[i] as number] = 0;

    const querySet = new Set(words);
    for (const s of scored) {
      if (analysis.intent === 'person') s.coverage *= this.roleFactor(analysis.allWords, words, s.factNo);
      s.rank = s.coverage + QUESTION_SIMILARITY_WEIGHT * this.phrasing(s.factNo, querySet, idfs);
    }
    return scored.sort((a, b) => b.rank - a.rank || a.factNo - b.factNo);
  }

  /** Weighted Jaccard between the question and the fact's closest curated question. */
  private phrasing(factNo: number, query: Set<string>, idfs: Map<string, number>): number {
    let best = 0;
    for (const q of this.index.questionWords[factNo] ?? []) {
      let inter = 0;
      let union = 0;
      for (const w of query) {
        const idf = idfs.get(w) ?? 0;
        union += idf;
        if (q.includes(w)) inter += idf;
      }
      for (const w of q) if (!query.has(w)) union += this.index.idfOf(w) ?? 0;
      if (union > 0) best = Math.max(best, inter / union);
    }
    return best;
  }

  /** The best fact, the rest of its topic when the topic is a trend or a disagreement, and same-topic ties. */
  private gather(best: Scored, ranked: Scored[], scope?: string): Fact[] {
    const top = this.facts[best.factNo] as Fact;
    const chosen = new Set<number>([best.factNo]);
    const topic = top.topic ? this.topics.get(top.topic) : undefined;
    if (topic && topic.kind !== 'related') {
      for (const f of this.factsByTopic.get(topic.id) ?? []) chosen.add(f);
    }
    // A near tie from the same topic (the same statement in two articles) is given too; a tie from
    // elsewhere is noise, not a second answer.
    for (const s of ranked.slice(1)) {
      if (chosen.size >= MAX_FACTS_PER_ANSWER) break;
      const sameTopic = top.topic !== undefined && this.facts[s.factNo]?.topic === top.topic;
      if (sameTopic && s.rank >= best.rank * TIE && s.coverage >= this.options.answerThreshold)
        chosen.add(s.factNo);
    }
    const facts = [...chosen].map((f) => this.facts[f] as Fact);
    // "According to the June 2021 piece": that article's figure, not every article's.
    return scope !== undefined && top.articleId === scope
      ? facts.filter((f) => f.articleId === scope)
      : facts;
  }

  private compose(
    query: string,
    facts: Fact[],
    score: number,
    corrections: { from: string; to: string }[],
  ): Answer {
    const answered = facts.map((f) => this.answeredFact(f));
    let kind: AnswerKind = 'single';
    let note: string | undefined;
    if (answered.length > 1) {
      const topicIds = new Set(facts.map((f) => f.topic));
      const topic = topicIds.size === 1 && facts[0]?.topic ? this.topics.get(facts[0].topic) : undefined;
      kind = topic?.kind === 'disagreement' ? 'disagreement' : topic?.kind === 'trend' ? 'trend' : 'several';
      note = topic?.note;
      answered.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    }
    const answer =
      kind === 'single'
        ? (answered[0] as AnsweredFact).answer
        : [
            kind === 'disagreement'
              ? 'The sources disagree:'
              : kind === 'trend'
                ? 'The figure has changed over time (newest first):'
                : 'Several facts in the material answer this:',
            ...answered.map((a) => `• ${a.answer}`),
          ].join('\n');
    return { ...answeredWith(query, kind, answer, answered, score, corrections), note };
  }

  answeredFact(fact: Fact): AnsweredFact {
    const article = this.articles.get(fact.articleId);
    if (!article) throw new Error(`fact ${fact.id} names unknown article ${fact.articleId}`);
    const citation: Citation = {
      articleId: article.id,
      title: article.title,
      outlet: article.outlet,
      date: article.date,
      dateNote: article.dateNote,
      quote: fact.quote,
      factId: fact.id,
    };
    return {
      id: fact.id,
      answer: fact.answer,
      date: fact.date ?? article.date ?? article.impliedDate ?? null,
      citation,
    };
  }

  private noMatch(
    query: string,
    problem: InputProblem | undefined,
    suggestions: string[],
    score: number,
    corrections: { from: string; to: string }[],
  ): Answer {
    return {
      query,
      status: 'no_match',
      kind: null,
      answer: noMatchText(problem, suggestions, this.options.maxQuestionLength, [...query].length),
      citations: [],
      facts: [],
      score: round(score),
      suggestions,
      factIds: [],
      corrections: corrections.map(({ from, to }) => ({ from, to })),
      problem,
    };
  }
}

/**
 * A question's words without those of a set ("which outlet reported…", "summarise…"). A word of the
 * set the material never uses may have been "corrected" to one it does ("tldr" → "told"): that goes too.
 */
function wordsWithout(analysis: QueryAnalysis, set: ReadonlySet<string>): string[] {
  const misread = new Set(analysis.corrections.filter((c) => set.has(c.from)).map((c) => c.to));
  return analysis.words.filter((w) => !set.has(w) && !misread.has(w));
}

/** "in the Armenia article", "according to the June 2021 piece", "the korea story": what names it. */
const ARTICLE_REFERENCE =
  /\bthe\s+((?:[\p{L}\d'’-]+\s+){0,5}?[\p{L}\d'’-]+)\s+(?:article|story|piece|report|news item)s?\b/u;
const ARTICLE_NOUNS = new Set(['article', 'story', 'piece', 'report']);
/** A fact from another article than the one the question points at. */
const OUT_OF_SCOPE = 0.5;

const HOW_ADJECTIVES = new Set(['big', 'large', 'high']);
const WHEN_NOUNS = new Set(['day', 'date', 'year', 'month', 'time', 'weekday']);

/**
 * Words that only say what kind of answer is wanted, which the intent already holds: "how big",
 * "how large" (an amount), "what day", "which year", "what day of the week" (a date). They are no
 * subject: the fact need not contain "big" or "week".
 */
function askingWord(tokens: readonly string[], i: number): boolean {
  const t = tokens[i] as string;
  const prev = tokens[i - 1];
  if (prev === 'how' && HOW_ADJECTIVES.has(t)) return true;
  if ((prev === 'what' || prev === 'which') && WHEN_NOUNS.has(t)) return true;
  return t === 'week' && tokens[i - 1] === 'the' && tokens[i - 2] === 'of' && tokens[i - 3] === 'day';
}

const MEASURE_WORDS = new Set(
  'share percent percentage proportion portion part fraction number amount total value sum figure count size worth'.split(
    ' ',
  ),
);

/** "What is the budget of X", "what's the web address of X", "how many women …": what is asked for. */
function askedAttribute(question: string): string[] {
  const t = question.toLowerCase().replace(/[’']s\b/g, ' is');
  const m =
    /\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+([a-z]+)(?:\s+([a-z]+))?\s+(?:of|for)\b/.exec(t) ??
    /\bhow many\s+([a-z]+)/.exec(t);
  return m ? [m[1], m[2]].filter((w): w is string => w !== undefined) : [];
}

/** Words that follow "non" ("non-oil", "non oil") and never stand alone in the text. */
function negatedWords(words: readonly string[]): Set<string> {
  const negated = new Set<string>();
  const plain = new Set<string>();
  words.forEach((w, i) => (i > 0 && words[i - 1] === 'non' ? negated : plain).add(w));
  for (const w of plain) negated.delete(w);
  return negated;
}

function intentFactor(intent: Intent, fact: Fact): number {
  if (intent === 'count' || intent === 'share' || intent === 'amount') {
    if (fact.figures.length === 0) return NO_FIGURE;
    const kinds = fact.figures.map((f) => figureKind(f.unit));
    const fits =
      intent === 'share'
        ? kinds.includes('share')
        : intent === 'count'
          ? kinds.includes('count')
          : !kinds.every((k) => k === 'share');
    return fits ? 1 : WRONG_FIGURE;
  }
  if (intent === 'date' && !fact.date && !fact.figures.some((f) => f.asOf)) return NO_DATE;
  return 1;
}

/** Checks a question before any matching: empty, too long, or no words at all. */
export function inputProblem(question: string, maxLength: number): InputProblem | undefined {
  // eslint-disable-next-line no-control-regex
  const visible = question.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (visible.length === 0) return 'empty';
  if ([...question].length > maxLength) return 'too_long';
  return undefined;
}

function noMatchText(
  problem: InputProblem | undefined,
  suggestions: string[],
  maxLength: number,
  length: number,
): string {
  switch (problem) {
    case 'empty':
      return 'Please type a question, e.g. "How many industrial parks does Iran have?"';
    case 'too_long':
      return `That question is too long (${length} characters; the limit is ${maxLength}). Please ask it in a sentence or two.`;
    case 'no_words':
      return 'I could not find any words to search for in that. Please ask in English, e.g. "Who is Ali Rasoulian?"';
    default:
      return suggestions.length > 0
        ? 'The material does not answer that. Did you mean one of these?'
        : 'The material does not cover that. I only know what five news articles say about Iran’s SMEs, industrial parks and their agreements.';
  }
}

/** An answered Answer: its text, the facts it rests on with their citations, and its score. */
function answeredWith(
  query: string,
  kind: AnswerKind,
  answer: string,
  facts: AnsweredFact[],
  score: number,
  corrections: { from: string; to: string }[],
): Answer {
  return {
    query,
    status: 'answered',
    kind,
    answer,
    citations: facts.map((a) => a.citation),
    facts,
    score: round(score),
    suggestions: [],
    factIds: facts.map((a) => a.id),
    corrections,
  };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
