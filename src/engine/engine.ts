/**
 * The answer engine: a question in, a structured answer with citations out. Pure: no I/O, no
 * Discord. A question flows once through named stages, each in its own module:
 *   query (query.ts)  →  retrieve (retrieve.ts)  →  checks (checks.ts)  →  decide (decide.ts)  →  compose (compose.ts)
 * and `answer(q, { explain: true })` returns the trace of why it answered or refused.
 */
import { CHECKS } from './checks.ts';
import type { CheckContext, Unsaid } from './checks.ts';
import { Composer } from './compose.ts';
import type { Corrections } from './compose.ts';
import { decide, explainedParts, explainedShare, round, traceCandidates } from './decide.ts';
import type { DecideContext, Decision, DecisionModel } from './decide.ts';
import { DEFAULT_MODEL } from './model.ts';
import { FactIndex } from './index.ts';
import {
  DISAGREEMENT_WORDS,
  SOURCE_WORDS,
  SUMMARY_WORDS,
  asksForTranslation,
  contentWords,
  isYear,
} from './normalise.ts';
import { MONTH_NAMES } from '../text/months.ts';
import { stem } from '../text/stem.ts';
import { toWords } from '../text/tokenise.ts';
import {
  ARTICLE_NOUNS,
  analyseQuery,
  articleNamedBy,
  comparedSides,
  negatedWords,
  compoundParts,
  type CompoundPart,
  withPersonNamed,
} from './query.ts';
import type { Query, QueryContext } from './query.ts';
import { CoverageRetriever, PHRASING_WEIGHT } from './retrieve.ts';
import type { Candidate, Retriever } from './retrieve.ts';
import type {
  Answer,
  AnsweredFact,
  Article,
  Fact,
  InputProblem,
  KnowledgeBase,
  Topic,
  Trace,
} from './types.ts';

export interface EngineOptions {
  /** Least confidence (0..1) in the best candidate for an answer (default: the model's). */
  answerThreshold?: number;
  /** Names of checks to leave out (to measure what each earns: `eval --ablate`). */
  withoutChecks?: readonly string[];
  /** The decision model; null for none (confidence is then the explained share times the checks' weights). */
  model?: DecisionModel | null;
  /** Least retrieval coverage for a fact to be offered as "did you mean". */
  suggestThreshold?: number;
  /** Longest question accepted, in characters. */
  maxQuestionLength?: number;
  /** How much a question word only the fact's article holds (context that locates the fact) counts, 0..1. */
  contextWeight?: number;
  /** How much a common English word the material never uses (how a question is put) counts, 0..1. */
  fillerWeight?: number;
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
   * question is put ("help", "affect") than what it is about, so it counts little.
   */
  everyday?: Iterable<string>;
}

/** The options every engine has a value for. */
type Settings = Required<
  Omit<EngineOptions, 'dictionary' | 'places' | 'everyday' | 'model' | 'withoutChecks'>
>;

export const DEFAULT_OPTIONS: Settings = {
  answerThreshold: 0.78,
  suggestThreshold: 0.3,
  maxQuestionLength: 500,
  contextWeight: 0.3,
  fillerWeight: 0.5,
};

/** Unknown words this short are as often typos of small words as new subjects: they count half. */
const SHORT_UNKNOWN = 3;
/** Short words that are no typo but a subject of their own: they count in full. */
const ACRONYMS = new Set(
  'gdp gnp gni fdi cpi imf wto oecd opec vat ppp ipo roi ceo cfo cto eu un uae usa uk nato asean brics'.split(
    ' ',
  ),
);

export interface AnswerOptions {
  /** Add the trace: what was read, the candidates and their checks, the decision. */
  explain?: boolean;
}

export class Engine {
  readonly kb: KnowledgeBase;
  readonly options: Required<
    Omit<EngineOptions, 'dictionary' | 'places' | 'everyday' | 'model' | 'withoutChecks'>
  >;
  readonly model: DecisionModel | undefined;
  readonly index: FactIndex;
  readonly articles: ReadonlyMap<string, Article>;
  readonly topics: ReadonlyMap<string, Topic>;
  /** Facts served to users: reviewed ones only (drafts wait for a curator). */
  readonly facts: readonly Fact[];
  readonly retriever: Retriever & { weightOf(word: string): number };
  private readonly composer: Composer;
  private readonly factNoById = new Map<string, number>();
  private readonly places = new Set<string>();
  private readonly everyday = new Set<string>();
  private readonly queryContext: QueryContext;
  private readonly context: DecideContext;

