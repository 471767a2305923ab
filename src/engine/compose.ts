/**
 * Stage 5, compose: the answer's text and citations, once the decision is made. Also the answers
 * that come from the knowledge base's structure rather than one fact: where a story was published,
 * an article's gist, and lists over the whole material (agreements, people, outlets, a timeline,
 * the figures the articles disagree on).
 */
import { refusalText } from './about.ts';
import { formatDate } from './render.ts';
import { normaliseForQuote } from './normalise.ts';
import type { Aggregate } from './query.ts';
import { findCountries } from '../text/countries.ts';
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

const MAX_FACTS_PER_ANSWER = 4;
/** How many opening statements a summary gives. */
const SUMMARY_FACTS = 4;

export type Corrections = { from: string; to: string }[];

export class Composer {
  readonly articles: ReadonlyMap<string, Article>;
  readonly topics: ReadonlyMap<string, Topic>;
  private readonly factsByTopic = new Map<string, Fact[]>();
  /** Each article's facts in the order of their quotes, for summaries (filled when first asked). */
  private readonly byPosition = new Map<string, Fact[]>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly facts: readonly Fact[],
  ) {
    this.articles = new Map(kb.articles.map((a) => [a.id, a]));
    this.topics = new Map(kb.topics.map((t) => [t.id, t]));
    for (const f of facts) {
      if (!f.topic) continue;
      const list = this.factsByTopic.get(f.topic) ?? [];
      list.push(f);
      this.factsByTopic.set(f.topic, list);
    }
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

  /**
   * The chosen fact, the rest of its topic when the topic is a trend or a disagreement, and
   * near ties from the same topic (the same statement in two articles), and for "what did X say"
   * the same speaker's near ties. Another tie from elsewhere is noise, not a second answer.
   * "According to the June 2021 piece": that article's facts only.
   */
  gather(best: Fact, ties: Fact[], scope?: string, how: GatherOptions = {}): Fact[] {
    const { bySpeaker = false, whole = false, across = false } = how;
    const chosen = new Set<Fact>([best]);
    const topic = best.topic ? this.topics.get(best.topic) : undefined;
    // A trend or disagreement is given whole; a related topic when the whole is asked for ("all
    // the programs ISIPO follows").
    if (topic && (topic.kind !== 'related' || whole))
      for (const f of this.factsByTopic.get(topic.id) ?? []) chosen.add(f);
    for (const f of ties) {
      if (chosen.size >= MAX_FACTS_PER_ANSWER) break;
      if (best.topic !== undefined && f.topic === best.topic) chosen.add(f);
      // "What did Najafi say about South Korea?": each of his statements that answers as well.
      else if (bySpeaker && best.speaker !== undefined && f.speaker === best.speaker) chosen.add(f);
      // "Which programs … across the articles": each fact that answers as well, from any topic.
      else if (across) chosen.add(f);
    }
    const facts = [...chosen];
    return scope !== undefined && best.articleId === scope
      ? facts.filter((f) => f.articleId === scope)
      : facts;
  }

  compose(query: string, facts: Fact[], score: number, corrections: Corrections, lead?: string): Answer {
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
    const body =
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
    const answer = lead ? `${lead} ${body}` : body;
    return { ...answeredWith(query, kind, answer, answered, score, corrections), note };
  }

  /** Where the facts' stories were published: outlet, date, credited agencies; each article once. */
  source(query: string, facts: Fact[], score: number, corrections: Corrections): Answer {
    const byArticle = new Map<string, Fact>();
    for (const f of facts) if (!byArticle.has(f.articleId)) byArticle.set(f.articleId, f);
    const answered = [...byArticle.values()].map((f) => this.answeredFact(f));
    const lines = answered.map((a) => this.sourceLine(this.articles.get(a.citation.articleId) as Article));
    const text =
      lines.length === 1
        ? `That is reported in ${lines[0]}`
        : ['That is reported in:', ...lines.map((l) => `• ${l}`)].join('\n');
    return answeredWith(query, 'source', text, answered, score, corrections);
  }

  private sourceLine(article: Article): string {
    const credits = article.credits.filter((c) => c !== article.outlet);
    return (
      `“${article.title}” — ${article.outlet}, ${article.date ? formatDate(article.date) : 'undated'}` +
      (article.dateQuote ? ` (dated “${article.dateQuote}” in its text)` : '') +
      `${credits.length > 0 ? `, crediting ${credits.join(' and ')}` : ''}.` +
      (article.outletNote ? ` (${article.outlet}: ${lowerFirst(article.outletNote)})` : '')
    );
  }

  /**
   * An article's opening statements (news puts what matters most first), each cited. With a lead
   * fact, the gist of its subject; `bySpeaker`, of what its speaker said ("the gist of Rasoulian's
   * speech at the ceremony").
   */
  summary(
    query: string,
    articleId: string,
    score: number,
    corrections: Corrections,
    lead?: Fact,
    bySpeaker = false,
  ): Answer {
    const article = this.articles.get(articleId) as Article;
    const opening = this.openingFacts(article.id);
    const topicId = lead?.topic;
    const speaker = bySpeaker ? lead?.speaker : undefined;
    // The gist of a subject: the fact that names it, then its topic's other statements in the
    // article, when there are any; else the article's own opening. Of a speaker: the fact that
    // names the subject, then the speaker's other statements in the article.
    const around = (same: (f: Fact) => boolean) =>
      lead === undefined ? [] : [lead, ...opening.filter((f) => same(f) && f !== lead)];
    const bySpeakerFacts = speaker === undefined ? [] : around((f) => f.speaker === speaker);
    const ofSpeaker = bySpeakerFacts.length >= 2;
    const onTopic = topicId === undefined ? [] : around((f) => f.topic === topicId);
    const topic = onTopic.length >= 2 ? this.topics.get(topicId as string) : undefined;
    const chosen = ofSpeaker ? bySpeakerFacts : topic ? onTopic : opening;
    const answered = chosen.slice(0, SUMMARY_FACTS).map((f) => this.answeredFact(f));
    const date = article.date ? formatDate(article.date) : 'undated';
    const heading = ofSpeaker
      ? `What ${speaker as string} said, from `
      : topic
        ? `${topic.title}, from `
        : '';
    const text = [
      `${heading}“${article.title}” (${article.outlet}, ${date}) in brief:`,
      ...answered.map((a) => `• ${a.answer}`),
    ].join('\n');
    return answeredWith(query, 'summary', text, answered, score, corrections);
  }

  /** An article's facts in the order of their quotes in its text, none quoting the same stretch. */
  openingFacts(articleId: string): Fact[] {
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

  /**
   * A list over the whole material, from the knowledge base's structure: every agreement with its
   * date and parties, every person with their role, the outlets and agencies, the dated events
   * they report in time order, the figures the sources disagree on. Undefined when the knowledge
   * base holds nothing of the kind.
   */
  aggregate(
    query: string,
    what: Aggregate,
    corrections: Corrections,
    /**
     * Which topics the question is about, by their facts, when it names one ("the different figures
     * for industrial parks"): then a figure that changed over time (a trend) is listed too.
     * Undefined: every disagreement.
     */
    about?: (facts: readonly Fact[]) => boolean,
  ): Answer | undefined {
    const lines: string[] = [];
    const cited: Fact[] = [];
    let heading = '';
    if (what === 'agreements') {
      const signed = this.facts
        .filter((f) => f.agreement)
        .sort((a, b) => (a.agreement?.date ?? a.date ?? '').localeCompare(b.agreement?.date ?? b.date ?? ''));
      // Agreements signed the same day by the same party, on the same subject, are one line:
      // "11 August 2020: 7 MOUs between the ministry and each of: …".
      const groups: Fact[][] = [];
      for (const f of signed) {
        const a = f.agreement!;
        const last = groups.at(-1)?.[0];
        const same =
          last?.agreement &&
          (last.agreement.date ?? last.date) === (a.date ?? f.date) &&
          last.agreement.kind === a.kind &&
          last.agreement.subject === a.subject &&
          last.agreement.parties[0] === a.parties[0] &&
          a.parties.length === 2 &&
          last.agreement.parties.length === 2;
        if (same) groups.at(-1)?.push(f);
        else groups.push([f]);
        cited.push(f);
      }
      for (const group of groups) {
        const first = group[0] as Fact;
        const a = first.agreement!;
        const when = a.date ?? first.date;
        const date = when ? `${formatDate(when)}: ` : '';
        lines.push(
          group.length === 1
            ? `• ${date}${a.kind} between ${a.parties.join(' and ')} (${a.subject})`
            : `• ${date}${group.length} ${a.kind}s between ${a.parties[0]} and each of: ${group
                .map((f) => f.agreement!.parties[1])
                .join('; ')} (${a.subject})`,
        );
      }
      heading = `The material reports ${signed.length} agreement${signed.length === 1 ? '' : 's'}:`;
    } else if (what === 'people') {
      const seen = new Set<string>();
      for (const f of this.facts) {
        for (const p of f.people ?? []) {
          if (seen.has(p.name.toLowerCase())) continue;
          seen.add(p.name.toLowerCase());
          lines.push(`• ${p.name} — ${p.role}`);
          if (!cited.includes(f)) cited.push(f);
        }
      }
      heading = `The material names ${seen.size} ${seen.size === 1 ? 'person' : 'people'}:`;
    } else if (what === 'countries' || what === 'foreign-countries') {
      // Every country the facts are about (their curated places), each with the first fact naming it.
      const home = this.kb.about?.homeCountry?.toLowerCase();
      const seen = new Set<string>();
      for (const f of this.facts) {
        for (const place of f.places ?? []) {
          const key = place.toLowerCase();
          // Places are countries and cities; only a country is listed.
          if (seen.has(key) || (what === 'foreign-countries' && key === home)) continue;
          if (findCountries(place).length === 0) continue;
          seen.add(key);
          lines.push(`• ${place}`);
          if (!cited.includes(f)) cited.push(f);
        }
      }
      heading = `The material names ${seen.size} ${what === 'foreign-countries' ? 'foreign ' : ''}${seen.size === 1 ? 'country' : 'countries'}:`;
    } else if (what === 'outlets') {
      for (const article of this.datedArticles()) {
        lines.push(`• ${this.sourceLine(article)}`);
        const first = this.openingFacts(article.id)[0];
        if (first) cited.push(first);
      }
      heading = `The ${lines.length} articles and where they were published:`;
    } else if (what === 'timeline') {
      // Each article's main event (its opening), and each earlier or later event it reports: the
      // first of its facts dated otherwise than the opening and than the article itself (a fact
      // dated the day of publication is the reporting, not an event).
      const events: { when: string | undefined; fact: Fact }[] = [];
      for (const article of this.datedArticles()) {
        const opening = this.openingFacts(article.id);
        const first = opening[0];
        if (!first) continue;
        const when = first.date ?? article.date ?? article.impliedDate;
        events.push({ when, fact: first });
        const seen = new Set([when, article.date]);
        for (const f of opening) {
          if (f.date === undefined || seen.has(f.date)) continue;
          seen.add(f.date);
          events.push({ when: f.date, fact: f });
        }
      }
      events.sort((a, b) => (a.when ?? '9999').localeCompare(b.when ?? '9999'));
      for (const { when, fact } of events) {
        lines.push(`• ${when ? formatDate(when) : 'undated'}: ${fact.answer}`);
        cited.push(fact);
      }
      heading = 'In time order:';
    } else {
      for (const topic of this.topics.values()) {
        if (topic.kind !== 'disagreement' && !(about && topic.kind === 'trend')) continue;
        const facts = this.factsByTopic.get(topic.id) ?? [];
        if (about && !about(facts)) continue;
        lines.push(`• ${topic.title}: ${topic.note ?? facts.map((f) => f.answer).join(' / ')}`);
        cited.push(...facts);
      }
      heading = about ? 'The figures the articles give:' : 'Where the sources disagree:';
    }
    if (cited.length === 0) return undefined;
    const answered = cited.map((f) => this.answeredFact(f));
    return answeredWith(query, 'list', [heading, ...lines].join('\n'), answered, 1, corrections);
  }

  /** The articles oldest first, by their date or the date they imply. */
  private datedArticles(): Article[] {
    return [...this.articles.values()].sort((a, b) =>
      (a.date ?? a.impliedDate ?? '9999').localeCompare(b.date ?? b.impliedDate ?? '9999'),
    );
  }

  noMatch(
    query: string,
    problem: InputProblem | undefined,
    suggestions: string[],
    score: number,
    corrections: Corrections,
    maxLength: number,
    related?: { fact: Fact; gap: string },
  ): Answer {
    const answer = related
      ? `The material does not answer that: ${related.gap}. What it does say:\n${related.fact.answer}`
      : this.noMatchText(problem, suggestions, maxLength, [...query].length);
    return {
      query,
      status: 'no_match',
      kind: null,
      answer,
      citations: [],
      facts: [],
      score: round(score),
      suggestions,
      factIds: [],
      corrections,
      problem,
      related: related ? this.answeredFact(related.fact) : undefined,
    };
  }

  private noMatchText(
    problem: InputProblem | undefined,
    suggestions: string[],
    maxLength: number,
    length: number,
  ): string {
    switch (problem) {
      case 'empty':
        return 'Please type a question, e.g. "Who signed the agreement, and when?"';
      case 'too_long':
        return `That question is too long (${length} characters; the limit is ${maxLength}). Please ask it in a sentence or two.`;
      case 'no_words':
        return 'I could not find any words to search for in that. Please ask in English.';
      default:
        if (suggestions.length > 0) return 'The material does not answer that. Did you mean one of these?';
        return refusalText(this.kb);
    }
  }
}

/** Which facts besides the best an answer gathers (see Composer.gather). */
export interface GatherOptions {
  /** "What did X say about Y": each statement of the best fact's speaker among the ties. */
  bySpeaker?: boolean;
  /** "All the programs ISIPO follows": a related topic whole. */
  whole?: boolean;
  /** "Which programs … across the articles": every tie, from any topic. */
  across?: boolean;
}

/** An answered Answer: its text, the facts it rests on with their citations, and its score. */
export function answeredWith(
  query: string,
  kind: AnswerKind,
  answer: string,
  facts: AnsweredFact[],
  score: number,
  corrections: Corrections,
): Answer {
  return {
    query,
    status: 'answered',
    kind,
    answer,
    // Facts that rest on the same sentence (seven agreements in one list) cite it once.
    citations: facts
      .map((a) => a.citation)
      .filter((c, i, all) => all.findIndex((o) => o.articleId === c.articleId && o.quote === c.quote) === i),
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
