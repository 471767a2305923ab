/**
 * Stage 3, checks: can this candidate fact answer this question? Each check is a small named rule
 * `(query, fact) → pass | veto(reason) | weight`, registered in CHECKS. A veto means the fact does
 * not give what was asked (the decision will not answer with it); a weight lowers confidence.
 * Checks read the fact's curated fields (what it gives, its places and periods) where
 * the knowledge base has them, and its words where it does not.
 */
import type { FactIndex } from './index.ts';
import { figureKind, isYear } from './normalise.ts';
import type { Query, Span } from './query.ts';
import { formatDate } from './render.ts';
import type { AnswerType, CheckVerdict, Fact } from './types.ts';
import { toWords } from '../text/tokenise.ts';
import { WEEKDAY_NAMES } from '../text/months.ts';
import { STOPWORDS } from '../text/stopwords.ts';

/** What checks may read besides the query and the fact. */
export interface CheckContext {
  index: FactIndex;
  /** Index words that name a person the material names (their people and speakers' names). */
  personWords: ReadonlySet<string>;
  /** Index words that name a country or place. */
  places: ReadonlySet<string>;
  /** The home country, as an index word: it locates nothing (every fact is about it). */
  homeCountry: string | undefined;
  /** The place words each fact is about. */
  factPlaces(factNo: number): readonly string[];
  /** The words each fact's answer uses only negated ("non-oil"). */
  factNegated(factNo: number): ReadonlySet<string> | undefined;
  /** The fact's answer as index words, in order (stopwords kept). */
  answerWords(factNo: number): readonly string[];
  /** What each fact mentions but the material leaves unsaid (its curated `unsaid`), as index words. */
  factUnsaid(factNo: number): readonly Unsaid[];
  /** The head nouns of the names each fact writes out in full ("ministry" for "Ministry of Industry, …"). */
  factNameHeads(factNo: number): ReadonlySet<string>;
  /** Index words anywhere in each article's text. */
  articleWords(articleId: string): ReadonlySet<string>;
  /** The checks to run: CHECKS, or fewer to measure what one earns (`eval --ablate`). */
  checks: readonly Check[];
}

/** A fact's `unsaid` entry, read: the mention as index words, its head noun (the last word before a preposition), what is unsaid. */
export interface Unsaid {
  words: readonly string[];
  head: string;
  what: string;
  asks: readonly AnswerType[];
}

export type Verdict =
  | { verdict: 'pass' }
  | { verdict: 'veto'; reason: string; gap: string }
  | { verdict: 'weight'; weight: number; reason: string };

export interface Check {
  name: string;
  run(query: Query, fact: Fact, factNo: number, ctx: CheckContext): Verdict;
}

const PASS: Verdict = { verdict: 'pass' };
/** reason: for the trace; gap: what the fact does not give, in words for the person who asked. */
const veto = (reason: string, gap: string): Verdict => ({ verdict: 'veto', reason, gap });
const weight = (w: number, reason: string): Verdict => ({ verdict: 'weight', weight: w, reason });

/** The kinds of answer a fact gives: curated where the fact says, otherwise read off its figures and date. */
export function gives(fact: Fact): Set<AnswerType> {
  // The figures are curated too: a fact with a count gives a count, whatever else it gives.
  const out = new Set<AnswerType>(fact.gives);
  for (const f of fact.figures) {
    const kind = figureKind(f.unit);
    out.add(kind === 'share' ? 'share' : kind === 'money' ? 'money' : 'count');
  }
  // An uncurated fact (a draft read in a test) gives a date when it has one.
  if (fact.gives.length === 0 && (fact.date || fact.figures.some((f) => f.asOf))) out.add('date');
  return out;
}

/** What a question of each kind asks, for a refusal: "it does not say when". */
const ASKED: Record<AnswerType, string> = {
  person: 'who',
  role: 'what their role is',
  organisation: 'which organisation',
  date: 'when',
  place: 'where',
  count: 'how many',
  share: 'what share',
  money: 'how much',
  reason: 'why',
  statement: 'what anyone said',
  description: 'what it is',
  name: 'what it is called',
  manner: 'how',
  list: 'what they all are',
};

/** Answer types one another can stand for: a count or a share is also "how much". */
const SATISFIES: Partial<Record<AnswerType, AnswerType[]>> = {
  money: ['money', 'count', 'share'],
  person: ['person', 'role', 'organisation'],
  role: ['role', 'person'],
  organisation: ['organisation', 'person'],
  name: ['name', 'organisation', 'person'],
  reason: ['reason', 'description', 'statement'],
  description: ['description', 'reason', 'list'],
  list: ['list', 'description'],
  manner: ['manner', 'date'],
};