  constructor(kb: KnowledgeBase, options: EngineOptions = {}) {
    this.kb = kb;
    const { dictionary, places, everyday, model, withoutChecks = [], ...rest } = options;
    this.model = model === null ? undefined : (model ?? DEFAULT_MODEL);
    this.options = {
      ...DEFAULT_OPTIONS,
      ...(this.model ? { answerThreshold: this.model.threshold } : {}),
      ...rest,
    };
    this.facts = kb.facts.filter((f) => f.status === 'reviewed');
    this.index = new FactIndex({ facts: [...this.facts], aliases: kb.aliases }, dictionary);
    this.composer = new Composer(kb, this.facts);
    this.articles = this.composer.articles;
    this.topics = this.composer.topics;
    this.facts.forEach((f, i) => this.factNoById.set(f.id, i));
    for (const w of everyday ?? []) this.everyday.add(stem(w.toLowerCase()));
    const words = (text: string) => contentWords(toWords(text), this.index.aliases);
    for (const place of places ?? []) for (const w of words(place)) this.places.add(w);
    const homeCountry = kb.about?.homeCountry ? words(kb.about.homeCountry)[0] : undefined;

    const articleNames = new Map<string, Set<string>>();
    const articleWords = new Map<string, Set<string>>();
    for (const a of kb.articles) {
      const date = a.date ?? a.impliedDate;
      const when = date ? `${MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}` : '';
      // "The IRNA report" may be one IRNA published or one it is credited in.
      articleNames.set(
        a.id,
        new Set(words(`${a.title} ${a.id.replace(/-/g, ' ')} ${a.outlet} ${a.credits.join(' ')} ${when}`)),
      );
      articleWords.set(
        a.id,
        new Set(words(`${a.title} ${a.outlet} ${a.credits.join(' ')} ${when} ${a.text}`)),
      );
    }
    /** A common English word; an acronym the material never uses in full is no filler. */
    const isCommon = (w: string) => this.everyday.has(w) && !ACRONYMS.has(w);
    // The people the material names, by the words of their names ("salehinia"), common words aside:
    // those named as people, and with them the speakers (a speaker may be a role, "an official of
    // ISIPO", which names no person to ask about by role).
    const nameWords = (names: readonly string[]) => new Set(names.flatMap(words).filter((w) => !isCommon(w)));
    const named = nameWords(this.facts.flatMap((f) => (f.people ?? []).map((p) => p.name)));
    const personWords = new Set([...named, ...nameWords(this.facts.map((f) => f.speaker ?? ''))]);
    this.queryContext = { index: this.index, articleNames, isCommon, people: named };

    const negated = new Map<number, Set<string>>();
    const factPlaces: string[][] = [];
    const answerWords: string[][] = [];
    const unsaid: Unsaid[][] = [];
    const nameHeads: Set<string>[] = [];
    this.facts.forEach((f, i) => {
      unsaid.push(
        (f.unsaid ?? []).flatMap((u) => {
          const mention = words(u.mention);
          // The head noun: the last word before a preposition ("workshops for export consortiums").
          const before = u.mention.split(/\s+(?:of|for|in|on|with|to|from|at|by)\s+/i)[0] ?? u.mention;
          const head = words(before).at(-1) ?? mention.at(-1);
          return head ? [{ words: mention, head, what: u.what, asks: u.asks }] : [];
        }),
      );
      const n = negatedWords(this.index.aliases.apply(toWords(f.answer)));
      if (n.size > 0) negated.set(i, n);
      const about = [...(f.places ?? []), ...f.entities].flatMap(words).filter((w) => this.places.has(w));
      factPlaces.push([...new Set(about)]);
      answerWords.push(this.index.aliases.apply(toWords(f.answer)));
      nameHeads.push(new Set(this.index.aliases.heads(toWords(`${f.answer} ${f.quote}`))));
    });
    const unknownWeight = (w: string) => (w.length <= SHORT_UNKNOWN && !ACRONYMS.has(w) ? 0.5 : 1);
    const checkContext: CheckContext = {
      index: this.index,
      personWords,
      places: this.places,
      homeCountry,
      factPlaces: (f) => factPlaces[f] ?? [],
      factNegated: (f) => negated.get(f),
      answerWords: (f) => answerWords[f] ?? [],
      factUnsaid: (f) => unsaid[f] ?? [],
      factNameHeads: (f) => nameHeads[f] ?? new Set(),
      articleWords: (id) => articleWords.get(id) ?? new Set(),
      checks: CHECKS.filter((c) => !withoutChecks.includes(c.name)),
    };
    this.context = {
      ...checkContext,
      model: this.model,
      contextWeight: this.options.contextWeight,
      fillerWeight: this.options.fillerWeight,
      facts: this.facts,
      isCommon,
      unknownWeight,
    };
    // The retriever ranks with the same weights the decision reads: a filler word counts little.
    this.retriever = new CoverageRetriever(this.index, (w) =>
      this.context.isCommon(w) ? this.options.fillerWeight : unknownWeight(w),
    );
  }

