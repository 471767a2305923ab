/**
 * The answer engine: a question in, a structured answer with citations out. Pure: no I/O,
 * no Discord. Ranking is by rarity-weighted coverage of the question's words; refusal is by
 * coverage too, so an off-topic question is refused rather than matched to the nearest fact.
 */
import { FactIndex } from './index.ts';
import { MAX_ANALYSED_CHARS, MAX_QUERY_WORDS, STOPWORDS, contentWords, detectIntent, toWords } from './normalise.ts';
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
}

export const DEFAULT_OPTIONS: Required<EngineOptions> = {
  answerThreshold: 0.62,
  suggestThreshold: 0.3,
  maxQuestionLength: 500,
};

/** How much phrasing similarity to a curated question adds to coverage when ranking. */
const QUESTION_SIMILARITY_WEIGHT = 0.3;
/** A fact that cannot give what the question asks for (a figure, a date) ranks lower. */
const INTENT_MISMATCH = { figure: 0.7, date: 0.85 } as const;
/** How many top facts by coverage get the finer (phrasing) comparison. */
const RERANK = 40;
/** Facts this close to the best (by rank) are given together. */
const TIE = 0.97;
const MAX_FACTS_PER_ANSWER = 4;

export interface QueryAnalysis {
  words: string[];
  intent: Intent;
  corrections: { from: string; to: string; confidence: number }[];
  /** Words the material never uses (after correction). */
  unknown: string[];
}

interface Scored {
  factNo: number;
  coverage: number;
  rank: number;
}

export class Engine {
  readonly kb: KnowledgeBase;
  readonly options: Required<EngineOptions>;
  readonly index: FactIndex;
  readonly articles: ReadonlyMap<string, Article>;
  readonly topics: ReadonlyMap<string, Topic>;
  /** Facts served to users: reviewed ones only (drafts wait for a curator). */
  readonly facts: readonly Fact[];
  private readonly factsByTopic = new Map<string, number[]>();
  private readonly factNoById = new Map<string, number>();
  private readonly acc: Float64Array;

  constructor(kb: KnowledgeBase, options: EngineOptions = {}) {
    this.kb = kb;
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.facts = kb.facts.filter((f) => f.status === 'reviewed');
    this.index = new FactIndex({ facts: [...this.facts], aliases: kb.aliases });
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
  }

  fact(id: string): Fact | undefined {
    const no = this.factNoById.get(id);
    return no === undefined ? undefined : this.facts[no];
  }

  /** Reads a question: content words (typos corrected, aliases applied), intent, unknown words. */
  analyse(question: string): QueryAnalysis {
    const text = question.slice(0, MAX_ANALYSED_CHARS);
    const corrections: QueryAnalysis['corrections'] = [];
    const raw = toWords(text).map((w) => {
      if (this.index.knows(w) || STOPWORDS.has(w) || /^\d/.test(w)) return w;
      const c = this.index.correct(w);
      if (!c) return w;
      corrections.push(c);
      return c.to;
    });
    const words: string[] = [];
    const unknown: string[] = [];
    for (const w of contentWords(raw, this.index.aliases)) {
      if (words.includes(w)) continue;
      // A known word the index never holds alone (it only occurs inside an alias phrase) says nothing.
      if (this.index.idfOf(w) === null && this.index.knows(w)) continue;
      if (this.index.idfOf(w) === null) unknown.push(w);
      words.push(w);
      if (words.length >= MAX_QUERY_WORDS) break;
    }
    return { words, intent: detectIntent(text), corrections, unknown };
  }

  answer(question: string): Answer {
    const query = question;
    const problem = inputProblem(question, this.options.maxQuestionLength);
    if (problem) return this.noMatch(query, problem, [], 0, []);

    const analysis = this.analyse(question);
    if (analysis.words.length === 0) return this.noMatch(query, 'no_words', [], 0, analysis.corrections);

    const ranked = this.rank(analysis);
    const best = ranked[0];
    const corrections = analysis.corrections.map(({ from, to }) => ({ from, to }));
    if (!best || best.coverage < this.options.answerThreshold) {
      const suggestions = ranked
        .filter((s) => s.coverage >= this.options.suggestThreshold)
        .slice(0, 3)
        .map((s) => (this.facts[s.factNo] as Fact).questions[0] as string);
      return this.noMatch(query, undefined, suggestions, best?.coverage ?? 0, corrections);
    }

    const chosen = this.gather(best, ranked);
    return this.compose(query, chosen, best.coverage, corrections);
  }

  /** Facts ranked for a question: coverage (rarity-weighted), intent, then phrasing. */
  rank(analysis: QueryAnalysis): Scored[] {
    const { words, intent } = analysis;
    const acc = this.acc;
    const touched: number[] = [];
    let total = 0;
    const correctedTo = new Map(analysis.corrections.map((c) => [c.to, c.confidence]));
    const idfs = new Map<string, number>();
    for (const w of words) {
      const idf = this.index.idfOf(w) ?? this.index.unknownIdf;
      idfs.set(w, idf);
      total += idf;
      const posting = this.index.posting(w);
      if (!posting) continue;
      // A corrected word counts only as much as the correction is sure.
      const weight = idf * (correctedTo.get(w) ?? 1);
      const { facts, weights } = posting;
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i] as number;
        if (acc[f] === 0) touched.push(f);
        acc[f] = (acc[f] as number) + weight * (weights[i] as number);
      }
    }
    if (touched.length === 0 || total === 0) return [];

    let scored: Scored[] = touched.map((f) => {
      const fact = this.facts[f] as Fact;
      const coverage = ((acc[f] as number) / total) * intentFactor(intent, fact);
      return { factNo: f, coverage, rank: coverage };
    });
    for (const f of touched) acc[f] = 0;

    if (scored.length > RERANK) {
      scored.sort((a, b) => b.coverage - a.coverage);
      scored = scored.slice(0, RERANK);
    }
    const querySet = new Set(words);
    for (const s of scored) {
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

  /** The best fact, the rest of its topic when the topic is a trend or a disagreement, and ties. */
  private gather(best: Scored, ranked: Scored[]): Fact[] {
    const top = this.facts[best.factNo] as Fact;
    const chosen = new Set<number>([best.factNo]);
    const topic = top.topic ? this.topics.get(top.topic) : undefined;
    if (topic && topic.kind !== 'related') {
      for (const f of this.factsByTopic.get(topic.id) ?? []) chosen.add(f);
    }
    for (const s of ranked.slice(1)) {
      if (chosen.size >= MAX_FACTS_PER_ANSWER) break;
      if (s.rank >= best.rank * TIE && s.coverage >= this.options.answerThreshold) chosen.add(s.factNo);
    }
    return [...chosen].map((f) => this.facts[f] as Fact);
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
    return {
      query,
      status: 'answered',
      kind,
      answer,
      citations: answered.map((a) => a.citation),
      facts: answered,
      score: round(score),
      suggestions: [],
      factIds: answered.map((a) => a.id),
      corrections,
      note,
    };
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

function intentFactor(intent: Intent, fact: Fact): number {
  if (intent === 'figure' && fact.figures.length === 0) return INTENT_MISMATCH.figure;
  if (intent === 'date' && !fact.date && !fact.figures.some((f) => f.asOf)) return INTENT_MISMATCH.date;
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

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