/**
 * The fact gives the kind of answer asked for: a figure of the right kind for "how many" / "what
 * share" / "how much", a date for "when", a person for "who", a statement for "what did X say".
 * Curated facts that do not give it are vetoed; uncurated ones are weighed down, as their kinds
 * are only inferred.
 */
const answerType: Check = {
  name: 'answer-type',
  run(query, fact, _factNo, ctx) {
    const wanted = query.answerType;
    if (!wanted) return PASS;
    const has = gives(fact);
    // "Which country offered to train Iran's small industries?": a fact naming a foreign country names it.
    const namesCountry =
      query.placeAsked === 'named' && (fact.places ?? []).some((p) => p.toLowerCase() !== ctx.homeCountry);
    const ok =
      namesCountry || (query.strictType ? [wanted] : (SATISFIES[wanted] ?? [wanted])).some((t) => has.has(t));
    if (ok && query.weekday && !WEEKDAY.test(`${fact.answer} ${fact.quote}`)) return NO_WEEKDAY;
    if (ok && figureNamedInQuestion(query, fact, wanted)) return FIGURE_ALREADY_NAMED;
    // "How much did SMEs export?": a fact giving the money outranks one giving only a count.
    if (ok && !namesCountry && !has.has(wanted))
      return weight(LOOSER_KIND, `asks for a ${wanted}; the fact gives ${[...has].join(', ')}`);
    if (ok) return PASS;
    const curated = fact.gives.length > 0;
    // "Where do SMEs fit in the strategy?": "where" is as often a situation as a location; but
    // where something was said, signed or held is a location.
    if (curated && query.placeAsked === 'loose') return weight(0.85, 'asks where; the fact names no place');
    if (curated)
      return veto(
        `asks for a ${wanted}; the fact gives ${[...has].join(', ') || 'none of that'}`,
        `it does not say ${ASKED[wanted]}`,
      );
    // Uncurated: the figure and date kinds are known, the rest is not.
    if (wanted === 'count' || wanted === 'share' || wanted === 'money') {
      if (fact.figures.length === 0) return weight(0.5, `asks for a ${wanted}; the fact has no figure`);
      return weight(0.7, `asks for a ${wanted}; the fact's figures are of another kind`);
    }
    if (wanted === 'date') return weight(0.85, 'asks when; the fact has no date');
    return PASS;
  },
};

/** The weight of a fact that gives a kind of answer close to the one asked for, not that kind itself. */
const LOOSER_KIND = 0.95;

/** "On which day of the week …": only a fact that names the weekday gives it. */
const WEEKDAY = new RegExp(`\\b(?:${WEEKDAY_NAMES.join('|')})\\b`, 'i');
const NO_WEEKDAY = veto(
  'asks for a day of the week; the fact names none',
  'it does not say on which day of the week',
);

/** The kind of figure each figure question asks for. */
const FIGURE_TYPES: ReadonlySet<AnswerType> = new Set(['count', 'share', 'money']);

const FIGURE_ALREADY_NAMED = veto(
  'the fact’s only figures are the ones the question names',
  'it gives no figure beyond the one in the question',
);

/**
 * "How many of the 48,000 units are SMEs?": an answer tells the asker something they did not say.
 * A fact whose every figure is one the question already names gives no new figure.
 */
function figureNamedInQuestion(query: Query, fact: Fact, wanted: AnswerType): boolean {
  if (!FIGURE_TYPES.has(wanted) || fact.figures.length === 0 || query.numbers.length === 0) return false;
  const named = new Set(query.numbers.map((n) => Number(n.replace(/,/g, ''))));
  return fact.figures.every((f) => named.has(f.value));
}