  fact(id: string): Fact | undefined {
    const no = this.factNoById.get(id);
    return no === undefined ? undefined : this.facts[no];
  }

  /**
   * "What different figures do the articles give for the share of industry?": the disagreement
   * and trend topics whose facts hold most of what the question names besides the asking
   * (undefined, every disagreement, when it names nothing else).
   */
  private disagreementsAbout(q: Query): ((facts: readonly Fact[]) => boolean) | undefined {
    const named = q.words.filter((w) => !DISAGREEMENT_WORDS.has(w));
    if (named.length === 0) return undefined;
    return (facts) => {
      const nos = facts.map((f) => this.factNoById.get(f.id) ?? -1);
      const held = named.filter((w) => nos.some((n) => this.index.contains(w, n)));
      return held.length * 2 > named.length;
    };
  }

  /** Reads a question: content words (typos corrected, aliases applied), answer type, constraints, shape. */
  analyse(question: string, antecedent?: string): Query {
    return analyseQuery(this.queryContext, question, antecedent);
  }

  /** Facts ranked for a question by the retriever alone. */
  rank(query: Query): Candidate[] {
    return this.retriever.retrieve(query);
  }

  answeredFact(fact: Fact): AnsweredFact {
    return this.composer.answeredFact(fact);
  }

  answer(question: string, options: AnswerOptions = {}): Answer {
    const problem = inputProblem(question, this.options.maxQuestionLength);
    if (problem) return this.noMatch(question, problem);
    // A list over the material is one question, whatever its "and"s ("every MOU and its partner").
    const whole = this.analyse(question);
    if (whole.aggregate) return this.answerOne(question, question, options, whole);
    // "Who headed ISIPO in 2019 vs in 2021?": each side answered, each cited, unless one answer
    // (a trend, a disagreement) already covers every side.
    let sides: string[] = [];
    if (whole.shape === 'comparison') {
      const together = this.answerOne(question, question, options, whole);
      const covers = (alt: string) =>
        together.factIds.some((id) => this.index.contains(alt, this.factNoById.get(id) ?? -1));
      if (together.status === 'answered' && whole.alternatives.every(covers)) return together;
    }
    // "A vs B", "compare A with B": each side answered on its own, when both are answered.
    const compared = comparedSides(question);
    const answers = compared.map((side) => this.answerOne(question, side, { explain: true }));
    if (answers.length === 2 && answers.every((a) => a.status === 'answered'))
      return this.combine(question, compared, answers, options);
    // Otherwise the question once for each of the years it compares.
    if (whole.shape === 'comparison') sides = comparisonSides(question, whole.alternatives);
    const parts = sides.length > 1 ? sides.map((s) => ({ asked: s, put: s })) : compoundParts(question);
    if (parts.length > 1) return this.answerCompound(question, parts, options);
    // A remark that asks nothing has been left out of the one question there is.
    const only = parts[0]?.asked ?? question;
    return this.answerOne(question, only, options, only === question ? whole : undefined);
  }

