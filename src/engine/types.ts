/**
 * The engine's data model. Pure data: the loader (src/knowledge) fills it from files,
 * tests and the benchmark build it in memory.
 */
import type { AgreementKind, AnswerType } from '../knowledge/schema.ts';

export type { AgreementKind, AnswerType };

export interface Article {
  id: string;
  title: string;
  /** false when the text had no headline and the title was written by a curator. */
  titleIsHeadline: boolean;
  /** Publication date (YYYY-MM-DD) when the text gives it, else null. */
  date: string | null;
  /** What the text says or implies about its date. */
  dateNote: string;
  /** For undated articles: the date the text implies, used only to order them. */
  impliedDate?: string | undefined;
  outlet: string;
  outletNote?: string | undefined;
  /** Agencies the article credits (IRNA, IRIB, …). */
  credits: string[];
  dateline: string | null;
  /** The full text, verbatim as received. */
  text: string;
}

export interface Figure {
  value: number;
  unit: string;
  asOf?: string | undefined;
  qualifier?: string | undefined;
}

/** An agreement a fact reports being signed; exactly one fact carries each agreement. */
export interface Agreement {
  kind: AgreementKind;
  /** The two or more signatories, as the material names them. */
  parties: string[];
  /** YYYY-MM-DD, YYYY-MM or YYYY, when the material says. */
  date?: string | undefined;
  /** What it is about, in a short phrase. */
  subject: string;
}

/** A person a fact names, with the role the material gives them. */
export interface PersonRole {
  name: string;
  role: string;
}

export interface Fact {
  id: string;
  articleId: string;
  status: 'reviewed' | 'draft';
  answer: string;
  questions: string[];
  keywords: string[];
  entities: string[];
  figures: Figure[];
  date?: string | undefined;
  topic?: string | undefined;
  quote: string;
  /** The kinds of answer the fact gives; never empty on a reviewed fact (a draft may not say yet). */
  gives: AnswerType[];
  /** Whose statement the fact reports (a full name, or the role when unnamed), when it reports one. */
  speaker?: string | undefined;
  /** The countries, provinces and cities the fact is about, as the material names them. */
  places: string[];
  /** The years or months (YYYY, YYYY-MM) its event or figures refer to. */
  period?: string[] | undefined;
  agreement?: Agreement | undefined;
  people?: PersonRole[] | undefined;
}

export type TopicKind = 'trend' | 'disagreement' | 'related';

export interface Topic {
  id: string;
  title: string;
  kind: TopicKind;
  note?: string | undefined;
}

export interface AliasGroup {
  canonical: string;
  variants: string[];
}

/** What the knowledge base is about, as data (knowledge/about.yaml), for the words the bot says about it. */
export interface About {
  /** The country the material is written from ("Iran"): "the country" in its text means this one. */
  homeCountry: string;
  /** What the material is about, as a phrase: "Iran's SMEs, industrial parks and their agreements". */
  subject: string;
  /** The "not covered" wording, with {material} ("five news articles") and {subject}. */
  refusal?: string | undefined;
}

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
