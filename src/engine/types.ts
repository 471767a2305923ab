/**
 * The engine's data model. Pure data: the loader (src/knowledge) fills it from files,
 * tests and the benchmark build it in memory.
 */

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

export interface KnowledgeBase {
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
export type AnswerKind = 'single' | 'several' | 'trend' | 'disagreement' | 'source' | 'summary';

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
}