  /** "Who signed it and when?": each part answered on its own, together, each cited. */
  private answerCompound(question: string, parts: CompoundPart[], options: AnswerOptions): Answer {
    const [lead = question, ...rest] = parts.map((p) => p.asked);
    const first = this.answerOne(question, lead, { explain: true });
    // A later part that refers back ("… and how many of them are active?") is read with the first
    // part's words (or, when that finds no answer, on its own), and its "he" or "she" is the one
    // person the first part's answer names ("… and where did he say it?").
    const person = first.status === 'answered' ? this.personOf(first) : undefined;
    const later = rest.map((part) => {
      const p = person ? withPersonNamed(part, person) : part;
      const q = this.analyse(p, lead);
      const read = this.answerOne(question, p, { explain: true }, q);
      if (q.carried.length === 0 || read.status === 'answered') return read;
      return this.answerOne(question, p, { explain: true });
    });
    const answers = [first, ...later];
    return this.combine(
      question,
      parts.map((p) => p.asked),
      answers,
      options,
      parts.map((p) => p.put),
    );
  }

  /** The one person an answer is about: its fact's speaker, or the only person it names. */
  private personOf(answer: Answer): string | undefined {
    const names = new Set(
      answer.factIds
        .map((id) => this.fact(id))
        .map((f) => f?.speaker ?? (f?.people?.length === 1 ? f.people[0]?.name : undefined)),
    );
    const [name] = names;
    // A speaker may be a role ("an official of ISIPO"): only a person's name stands for "he".
    const isPerson = (n: string) => this.facts.some((f) => f.people?.some((p) => p.name === n));
    return names.size === 1 && name && isPerson(name) ? name : undefined;
  }

  /** The parts' answers (each made with its trace) as one answer. */
  private combine(
    question: string,
    parts: string[],
    answers: Answer[],
    options: AnswerOptions,
    /** The parts as the asker put them, to name one the material does not answer. */
    put: string[] = parts,
  ): Answer {
    const answered = answers.filter((a) => a.status === 'answered');
    const traces = answers.map((a) => a.trace as Trace);
    const withTrace = (a: Answer): Answer => {
      if (!options.explain) return { ...a, trace: undefined };
      const trace: Trace = {
        query: { parts },
        candidates: [],
        decision: {
          action: a.status === 'answered' ? 'answer' : 'refuse',
          confidence: round(a.confidence ?? 0),
          threshold: this.options.answerThreshold,
          margin: 0,
          reason: 'a compound question: each part is decided on its own',
        },
        parts: traces,
      };
      return { ...a, trace };
    };
    if (answered.length === 0) return withTrace({ ...(answers[0] as Answer), query: question });
    if (answered.length === 1 && answers.length === 1) return withTrace(answered[0] as Answer);
    // "2020 vs 2021" answered side by side from one trend (or disagreement): give the topic whole.
    const sideFacts = answered.flatMap((a) => a.factIds.map((id) => this.fact(id) as Fact));
    const topics = new Set(sideFacts.map((f) => f.topic));
    const topic = sideFacts[0]?.topic ? this.topics.get(sideFacts[0].topic) : undefined;
    if (answered.length === answers.length && topics.size === 1 && topic && topic.kind !== 'related') {
      const confidence = Math.min(...answered.map((a) => a.confidence ?? 0));
      const whole = this.composer.compose(
        question,
        this.composer.gather(sideFacts[0] as Fact, []),
        confidence,
        [],
      );
      return withTrace({ ...whole, corrections: answered.flatMap((a) => a.corrections), confidence });
    }
    const facts: AnsweredFact[] = [];
    for (const a of answered) for (const f of a.facts) if (!facts.some((x) => x.id === f.id)) facts.push(f);
    // A part given the very answer an earlier part was ("who signed it and when?", both in one
    // sentence) is answered already: the answer is given once. (The same fact may answer two parts
    // differently: "when was it signed, and which agency reported it?".)
    const given = new Set<string>();
    const lines = answers.flatMap((a, i) => {
      if (a.status !== 'answered') return [`• ${put[i]?.replace(/[?\s]+$/, '')}? The material does not say.`];
      const key = a.answer;
      if (given.has(key)) return [];
      given.add(key);
      return [`• ${a.answer.replace(/\n/g, '\n  ')}`];
    });
    const confidence = Math.min(...answered.map((a) => a.confidence ?? 0));
    return withTrace({
      query: question,
      status: 'answered',
      kind: 'compound',
      answer:
        lines.length === 1
          ? (lines[0] as string).replace(/^• /, '').replace(/\n {2}/g, '\n')
          : lines.join('\n'),
      citations: facts.map((f) => f.citation),
      facts,
      score: round(confidence),
      suggestions: [],
      factIds: facts.map((f) => f.id),
      corrections: answered.flatMap((a) => a.corrections),
      confidence,
    });
  }