/** Years and amounts the question names must be the fact's: a figure for another period is no answer. */
const numbers: Check = {
  name: 'period-and-figures',
  run(query, fact, factNo, { index }) {
    const period = new Set((fact.period ?? []).map((p) => p.slice(0, 4)));
    if (fact.date) period.add(fact.date.slice(0, 4));
    // "That 335 trillion rial payment" names the fact's 335.77 trillion, rounded or cut short.
    const rounded = (w: string) =>
      /^\d+$/.test(w) &&
      fact.figures.some((f) => [Math.trunc(f.value), Math.round(f.value)].includes(Number(w)));
    const holds = (w: string) => index.contains(w, factNo) || (isYear(w) && period.has(w)) || rounded(w);
    const missing = query.numbers.filter((w) => !holds(w));
    if (missing.length > 0)
      return veto(
        `the fact does not concern ${missing.join(', ')}`,
        `it gives nothing for ${missing.join(', ')}`,
      );
    if (query.alternatives.length > 0 && !query.alternatives.some(holds))
      return veto(
        `the fact concerns none of ${query.alternatives.join(', ')}`,
        `it gives nothing for ${query.alternatives.join(' or ')}`,
      );
    return query.span && fact.span ? spanVerdict(query.span, fact.span) : PASS;
  },
};

/** Months since year 0, for "YYYY-MM". */
const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const spanLabel = (s: { from: string; to: string }): string => `${formatDate(s.from)} to ${formatDate(s.to)}`;

/**
 * "The year that ended in March 2020" is not the year that ended in March 2021, though both touch
 * 2020: the fact's months must cover most of the months asked about (all but one, when the whole
 * of a year is asked for: nine months' exports are no year's).
 */
function spanVerdict(asked: Span, covered: NonNullable<Fact['span']>): Verdict {
  const length = monthIndex(asked.to) - monthIndex(asked.from);
  const overlap =
    Math.min(monthIndex(asked.to), monthIndex(covered.to)) -
    Math.max(monthIndex(asked.from), monthIndex(covered.from));
  const enough = asked.whole ? overlap >= length - 1 : overlap * 2 > length;
  return enough
    ? PASS
    : veto(
        `the fact covers ${spanLabel(covered)}, not ${spanLabel(asked)}`,
        `it covers ${spanLabel(covered)}, not ${spanLabel(asked)}`,
      );
}

/** A place as a reader writes it: "georgia" → "Georgia". */
const placeName = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** A country or place the question names must be one the fact is about, not merely another. */
const place: Check = {
  name: 'place',
  run(query, fact, factNo, ctx) {
    const asked = query.words.filter((w) => ctx.places.has(w) && w !== ctx.homeCountry);
    if (asked.length === 0) {
      // "How many start-ups operate in Iran?" is not answered by a fact about South Korea alone:
      // the home country locates nothing, except against a fact curated as about elsewhere only.
      const home = ctx.homeCountry;
      const places = ctx.factPlaces(factNo);
      if (home && query.words.includes(home) && places.length > 0 && !places.includes(home))
        return veto(
          `the fact is about ${places.join(', ')}, not ${home}`,
          `what it says is about ${places.join(', ')}`,
        );
      return PASS;
    }
    const about = ctx.factPlaces(factNo);
    // A place the fact's article is about locates the fact ("at the Armenia signing, what share
    // …"); one neither the fact nor its article names is a constraint it does not meet.
    const article = ctx.articleWords(fact.articleId);
    // …but "Armenia's industrial sector" names whose sector it is: the fact itself must be about it
    // (not when the owner is in a clause that only sets the scene: "at the ceremony with Armenia's
    // Investor Support Center, …").
    const owned = (w: string) => query.owners.includes(w) && !query.setting.includes(w);
    const missing = asked.filter(
      (w) => !ctx.index.contains(w, factNo) && !about.includes(w) && (owned(w) || !article.has(w)),
    );
    if (missing.length > 0)
      return veto(
        `the fact does not mention ${missing.join(', ')}`,
        `it does not mention ${missing.map(placeName).join(', ')}`,
      );
    const others = about.filter((p) => p !== ctx.homeCountry);
    if (others.length > 0 && !others.some((p) => asked.includes(p)))
      return veto(
        `the fact is about ${others.join(', ')}, not ${asked.join(', ')}`,
        `what it says is about ${others.join(', ')}`,
      );
    return PASS;
  },
};

/**
 * "How many people work in the parks, according to Salehinia?": a claim the question attributes to
 * a person the material names must be one the fact gives from, or about, that person.
 */
const speaker: Check = {
  name: 'speaker',
  run(query, fact, factNo, ctx) {
    const office = byOffice(query, fact, ctx);
    if (office) return office;
    const named = query.attributed.filter((w) => ctx.personWords.has(w));
    if (named.length === 0) return PASS;
    const own = [fact.speaker ?? '', ...(fact.people ?? []).map((p) => p.name)].join(' ').toLowerCase();
    const missing = named.filter((w) => !ctx.index.contains(w, factNo) && !own.includes(w));
    return missing.length === named.length
      ? veto(`the fact is not from ${missing.join(', ')}`, `it does not give that from ${missing.join(', ')}`)
      : PASS;
  },
};

