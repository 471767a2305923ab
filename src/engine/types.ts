/**
 * The engine's data model. Pure data: the loader (src/knowledge) fills it from files,
 * tests and the benchmark build it in memory.
 *
 * The knowledge types are defined once, by the zod schemas in src/knowledge/schema.ts: the types
 * below are those schemas' output types, or them with what the loader adds. `import type` is
 * erased, so the engine (and a start from the snapshot) never loads zod.
 */
import type {
  About,
  Agreement,
  AgreementKind,
  AliasGroup,
  AnswerType,
  ArticleMeta,
  FactEntry,
  Figure,
  PersonRole,
  Topic,
} from '../knowledge/schema.ts';

export type { About, Agreement, AgreementKind, AliasGroup, AnswerType, Figure, PersonRole, Topic };

/**
 * An article: its metadata with its text, which the loader reads from <id>.txt. The metadata's
 * `source` (the file `kb:add` was given) is for curators; the engine never reads it.
 */
export type Article = Omit<ArticleMeta, 'source'> & {
  /** The full text, verbatim as received. */
  text: string;
};

/**
 * A fact as the engine uses it: its file's entry, with what the loader adds — the article it is
 * from (the facts file's `article`) — and `gives` and `places` always present (a draft that does
 * not say yet has them empty; the schema requires them on a reviewed fact).
 */
export type Fact = Omit<FactEntry, 'gives' | 'places'> & {
  articleId: string;
  /** The kinds of answer the fact gives; never empty on a reviewed fact (a draft may not say yet). */
  gives: AnswerType[];
  /** The countries, provinces and cities the fact is about, as the material names them. */
  places: string[];
};

export interface KnowledgeBase {
  about: About;
  articles: Article[];
  facts: Fact[];
  topics: Topic[];
  aliases: AliasGroup[];
}

export interface Citation {
  articleId: string;
  title: string;
  outlet: string;
  /** The article's publication date, or null when the text gives none (see dateNote). */
  date: string | null;
  dateNote: string;
  quote: string;
  factId: string;
}

export interface AnsweredFact {
  id: string;
  answer: string;
  /** When the fact happened, or the article's (implied) date: what "newest first" sorts on. */
  date: string | null;
  citation: Citation;
}

/**
 * source: where the story was published (outlet, date, credited agencies), not what it says.
 * summary: an article's opening statements, in its order.
 */
export type AnswerKind =
  'single' | 'several' | 'trend' | 'disagreement' | 'source' | 'summary' | 'compound' | 'list';

/** Why a question got no answer, when it is the input rather than the material. */
export type InputProblem = 'empty' | 'too_long' | 'no_words';

export interface Answer {
  query: string;
  status: 'answered' | 'no_match';
  kind: AnswerKind | null;
  /** Plain text: the answer, or the honest "not covered" message. */
  answer: string;
  citations: Citation[];
  facts: AnsweredFact[];
  /** Coverage of the question by the best fact, 0..1. */
  score: number;
  /** Near-miss questions the material does answer ("did you mean"). */
  suggestions: string[];
  factIds: string[];
  /** Words of the question read as other words (typo correction), for "did you mean" honesty. */
  corrections: { from: string; to: string }[];
  problem?: InputProblem | undefined;
  /** Topic note, e.g. why sources disagree. */
  note?: string | undefined;
  /**
   * On a refusal: the fact the question came closest to, which does not give what was asked
   * ("the ambassador attended; what he said is not reported"), with its citation.
   */
  related?: AnsweredFact | undefined;
  /** How sure the engine is that its best candidate answers the question, 0..1 (answered or not). */
  confidence?: number | undefined;
  /** Why it answered or refused: filled when asked for (`ask --json --explain`, `eval --explain`). */
  trace?: Trace | undefined;
}

/** One check's verdict on one candidate fact. */
export interface CheckVerdict {
  check: string;
  verdict: 'pass' | 'veto' | 'weight';
  /** For a weight: the factor applied to the candidate's confidence. */
  weight?: number | undefined;
  reason?: string | undefined;
}

export interface TraceCandidate {
  factId: string;
  /** The retriever's score and its parts. */
  retrieval: number;
  coverage: number;
  phrasing: number;
  /** Share of the question the fact (or, as context, its article) explains. */
  explained: number;
  checks: CheckVerdict[];
  confidence: number;
  /** The decision model's inputs for this candidate (decide.ts FEATURES), when no check vetoed it. */
  features?: number[] | undefined;
}

/** The record of how a question flowed through the engine: what it read, what it found, what it decided. */
export interface Trace {
  query: Record<string, unknown>;
  candidates: TraceCandidate[];
  decision: {
    action: 'answer' | 'refuse';
    confidence: number;
    threshold: number;
    /** Confidence over the best candidate from another topic. */
    margin: number;
    /** The decision model's inputs for the best candidate (see decide.ts FEATURES). */
    features?: number[] | undefined;
    reason: string;
  };
  /** A compound question's parts, each with its own trace. */
  parts?: Trace[] | undefined;
}