  /** One question (or part) through the stages; `q` is its reading when already made. */
  private answerOne(
    query: string,
    text: string,
    options: AnswerOptions,
    q: Query = this.analyse(text),
  ): Answer {
    const corrections: Corrections = q.corrections.map(({ from, to }) => ({ from, to }));
    const traced = (a: Answer, decision?: Decision, reason?: string): Answer => {
      if (!options.explain) return a;
      const trace: Trace = {
        query: {
          words: q.words,
          answerType: q.answerType,
          intent: q.intent,
          shape: q.shape,
          aggregate: q.aggregate,
          asked: q.asked,
          numbers: q.numbers,
          alternatives: q.alternatives,
          scope: q.scope,
          statement: q.statement,
          negated: [...q.negated],
          corrections: q.corrections,
          identifies: q.identifies,
        },
        candidates: decision ? traceCandidates(decision.judged, this.facts) : [],
        decision: {
          action: a.status === 'answered' ? 'answer' : 'refuse',
          confidence: round(a.confidence ?? 0),
          threshold: this.options.answerThreshold,
          margin: round(decision?.margin ?? 0),
          features: decision?.features?.map(round),
          reason: reason ?? decision?.reason ?? '',
        },
      };
      return { ...a, trace };
    };

    // "How do you say hello in Korean?": news reports give no translations.
    if (asksForTranslation(q.text))
      return traced(this.noMatch(query, undefined, [], 0, corrections), undefined, 'asks for a translation');
    if (q.aggregate) {
      const list = this.composer.aggregate(query, q.aggregate, corrections, this.disagreementsAbout(q));
      if (list)
        return traced(
          { ...list, confidence: 1 },
          undefined,
          `an aggregate over the material: ${q.aggregate}`,
        );
    }
    if (q.shape === 'source') {
      const sourced = this.answerSource(query, q, corrections);
      if (sourced) return traced(sourced.answer, sourced.decision, 'asks where the story was published');
    }
    // "Summarise the Korea article"; "what does the Korea article say?" (it names nothing else).
    if (q.shape === 'summary' || (q.scope !== undefined && q.words.length === 0)) {
      const summary = this.answerSummary(query, q, corrections);
      if (summary) return traced(summary.answer, summary.decision, 'asks for an article’s gist');
    }
    if (q.words.length === 0) return traced(this.noMatch(query, 'no_words', [], 0, corrections));

    const candidates = this.retriever.retrieve(q);
    const decision = decide(q, candidates, this.context, this.options.answerThreshold);
    const denied = q.shape === 'yesno' ? this.notAccordingToMaterial(q, decision) : undefined;
    if (denied) {
      const fact = this.facts[denied.candidate.factNo] as Fact;
      const lead = `Not according to the material: ${denied.gap ?? 'it says otherwise'}. What it says:`;
      const answer = this.composer.compose(query, [fact], denied.explained, corrections, lead);
      return traced(
        { ...answer, confidence: denied.explained },
        decision,
        'a yes/no question the material answers otherwise',
      );
    }
    if (decision.action === 'refuse' || !decision.best) {
      const suggestions = candidates
        .filter((c) => c.coverage >= this.options.suggestThreshold)
        .slice(0, 3)
        .map((c) => (this.facts[c.factNo] as Fact).questions[0] as string);
      const near = decision.vetoed;
      const related =
        near && near.explained >= RELATED && near.gap
          ? { fact: this.facts[near.candidate.factNo] as Fact, gap: near.gap }
          : undefined;
      const refusal = this.noMatch(
        query,
        undefined,
        related ? [] : suggestions,
        candidates[0]?.coverage ?? 0,
        corrections,
        related,
      );
      return traced({ ...refusal, confidence: decision.confidence }, decision);
    }
    const best = this.facts[decision.best.candidate.factNo] as Fact;
    // Near ties by the same measure candidates were ranked by (their explained share, weighed by checks).
    const rankOf = (j: (typeof decision.judged)[number]) =>
      j.explained * j.factor + PHRASING_WEIGHT * j.candidate.phrasing;
    const bestRank = rankOf(decision.best);
    // "What did Najafi say about South Korea?": every statement of his that would answer on its own
    // (the question names whose statements: not "how do you say hello in Korean?").
    const bySpeaker = q.answerType === 'statement' && (q.statedBy.length > 0 || q.attributed.length > 0);
    // "Which programs … across the articles": every fact that would answer on its own, too.
    const alsoAnswers = (j: (typeof decision.judged)[number]) =>
      (bySpeaker || q.acrossMaterial) && j.factor > 0 && j.confidence >= this.options.answerThreshold;
    const ties = decision.judged
      .filter((j) => j !== decision.best && j.factor > 0 && (rankOf(j) >= bestRank * TIE || alsoAnswers(j)))
      .map((j) => this.facts[j.candidate.factNo] as Fact);
    const facts = this.composer.gather(best, ties, q.scope, {
      bySpeaker,
      whole: q.wantsAll,
      across: q.acrossMaterial,
    });
    // "Did ISIPO sign an MOU with Armenia?": yes, and here is where the material says so.
    const lead = q.shape === 'yesno' && !/\bor\b/i.test(text) ? 'Yes.' : undefined;
    const answer = this.composer.compose(query, facts, decision.confidence, corrections, lead);
    return traced({ ...answer, confidence: decision.confidence }, decision);
  }