/**
 * "What did the deputy industry minister say at the meeting?": a statement asked for by the
 * speaker's office, not name, must be from a speaker who holds that office as the fact gives it
 * (the head of ISIPO is no minister, as far as the material says).
 */
function byOffice(query: Query, fact: Fact, ctx: CheckContext): Verdict | undefined {
  // Every word of the office counts ("deputy industry minister" is not the deputy foreign
  // minister), but the home country, which a title seldom spells out.
  const asked = query.statedBy.filter((w) => w !== ctx.homeCountry);
  if (!fact.speaker || !asked.some((w) => ROLES.has(w)) || asked.some((w) => ctx.personWords.has(w)))
    return undefined;
  const roles = (fact.people ?? []).filter((p) => p.name === fact.speaker).map((p) => p.role);
  const held = new Set(ctx.index.aliases.apply(toWords([fact.speaker, ...roles].join(' '))));
  const lacking = asked.filter((w) => !held.has(w));
  return lacking.length > 0
    ? veto(
        `the fact gives what ${fact.speaker} said, not a ${asked.join(' ')}`,
        `what it gives is from ${fact.speaker}`,
      )
    : undefined;
}

/** "What is the budget of X", "the web address of X": the fact must hold the thing asked for. */
const attribute: Check = {
  name: 'asked-attribute',
  run(query, _fact, factNo, { index }) {
    const missing = query.asked.filter((w) => query.words.includes(w) && !index.states(w, factNo));
    return missing.length > 0
      ? veto(`the fact does not give the ${missing.join(' ')}`, `it does not give the ${missing.join(' ')}`)
      : PASS;
  },
};

/** Kinds of answer that say which thing it is: asked for by "which X", "who was the X", "list the X". */
const IDENTIFYING: readonly AnswerType[] = ['person', 'organisation', 'name', 'list'];

/**
 * "Which border areas?" when the material says only "in border areas": the fact mentions the thing
 * asked about, and its curated `unsaid` says the material never gives that kind of answer about
 * it. The question must name the thing (its head word and two thirds of its words) and ask for
 * that kind: which ones they are ("which …", "who was the …", "list the …") for a person, an
 * organisation, a name or a list, and otherwise by its answer type ("where", "when", "how many").
 * "Who did the director general meet?" names the director general but asks for someone else.
 */
const unsaid: Check = {
  name: 'unsaid',
  run(query, _fact, factNo, ctx) {
    for (const u of ctx.factUnsaid(factNo)) {
      const named = u.words.filter((w) => query.words.includes(w)).length;
      if (!query.words.includes(u.head) || named * 3 < u.words.length * 2) continue;
      const identified = query.identifies.includes(u.head);
      const asked = u.asks.some((k) => (IDENTIFYING.includes(k) ? identified : k === query.answerType));
      if (asked) return veto(`the material does not say ${u.what}`, `it does not say ${u.what}`);
    }
    return PASS;
  },
};

/** "According to the Armenia article": a fact from another article does not answer. */
const scope: Check = {
  name: 'article',
  run(query, fact) {
    return query.scope !== undefined && fact.articleId !== query.scope
      ? veto(
          `the question points at ${query.scope}; the fact is from ${fact.articleId}`,
          'that article does not say',
        )
      : PASS;
  },
};

/** "Exports including oil" is not "non-oil exports", nor the other way round. */
const negation: Check = {
  name: 'negation',
  run(query, _fact, factNo, ctx) {
    const negated = ctx.factNegated(factNo);
    const plain = query.words.filter((w) => !query.negated.has(w));
    if (negated && plain.some((w) => negated.has(w)))
      return veto('the fact speaks of the negation ("non-…")', 'it speaks only of the "non-" kind');
    if ([...query.negated].some((w) => !negated?.has(w) && ctx.index.contains(w, factNo)))
      return veto('the question negates what the fact is about', 'it speaks of the kind you ruled out');
    return PASS;
  },
};

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

function postedTo(ctx: CheckContext, words: readonly string[], at: number): string | undefined {
  for (let j = at + 1; j <= at + 3 && j < words.length - 1; j++) {
    if ((words[j] === 'to' || words[j] === 'in') && ctx.places.has(words[j + 1] as string))
      return words[j + 1];
  }
  return undefined;
}