  /**
   * "Was Japan one of the countries Najafi named?", "Did the US re-impose sanctions in 2019?": the
   * fact that matches the question best was vetoed only because it concerns another place or
   * period. The answer to the yes/no question is then what the material does say, cited, led by
   * "not according to the material" (it does not say the thing asked; it says this).
   */
  private notAccordingToMaterial(q: Query, decision: Decision): Decision['judged'][number] | undefined {
    const near = decision.vetoed;
    if (decision.action === 'answer' || !near) return undefined;
    const vetoes = near.verdicts.filter((v) => v.verdict === 'veto');
    if (vetoes.length === 0 || !vetoes.every((v) => CONSTRAINT_CHECKS.has(v.check))) return undefined;
    // How much of the question the fact explains, the place or year it was vetoed for aside: "did
    // ISIPO sign an MOU with Georgia?" is all about ISIPO signing an MOU, but Georgia.
    const factNo = near.candidate.factNo;
    const constraint = (w: string) => (this.places.has(w) || isYear(w)) && !this.index.contains(w, factNo);
    const rest = { ...q, words: q.words.filter((w) => !constraint(w)) };
    const fact = this.facts[factNo] as Fact;
    const explained = explainedShare(explainedParts(rest, factNo, fact, this.context), this.context);
    return explained >= YESNO_DENIAL ? { ...near, explained } : undefined;
  }

  /**
   * "Which news agency covered the Armenia MOU?": the story is found by the question's other words,
   * as any question is, and the answer is where it was published. Undefined when those words find
   * nothing clearly (the question is then answered, or refused, as an ordinary one).
   */
  private answerSource(
    query: string,
    q: Query,
    corrections: Corrections,
  ): { answer: Answer; decision?: Decision } | undefined {
    // "Who reported the seven MOUs story anyway?": with the story named, the words the material
    // never uses name nothing else ("when was IRNA founded?" names no story, and asks something else).
    const named = q.scope !== undefined && q.allWords.some((w) => ARTICLE_NOUNS.has(w));
    const words = wordsWithout(q, SOURCE_WORDS).filter((w) => !named || this.index.idfOf(w) !== null);
    if (words.length === 0) {
      // "Which agency ran the Korea story?": the article is named, nothing else is asked.
      const opening = q.scope === undefined ? undefined : this.composer.openingFacts(q.scope)[0];
      if (!opening) return undefined;
      return { answer: { ...this.composer.source(query, [opening], 1, corrections), confidence: 1 } };
    }
    const found = this.findPlain(q, words);
    if (!found) return undefined;
    const facts = this.composer.gather(found.fact, [], q.scope);
    return {
      answer: {
        ...this.composer.source(query, facts, found.confidence, corrections),
        confidence: found.confidence,
      },
      decision: found.decision,
    };
  }

  /**
   * "Summarise the Armenia article": the article is found by the question's other words, as any
   * question is, and the answer is its opening statements. Undefined when no article is clearly meant.
   */
  private answerSummary(
    query: string,
    q: Query,
    corrections: Corrections,
  ): { answer: Answer; decision?: Decision } | undefined {
    if (q.scope !== undefined) {
      return { answer: { ...this.composer.summary(query, q.scope, 1, corrections), confidence: 1 } };
    }
    const words = wordsWithout(q, SUMMARY_WORDS);
    if (words.length === 0) return undefined;
    // "The gist of the SMEs Day announcements": when most of its words name one article (its title,
    // subject, date), that is the article to sum up.
    const named = articleNamedBy(this.queryContext, words);
    if (named && named.words.length * 2 >= words.length)
      return { answer: { ...this.composer.summary(query, named.articleId, 1, corrections), confidence: 1 } };
    const found = this.findPlain(q, words);
    if (!found) return undefined;
    // "tl;dr on the South Korea cooperation": the gist of the subject, from the fact that names it
    // and its topic's other statements in that article (else the article's gist).
    // "The gist of Rasoulian's speech", "… of what Najafi said": the subject is what its speaker said.
    const speakerWords = found.fact.speaker ? toWords(found.fact.speaker) : [];
    const whose = [...q.owners, ...q.attributed, ...q.statedBy];
    const bySpeaker = speakerWords.some((w) => whose.includes(w));
    const answer = this.composer.summary(
      query,
      found.fact.articleId,
      found.confidence,
      corrections,
      found.fact,
      bySpeaker,
    );
    return { answer: { ...answer, confidence: found.confidence }, decision: found.decision };
  }

  /** The fact a question's subject words find, asked plainly (no answer type): for sources and summaries. */
  private findPlain(
    q: Query,
    words: string[],
  ): { fact: Fact; confidence: number; decision: Decision } | undefined {
    const plain: Query = {
      ...q,
      words,
      answerType: null,
      strictType: false,
      intent: null,
      statement: false,
      asked: [],
    };
    const decision = decide(
      plain,
      this.retriever.retrieve(plain),
      this.context,
      this.options.answerThreshold,
    );
    if (decision.action !== 'answer' || !decision.best) return undefined;
    return {
      fact: this.facts[decision.best.candidate.factNo] as Fact,
      confidence: decision.confidence,
      decision,
    };
  }

  private noMatch(
    query: string,
    problem?: InputProblem,
    suggestions: string[] = [],
    score = 0,
    corrections: Corrections = [],
    related?: { fact: Fact; gap: string },
  ): Answer {
    return this.composer.noMatch(
      query,
      problem,
      suggestions,
      score,
      corrections,
      this.options.maxQuestionLength,
      related,
    );
  }
}

/**
 * A vetoed candidate that explains this much of the question is what the material does say nearby:
 * a refusal names it ("it does not give that for 2019; what it does say: …").
 */
const RELATED = 0.5;
/** A yes/no question is answered "not according to the material" from a fact explaining this much of it. */
const YESNO_DENIAL = 0.6;
/** The checks that veto a fact for concerning another place or period, not for being about something else. */
const CONSTRAINT_CHECKS: ReadonlySet<string> = new Set(['place', 'period-and-figures']);
/** Facts this close to the best (by rank) are given together. */
const TIE = 0.97;

/**
 * A question's words without those of a set ("which outlet reported…", "summarise…"). A word of the
 * set the material never uses may have been "corrected" to one it does ("tldr" → "told"): that goes too.
 */
function wordsWithout(q: Query, set: ReadonlySet<string>): string[] {
  const misread = new Set(q.corrections.filter((c) => set.has(c.from)).map((c) => c.to));
  return q.words.filter((w) => !set.has(w) && !misread.has(w));
}

/**
 * The sides of a comparison between alternatives ("2019 vs 2021", "92% or 50%"): the question once
 * for each, without the others.
 */
function comparisonSides(question: string, alternatives: readonly string[]): string[] {
  if (alternatives.length < 2) return [];
  const literal = (a: string) => new RegExp(`\\b${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g');
  const sides = alternatives.map((keep) =>
    alternatives.reduce(
      (text, other) => (other === keep ? text : text.replace(literal(other), ' ')),
      question,
    ),
  );
  return sides.every((s, i) => literal(alternatives[i] as string).test(s)) ? sides : [];
}

/** Checks a question before any matching: empty, too long, or no words at all. */
export function inputProblem(question: string, maxLength: number): InputProblem | undefined {
  // eslint-disable-next-line no-control-regex
  const visible = question.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  if (visible.length === 0) return 'empty';
  if ([...question].length > maxLength) return 'too_long';
  return undefined;
}