/** The words just before a role word that make its title ("the deputy industry minister": industry), up to three. */
function titleWords(q: readonly string[], role: string): string[] {
  const at = q.indexOf(role);
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
    const w = q[i] as string;
    if (QUALIFIERS.has(w)) continue;
    if (STOPWORDS.has(w)) break;
    out.push(w);
  }
  return out;
}

/**
 * Titles. "Minister" is not "deputy minister", "Iran's ambassador to Armenia" is not "Armenia's
 * ambassador to Iran", and "the head of IRNA" is not a head who happens to be in the same
 * sentence as IRNA: the fact must hold the title as asked, near the body the question names.
 */
const role: Check = {
  name: 'title',
  run(query, _fact, factNo, ctx) {
    if (query.intent !== 'person') return PASS;
    const roles = query.words.filter((w) => ROLES.has(w));
    if (roles.length === 0) return PASS;
    const words = ctx.answerWords(factNo);
    const q = query.allWords;
    const others = query.words.filter(
      (w) => !ROLES.has(w) && w !== ctx.homeCountry && ctx.index.idfOf(w) !== null,
    );
    for (const r of roles) {
      const qualified = q.some((w, i) => QUALIFIERS.has(w) && q.slice(i + 1, i + 4).includes(r));
      const positions = words.flatMap((w, i) => (w === r ? [i] : []));
      const usable = positions.filter(
        (i) => qualified || !words.slice(Math.max(0, i - 3), i).some((w) => QUALIFIERS.has(w)),
      );
      if (usable.length === 0)
        return veto(`the fact has no ${qualified ? 'such' : 'unqualified'} ${r}`, `it names no such ${r}`);
      const wanted = q.flatMap((w, i) => (w === r ? [postedTo(ctx, q, i)] : [])).find((p) => p !== undefined);
      if (wanted) {
        const posted = usable.map((i) => postedTo(ctx, words, i)).filter((p) => p !== undefined);
        if (posted.length > 0 && !posted.includes(wanted))
          return veto(`the fact's ${r} serves elsewhere than ${wanted}`, `it names no such ${r}`);
      }
      if (others.length === 0) continue;
      const around = (i: number) => words.slice(Math.max(0, i - ROLE_WINDOW), i + ROLE_WINDOW + 1);
      const near = usable.some((i) => around(i).some((w) => others.includes(w)));
      if (!near) return veto(`the fact's ${r} is not of ${others.join(' ')}`, `it names no such ${r}`);
      // "The deputy industry minister": the words that make the title the question's own must all
      // be the fact's title's, not merely somewhere in the question ("… at the meeting with the
      // foreign ministry" is no deputy foreign minister).
      const title = titleWords(q, r).filter((w) => others.includes(w));
      if (title.length > 0 && !usable.some((i) => title.every((w) => around(i).includes(w))))
        return veto(`the fact's ${r} is not the ${[...title, r].join(' ')}`, `it names no such ${r}`);
    }
    return PASS;
  },
};

/** Every check, in the order the trace shows them. */
export const CHECKS: readonly Check[] = [
  answerType,
  numbers,
  place,
  speaker,
  attribute,
  unsaid,
  scope,
  negation,
  role,
];

/** Runs every check on a candidate: its verdicts, and the confidence factor they add up to (0 when vetoed). */
export function runChecks(
  query: Query,
  fact: Fact,
  factNo: number,
  ctx: CheckContext,
): { verdicts: CheckVerdict[]; factor: number; veto: string | undefined; gap: string | undefined } {
  const verdicts: CheckVerdict[] = [];
  let factor = 1;
  let vetoed: string | undefined;
  let gap: string | undefined;
  for (const check of ctx.checks) {
    const v = check.run(query, fact, factNo, ctx);
    if (v.verdict === 'pass') verdicts.push({ check: check.name, verdict: 'pass' });
    else if (v.verdict === 'veto') {
      verdicts.push({ check: check.name, verdict: 'veto', reason: v.reason });
      vetoed ??= v.reason;
      gap ??= v.gap;
      factor = 0;
    } else {
      verdicts.push({ check: check.name, verdict: 'weight', weight: v.weight, reason: v.reason });
      factor *= v.weight;
    }
  }
  return { verdicts, factor, veto: vetoed, gap };
}
