/**
 * Stage 1, query: one reading of the question, used by every later stage. Its content words
 * (typos corrected, aliases applied), what it asks for (the answer type), what it asks it about
 * (focus), its constraints (years and amounts, places, titles, the article it points at, negation)
 * and its shape (compound, comparison, yes/no, an aggregate over the material, a summary, a source).
 */
import type { FactIndex } from './index.ts';
import {
  MAX_ANALYSED_CHARS,
  MAX_QUERY_WORDS,
  asksForSource,
  askingWord,
  asksForSummary,
  contentWords,
  detectIntent,
  isYear,
  placeAsked,
} from './normalise.ts';
import { editDistance } from '../text/distance.ts';
import { MONTH_NAMES, monthNumber } from '../text/months.ts';
import { stem } from '../text/stem.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { tokenize, toWords } from '../text/tokenise.ts';
import type { AliasMatcher, Intent } from './normalise.ts';
import { ORGANISATION_WORD } from '../text/organisations.ts';
import type { AnswerType } from './types.ts';

export type Shape = 'plain' | 'yesno' | 'comparison' | 'source' | 'summary';

/** What an aggregate question asks to be listed from the whole material. */
export type Aggregate =
  'agreements' | 'people' | 'outlets' | 'timeline' | 'disagreements' | 'countries' | 'foreign-countries';

export interface Query {
  text: string;
  /** Content words, stemmed, aliases applied, typos corrected: what retrieval matches. */
  words: string[];
  /** Every word of the question, stopwords included, aliases applied. */
  allWords: string[];
  /** The coarse intent, as read from the wording ("how many" → count). */
  intent: Intent;
  /** What kind of answer the question asks for, when it can be told. */
  answerType: AnswerType | null;
  /**
   * The question already names the role or party, so only that exact kind will do: "what is the
   * name of the director general" or "who signed on behalf of X" wants a person, not the role or X.
   */
  strictType: boolean;
  /**
   * How a place is asked for, when it is: "located" where something was said, signed or held, or
   * at what kind of event (a fact that names no place will not do); "named" for "which countries"
   * (a fact naming a foreign country will do too); "loose" for any other "where" ("where do SMEs
   * fit in the strategy?" asks as often for a situation).
   */
  placeAsked: 'located' | 'named' | 'loose' | undefined;
  corrections: { from: string; to: string; confidence: number }[];
  /** The attribute asked for ("the budget of …", "how many women"), as index words: a fact must have it. */
  asked: string[];
  /** The article the question points at ("in the Armenia article", "the June 2021 piece"), if any. */
  scope?: string | undefined;
  /** The words that pointed at it (not among `words`): a fact holding them is the more likely answer. */
  scopeWords: string[];
  /**
   * Words of a clause that sets the scene before the question proper ("At the online signing
   * ceremony with Armenia's Investor Support Center, what did …"): where to look, not what to find.
   */
  setting: string[];
  /** Words carried over from the earlier part of a compound question this part refers back to. */
  carried: string[];
  /** Years and amounts the answer must concern; alternatives ("2019 or 2021") of which one will do. */
  numbers: string[];
  alternatives: string[];
  /** Words written as an owner ("Armenia's industrial sector"), stemmed: whose thing is asked about. */
  owners: string[];
  /** Words a claim is attributed to ("according to Salehinia", "per the ISIPO head", "Najafi said"), stemmed. */
  attributed: string[];
  /** Who the statement asked for is by ("what did the deputy minister say": deputy, minister), as index words. */
  statedBy: string[];
  /** "On which day of the week …": a date asked for as a weekday. */
  weekday: boolean;
  /** "The year that ended in March 2020", "the whole of 2019": the months asked about. */
  span: Span | undefined;
  /** Words the question negates ("non-oil"). */
  negated: Set<string>;
  /** "What did X say": the question asks for a statement, by the speaker words given. */
  statement: boolean;
  shape: Shape;
  aggregate: Aggregate | null;
  /** Asks for the whole of something ("all the programs ISIPO follows"): a related topic is given whole. */
  wantsAll: boolean;
  /**
   * Asks over the whole material ("across the articles", "mentioned anywhere"): every fact that
   * would answer on its own is given, from whichever topic.
   */
  acrossMaterial: boolean;
  /**
   * The thing the question asks to be identified or listed ("which border areas", "what were the
   * previously reached agreements", "list the 100 programs", "the names of the …"), as index words.
   */
  identifies: string[];
}

/** What reading a question needs from the knowledge base: its vocabulary and its article names. */
export interface QueryContext {
  index: FactIndex;
  /** A common English word (stemmed), from the most frequent few thousand. */
  isCommon?: ((word: string) => boolean) | undefined;
  articleNames: ReadonlyMap<string, Set<string>>;
  /** Index words that name a person the material names ("najafi"). */
  people?: ReadonlySet<string> | undefined;
}

/** "in the Armenia article", "according to the June 2021 piece", "the korea story": what names it. */
const ARTICLE_REFERENCE =
  /\bthe\s+((?:[\p{L}\d'’-]+,?\s+){0,5}?[\p{L}\d'’-]+)\s+(?:article|story|piece|report|news item)s?\b/u;
/**
 * How a question points at an article: "the June 18, 2021 Korea piece", "the article on SME
 * exports", "the story about the seven MOUs", or its headline in quotes.
 */
const ARTICLE_REFERENCES = [
  new RegExp(ARTICLE_REFERENCE.source, 'gu'),
  /\b(?:article|story|piece|report|coverage|news item)s?\s+(?:on|about|from|of|dated|titled|headlined|covering)\s+((?:[\p{L}\d'’-]+,?\s+){0,5}[\p{L}\d'’-]+)/gu,
  /["“]([^"”]{4,150})["”]/gu,
];
export const ARTICLE_NOUNS = new Set(['article', 'story', 'piece', 'report']);

/** Nouns that name a measure, whose kind the answer type already holds. */
const MEASURE_WORDS = new Set(
  'share percent percentage proportion portion part fraction number amount total value sum figure count size worth'.split(
    ' ',
  ),
);

/**
 * Nouns for whoever is asked for (stemmed): "which official", "the ministry guy". ("Person" was
 * tried too and cost a near miss: "the person who signed for X", whom the material leaves unnamed,
 * was then answered with someone who attended.)
 */
const PERSON_NOUNS = new Set(['official', 'guy']);

/** Nouns that name a kind of answer (stemmed), dropped from the words when that kind is asked. */
const KIND_NOUNS: ReadonlyMap<string, AnswerType> = new Map(
  [
    ['purpose', 'reason'],
    ['aim', 'reason'],
    ['objective', 'reason'],
    ['reason', 'reason'],
    ['venue', 'place'],
  ].map(([w, t]) => [stem(w as string), t as AnswerType]),
);

/** Words that ask for a person's role (stemmed): "Najafi job title". */
const ROLE_NOUNS = new Set(['role', 'title', 'job', 'position', 'post', 'portfolio']);

/** Attribute nouns that name an answer type rather than a word the fact must contain. */
const TYPE_NOUNS: ReadonlyMap<string, AnswerType> = new Map([
  ['purpose', 'reason'],
  ['aim', 'reason'],
  ['goal', 'reason'],
  ['objective', 'reason'],
  ['reason', 'reason'],
  ['point', 'reason'],
  ['date', 'date'],
  ['day', 'date'],
  ['year', 'date'],
  ['time', 'date'],
  ['name', 'name'],
  ['title', 'role'],
  ['role', 'role'],
  ['position', 'role'],
  ['job', 'role'],
  // A stance is what someone said, in whatever words: "the attitude of the Korean officials".
  ['attitude', 'statement'],
  ['stance', 'statement'],
  ['view', 'statement'],
  ['opinion', 'statement'],
  ['reaction', 'statement'],
  ['response', 'statement'],
]);

/** "What is the budget of X", "what's the web address of X", "how many women …": what is asked for. */
function askedAttribute(question: string): string[] {
  const t = question.toLowerCase().replace(/[’']s\b/g, ' is');
  const m =
    /\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+([a-z]+)(?:\s+([a-z]+))?\s+(?:of|for)\b/.exec(t) ??
    /\bhow many\s+([a-z]+)/.exec(t);
  return m
    ? [m[1], m[2]].filter((w): w is string => w !== undefined && !TYPE_NOUNS.has(w) && !BRIEFLY.has(stem(w)))
    : [];
}

/**
 * "The gist of what the memorandum covers", "a summary of how …": how briefly to answer, not a
 * thing the fact must name or a word to match (stemmed).
 */
const BRIEFLY = new Set(
  ['gist', 'summary', 'overview', 'recap', 'rundown', 'essence', 'upshot', 'crux'].map(stem),
);

/**
 * "Which border areas …", "who was the director general", "what were the agreements …", "list
 * the programs …", "the names of the …": the words after the asking, up to five. Not "what is X"
 * or "what did X do", which ask what X is or did, not which one it is.
 */
const IDENTIFY =
  /\b(?:which\s+(?:(?:is|are|was|were)\s+)?|who\s+(?:is|are|was|were)\s+|what\s+(?:exactly\s+)?(?:(?:are|were)\s+)?(?!(?:is|was|did|does|do|has|have|had|will|would|can|could|should|about|if|kind|sort|type|exactly)\b)|(?:list|enumerate|name)\s+|names\s+of\s+)(?:(?:the|all|every|each|those|these|of|names?)\s+)*((?:[\p{L}\d-]+\s*){1,5})/iu;

function identifiedPhrase(question: string): string[] {
  // "What are the workshops about?", "what is it for?": what the thing is, not which one.
  if (/^\s*what(?:\s+(?:is|are|was|were)|[’']s)\b.*\b(?:about|for|like|mean)\s*[?.!]*\s*$/i.test(question))
    return [];
  const m = IDENTIFY.exec(question.replace(/[’']s\b/g, ' is'));
  return m?.[1] ? toWords(m[1]) : [];
}

/** Words that follow "non" ("non-oil", "non oil") and never stand alone in the text. */
export function negatedWords(words: readonly string[]): Set<string> {
  const negated = new Set<string>();
  const plain = new Set<string>();
  words.forEach((w, i) => (i > 0 && words[i - 1] === 'non' ? negated : plain).add(w));
  for (const w of plain) negated.delete(w);
  return negated;
}

/** "The name of the director general", "on behalf of the ministry": a person is asked for by role or party. */
const NAMED_ROLE = /\b(?:name of (?:the|a|an|this|that|its|their)|on behalf of|represent(?:ed|ing)?)\b/i;

/** "Who was there for ISIPO", "who signed the MOUs for the ministry": the words after "for". */
const FOR_PARTY = /\bwho\b[^?]*?\b(?:for|from|representing)\s+(?:the\s+)?((?:[\p{L}'’-]+\s*){1,4})/iu;

/** A person is asked for as the one acting for a body ("who was there for ISIPO?"), not the body. */
function forBody(text: string, aliases: AliasMatcher): boolean {
  const m = FOR_PARTY.exec(text);
  if (!m?.[1]) return false;
  return (
    ORGANISATION_WORD.test(m[1]) ||
    contentWords(toWords(m[1]), aliases).some((w) => aliases.organisations.has(w))
  );
}

/**
 * Social phrases addressed to the bot ("how are you", "how's your day going", "good morning"):
 * how a message is put, never its subject.
 */
const SMALL_TALK =
  /\b(?:how(?:'s|’s| is| are| r)? (?:you|u|your (?:day|morning|evening|week)(?: going)?|it going|things)|what(?:'s|’s| is) up|good (?:morning|afternoon|evening|day)|^\s*(?:morning|afternoon|evening)\b(?=\s*[!,.])|nice to meet you)\b/gim;

/**
 * "Now", "so far", "these days": the asker's present. The material is fixed at its articles' dates,
 * and an answer says the date it holds for; these words name no subject to match.
 */
const ASKERS_NOW =
  /\b(?:right now|now|currently|presently|nowadays|these days|at the moment|at present|so far|as of (?:now|today)|to this day)\b/gi;

/**
 * "Across all the articles", "in the material", "mentioned anywhere": the whole material, where
 * every answer comes from; it names nothing to match. (The aggregate reading sees it first.)
 */
const WHOLE_MATERIAL =
  /\b(?:across|in|from|throughout)\s+(?:all\s+)?(?:of\s+)?(?:the|these|those|your)\s+(?:articles|material|materials|sources|stories|reports|texts|coverage)\b|\banywhere\b/gi;
/** The same, to test a question against (WHOLE_MATERIAL is global, for replacing). */
const ACROSS_MATERIAL = new RegExp(WHOLE_MATERIAL.source, 'i');

/** "Toumanian's first name", "his full name": a name, which the fact gives whole. */
const NAME_PART = /\b(?:first|full|given|last|family|sur)\s*(?=names?\b)/gi;

/** "Export-related figures", "SME-related news": about exports, about SMEs. */
const X_RELATED = /(?<=\p{L})-related\b/giu;

/** "Where are the parks supposed to go?", "what is it meant to do?": intention, which names nothing (the type reads it first). */
const INTENDED_TO = /\b(?:supposed|meant|expected|due|going) to\b/gi;

/** "Turkey as well as Korea": and. */
const AS_WELL_AS = /\bas well as\b/gi;

/**
 * "New technologies in relation to SMEs", "with regard to exports", "articles that bring up
 * sanctions": "about", which names nothing.
 */
const IN_RELATION_TO =
  /\b(?:in|with) (?:relation|regard|respect|reference) to\b|\b(?:bring|brings|bringing|brought) up\b/gi;

/** "What is the plan mostly about?", "mainly about": what it focuses on. */
const MOSTLY_ABOUT = /\b(?:mostly|mainly|largely|chiefly|primarily)\s+(?:about|on)\b/gi;

/** "Who was there", "who was present at the signing": who attended, in the material's word. */
const WAS_THERE = /(?<=\bwho\s+)(?:was|were)\s+(?:there|present)\b/gi;

/** "Which articles mention sanctions?": every article's fact on it, across the material. */
const WHICH_ARTICLES = /\bwhich (?:of the )?(?:articles|stories|pieces|reports|texts)\b/i;

/** "Pushing it so hard", "want it so badly": how strongly, which no answer depends on. */
const INTENSITY = /\b(?:so|that|this|too)\s+(?:hard|badly|strongly|heavily|eagerly|keenly|intensely)\b/gi;

/**
 * "Back in 2019", "back in August", "back in the previous year": "back" only says the time is
 * past; the time expression after it says which. ("Sanctions came back in which year" keeps it.)
 */
const BACK_IN_TIME =
  /\bback(?=\s+(?:in|on|during)\s+(?:the\s+)?(?:\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|previous|last|early|late|spring|summer|autumn|fall|winter)\w*)/gi;

const YES_NO =
  /^\s*(?:(?:so|and|but|hey|ok|okay|quick q(?:uestion)?)[,:!\s]+)*(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would)\b/i;
const STATEMENT =
  /\b(?:what|how)\b[^?.!]*\b(?:say|said|says|stress(?:ed)?|state[sd]?|note[sd]?|announce[sd]?|tell|told|remark(?:ed)?|comment(?:ed)?|claim(?:ed)?|argue[sd]?)\b|\b(?:quote|statement|remarks?|comments?|words)\b(?! of (?:understanding|the mou))/i;
/**
 * A verb of saying in a relative clause ("the plan that the ISIPO head announced on Monday", "the
 * figure which Najafi stated", "the plan announced by the ISIPO head") names the thing asked
 * about; the question does not ask what was said. A cleft ("what is it that Najafi said") and a
 * passive ("what was announced by the head") do.
 */
const RELATIVE_SAYING =
  /(?<!\bit\s+)\b(?:that|which)\s+(?:[\p{L}\d’'-]+\s+){1,4}?(?:said|announced|stated|noted|stressed|told|remarked|claimed)\b(?:\s+(?:on|in|at|during)\s+(?:the\s+)?[\p{L}\d]+(?:\s+\d{4})?)?|(?<!\b(?:was|were|is|are|been|be|being|get|got)\s+)\b(?:said|announced|stated|noted|stressed|told|remarked|claimed)\s+by(?:\s+(?!(?:on|in|at|during|and|is|was|were|are)\b)[\p{L}\d’'-]+){1,4}(?:\s+(?:on|in|at|during)\s+(?:the\s+)?[\p{L}\d]+(?:\s+\d{4})?)?/giu;
/** "What were said to be the main goals": a report's hedge, not a question about what someone said. */
const SAID_TO = /\b(?:is|are|was|were|be|been)\s+(?:said|reported|stated|described)\s+(?:to|as)\b/gi;

/** "What does the June 2021 article say about …": what a text says is its content, no one's statement. */
const TEXT_SAYS =
  /\b(?:does|did|do)\s+(?:the|that|this|each|both)\s+(?:[\p{L}\d’'-]+\s+){0,5}?(?:article|story|piece|report|material|text|coverage|articles|reports|writer|author|reporter)\s+say\b/giu;
const COMPARISON =
  /\b(?:compare[sd]?|comparison|versus|vs\.?|differ(?:ence|ent)?|bigger|smaller|more|less|fewer|higher|lower|than|change[sd]?|grew|grow|rise|rose|fell|drop(?:ped)?)\b/i;

/**
 * Does the question ask for the whole of something ("all the programs", "list every MOU")? "Each
 * side", "each other" are the parties to one thing, not the whole of anything; "all those MOUs"
 * points back at some already in mind ("what was the occasion for all those MOUs?").
 */
function asksForAll(text: string): boolean {
  return /\b(?:all|every|each|list|complete|overview)\b/i.test(
    text.replace(/\beach (?:side|party|other|one)\b|\ball (?:those|these)\b/gi, ' '),
  );
}

/** "List every MOU", "which news agencies are cited", "put the events in order": the whole material. */
function aggregateOf(text: string, whole: boolean): Aggregate | null {
  const t = text.toLowerCase();
  // A list needs a word that asks for the whole (`whole`: "all", "every", "list"): "which outlet
  // reported the SMEs Day memorandums?" asks about them, not for them.
  // … and asks for the kind itself, across the material: "all officials of the Korean sector were
  // prepared to…" is about some officials, not a request for every person named.
  const across = /\b(?:list|across|in the material|in the articles|mentioned|named|cited|credited)\b/.test(t);
  // "Every foreign country mentioned", "which countries come up across the articles".
  if (
    (whole || /\bwhich\b/.test(t)) &&
    (across || /\bcome up\b/.test(t)) &&
    /\b(?:countr(?:y|ies)|nations?)\b/.test(t)
  )
    return /\b(?:foreign|other|abroad|besides|outside)\b/.test(t) ? 'foreign-countries' : 'countries';
  // The agreements themselves, in the plural or as "every MOU": "list the areas of cooperation in
  // the Korea memorandum" lists what one agreement covers.
  if (
    whole &&
    /\b(?:mous|memoranda|memorandums|agreements|deals|partners|signatories)\b|\b(?:every|each|all(?: the)?|list(?: the)?)\s+(?:mou|memorandum|agreement|deal)\b/.test(
      t,
    )
  )
    return 'agreements';
  if (
    /\b(?:news ?agenc(?:y|ies)|outlets?|sources|publications|media)\b/.test(t) &&
    /\b(?:all|every|list|which|what)\b/.test(t) &&
    /\b(?:agencies|outlets|sources|publications|cited|credited)\b/.test(t)
  )
    return 'outlets';
  // "In time order", "a timeline"; not "in order to".
  if (
    /\b(?:timeline|chronolog\w*|in (?:time|date|chronological) order|order of events|in order\b(?! to))/.test(
      t,
    )
  )
    return 'timeline';
  if (
    (whole || /\bwhich\b/.test(t)) &&
    across &&
    /\b(?:people|persons?|officials|individuals|names)\b/.test(t)
  )
    return 'people';
  // "Where do the sources disagree", "what different figures do the articles give for …".
  if (
    /\b(?:disagree\w*|conflict\w*|inconsisten\w*|contradict\w*)\b/.test(t) ||
    /\b(?:different|differing|varying)\s+(?:figures|numbers|values|estimates|percentages|shares)\b/.test(t) ||
    // "What numbers of industrial parks are given across the articles?"
    /\b(?:figures|numbers|values|estimates|percentages)\b[^?]*\b(?:across|in|by) (?:the|all the|different) (?:articles|material|sources|reports|stories)\b/.test(
      t,
    ) ||
    // "How do the figures for X differ between the articles?", "what numbers do the different articles give?"
    /\b(?:differ\w*|vary|varies|varied)\b[^?]*\b(?:between|across|among)\s+(?:the\s+)?(?:different\s+)?(?:articles|sources|reports|stories)\b/.test(
      t,
    ) ||
    /\b(?:figures|numbers|values|estimates|percentages)\b[^?]*\b(?:different|various) (?:articles|sources|reports|stories)\b/.test(
      t,
    ) ||
    // "How many industrial parks according to the different articles?"
    /\b(?:how many|how much|what share|what percentage)\b[^?]*\baccording to (?:the )?(?:different|various) (?:articles|sources|reports|stories)\b/.test(
      t,
    )
  )
    return 'disagreements';
  return null;
}

const INTENT_TYPE: Record<Exclude<Intent, null>, AnswerType> = {
  count: 'count',
  share: 'share',
  amount: 'money',
  person: 'person',
  date: 'date',
  place: 'place',
};

function answerTypeOf(text: string, intent: Intent, statement: boolean): AnswerType | null {
  const t = text.toLowerCase();
  // "What did X say" asks for a statement; "what day did X announce it" asks for a date.
  if (statement && (intent === null || intent === 'person')) return 'statement';
  if (
    /\bwhy\b|\b(?:purpose|aim|goal|objective)s?\b|\b(?:meant|supposed|designed|intended) to (?:do|achieve|serve)\b/.test(
      t,
    )
  )
    return 'reason';
  if (
    /\bhow\b(?! (?:many|much|big|large|high|long|old))[^?.!]*\b(?:held|done|signed|conducted|take place|happen)\b/.test(
      t,
    )
  )
    return 'manner';
  if (/\bwhat(?:'s| is| was|s)? (?:the )?(?:web ?site|website|url|web address|link)\b/.test(t)) return 'name';
  // "What kinds of goods": a list of them.
  if (!intent && /\bwhat (?:kinds|types|sorts) of\b/.test(t)) return 'list';
  // "What was decided at the meeting", "the outcome of the talks": what came of it; "what did the
  // memoranda cover": what is in it.
  if (
    !intent &&
    /\bwhat\b[^?.!]*\b(?:decided|agreed|concluded|resolved|achieved|came (?:out )?of|resulted)\b|\b(?:outcomes?|results?) of\b|\bwhat (?:did|does|do|will|would)\b[^?.!]*\b(?:cover|include|involve|entail|contain)\b/.test(
      t,
    )
  )
    return 'description';
  // "How much" asks for a quantity: money, or a count or a share (see checks.ts SATISFIES).
  return intent ? INTENT_TYPE[intent] : null;
}

/** The article a question points at, and the words that pointed at it. Undefined when none or several fit. */
function articleScope(ctx: QueryContext, text: string): { articleId: string; words: string[] } | undefined {
  const lower = text.toLowerCase();
  // A reference that fits several articles ("the IRNA piece" when IRNA is credited in two) leaves
  // the choice to the others ("the IRNA piece 'South Korea ready to train…'").
  const found = ARTICLE_REFERENCES.flatMap((re) => [...lower.matchAll(re)])
    .map((m) => pointedAt(ctx, m[1] ?? ''))
    .filter((f) => f !== undefined);
  // "Between the 2019 export report and the July 2021 Armenia article": two articles, no one scope.
  const ids = new Set(found.map((f) => f?.articleId));
  const first = found[0];
  if (ids.size !== 1 || !first) return undefined;
  // Every reference's pointing words say where to look: "the June 18, 2021 article 'Iranian SMEs
  // to expand international cooperation'" names the article twice.
  return { articleId: first.articleId, words: [...new Set(found.flatMap((f) => f?.words ?? []))] };
}

function pointedAt(ctx: QueryContext, phrase: string): { articleId: string; words: string[] } | undefined {
  return articleNamedBy(ctx, contentWords(toWords(phrase), ctx.index.aliases));
}

/** The one article whose names (title, date, outlet, subject) the most of these words are; undefined on a tie. */
export function articleNamedBy(
  ctx: QueryContext,
  named: readonly string[],
): { articleId: string; words: string[] } | undefined {
  let best: { articleId: string; words: string[] } | undefined;
  let tie = false;
  for (const [articleId, names] of ctx.articleNames) {
    const words = named.filter((w) => names.has(w));
    if (words.length === 0) continue;
    if (!best || words.length > best.words.length) {
      best = { articleId, words };
      tie = false;
    } else if (words.length === best.words.length) tie = true;
  }
  return tie ? undefined : best;
}

/** The words questions are put with, that people often mistype. */
const QUESTION_WORDS = [
  'what',
  'which',
  'when',
  'where',
  'who',
  'whose',
  'why',
  'how',
  'much',
  'many',
  'was',
  'were',
  'does',
  'did',
  'the',
  'there',
  'their',
  'they',
  'that',
  'this',
  'with',
  'about',
  'according',
  'please',
  'article',
  'percentage',
  'supposed',
];

/** The question word a token misspells (one edit, same first letter), if any. */
function misspeltQuestionWord(token: string): string | undefined {
  if (token.length < 3) return undefined;
  return QUESTION_WORDS.find(
    (q) => q[0] === token[0] && Math.abs(q.length - token.length) <= 1 && editDistance(q, token) === 1,
  );
}

/**
 * "Wat role does X have?", "wich ministry…", "acording to…": a word that is neither the
 * material's nor English and is one edit from a question word is that word, respelt in the text
 * before anything reads what the question asks.
 */
function respellQuestionWords(ctx: QueryContext, text: string): string {
  const { index } = ctx;
  return text.replace(/\p{L}+/gu, (token) => {
    const lower = token.toLowerCase();
    const w = stem(lower);
    if (index.knows(w) || STOPWORDS.has(w) || index.isDictionaryWord(lower) || index.isDictionaryWord(w))
      return token;
    return misspeltQuestionWord(lower) ?? token;
  });
}

/**
 * "US sanctions", "the U.S.", "when did the us bring them back": the United States, not the
 * pronoun "us" (a stopword): written in capitals, or lower case after "the". Read as "America"
 * ("States" would read as a verb of saying).
 */
function theUnitedStates(text: string): string {
  return text.replace(/\bU\.S\.(?:A\.)?|\bUSA?\b/g, 'America').replace(/\bthe us\b/gi, 'the America');
}

/** A month, in full or cut to three letters ("Aug", "aug."), or "Sept". */
const MONTH = `(?:${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((m) => m.slice(0, 3)).join('|')}|sept)\\.?`;
const DAY_OF_MONTH = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`,
  'gi',
);
const ISO_DATE = /\b(?:19|20)\d\d-(\d\d)-(\d\d)\b/g;

/** A stretch of months a question asks about, first to last (YYYY-MM), and whether it asks for all of it. */
export interface Span {
  from: string;
  to: string;
  whole: boolean;
}

const ENDED = '(?:ended|ending|ends|finished|closed|to|through|until|up to)';
const BEGAN = '(?:began|beginning|begins|started|starting|starts|from|opened|opening)';
const ENDED_ALONE = new RegExp(`^${ENDED}$`, 'i');
/** "The year that ended in March 2020", "the (Iranian) year to March 20, 2020", "the year beginning on 21 March 2020". */
const YEAR_BOUND = new RegExp(
  `\\byear\\s+(?:that\\s+|which\\s+)?(?:was\\s+|had\\s+)?(${ENDED}|${BEGAN})\\s+(?:on\\s+|in\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(${MONTH})(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+((?:19|20)\\d\\d)\\b`,
  'i',
);
/** "The whole of 2019", "all of 2019", "the entire 2019 (Iranian) year", "for the full year 2019". */
const WHOLE_YEAR =
  /\b(?:(?:the\s+)?(?:whole|entire|full|all)\s+(?:of\s+)?(?:the\s+)?(?:year\s+)?((?:19|20)\d\d)\b|(?:the\s+)?(?:whole|entire|full)\s+(?:year\s+(?:of\s+)?)((?:19|20)\d\d)\b)/i;

const yearMonth = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

/**
 * The twelve months a question asks about when it bounds a year by a month ("the year that ended in
 * March 2020": 2019-03 to 2020-03), or a calendar year asked for whole ("the whole of 2019").
 */
export function spanAsked(text: string): Span | undefined {
  const bound = YEAR_BOUND.exec(text);
  if (bound) {
    const month = monthNumber(bound[2] as string);
    const year = Number(bound[3]);
    if (month < 1) return undefined;
    return ENDED_ALONE.test(bound[1] as string)
      ? { from: yearMonth(year - 1, month), to: yearMonth(year, month), whole: false }
      : { from: yearMonth(year, month), to: yearMonth(year + 1, month), whole: false };
  }
  const whole = WHOLE_YEAR.exec(text);
  const year = whole?.[1] ?? whole?.[2];
  return year ? { from: `${year}-01`, to: `${Number(year) + 1}-01`, whole: true } : undefined;
}

/**
 * The numbers that are days of a month in a date ("July 13", "13th of July", "2020-08-12"): part
 * of a date, never a figure the answer must hold. (The month of an ISO date is one too.)
 */
function daysOfMonth(text: string): Set<string> {
  const days = new Set<string>();
  const add = (n: string | undefined) => {
    if (n === undefined) return;
    days.add(n);
    days.add(String(Number(n)));
  };
  for (const m of text.matchAll(DAY_OF_MONTH)) add(m[1] ?? m[2]);
  for (const m of text.matchAll(ISO_DATE)) {
    add(m[1]);
    add(m[2]);
  }
  return days;
}

/**
 * A lead-in before the question proper ("hey quick q, …", "morning! …", "ok so I'm prepping
 * slides, …"): up to a clause break followed by a question word.
 */
const LEAD_IN =
  /^(.{1,80}?)(?:[,!:;]|\s[—–-])\s*(?=(?:(?:so|and|but|ok|okay)\s+)?(?:who|whom|whose|what(?:'s|’s)?|when|where|which|why|how|did|does|do|is|was|were|are|has|have|had|can|could|will|would)\b)/i;

/**
 * The question without a lead-in that says nothing about the material: every word of it is a
 * stopword, a common English word, or one the material never uses. A lead-in that names
 * something the material has ("so that South Korea memorandum, who signed it?") stays, and so
 * does one with two words the material uses, common as they are ("the number of industrial parks
 * seems to differ between articles, what …").
 */
function withoutLeadIn(ctx: QueryContext, text: string): string {
  const m = LEAD_IN.exec(text);
  const isCommon = ctx.isCommon;
  if (!m?.[1] || !isCommon) return text;
  // A misspelt material word ("armenai") says something too.
  const material = (w: string) => {
    const known = ctx.index.idfOf(w) !== null ? w : ctx.index.correct(w)?.to;
    return known !== undefined && ctx.index.idfOf(known) !== null && !isCommon(known);
  };
  const used = tokenize(m[1])
    .map(stem)
    .filter((w) => !STOPWORDS.has(w) && ctx.index.idfOf(w) !== null);
  const says = tokenize(m[1])
    .map(stem)
    .filter((w) => !STOPWORDS.has(w))
    .some(material);
  return says || new Set(used).size >= 2 ? text : text.slice(m[0].length);
}

const LEADING_WH =
  /^\s*(?:(?:so|and|but|ok|okay|hey|hi|btw|um|uh)[,!]?\s+)*(?:(?:with|to|by|for|from)\s+(?=whom))?(who|whom|when|where)\b/i;
const WH_INTENT: Record<string, Intent> = { who: 'person', whom: 'person', when: 'date', where: 'place' };

/**
 * "Who was there for ISIPO when they signed?": the question word the question opens with says
 * what it asks, over one in a clause after it ("when they signed").
 */
function leadingIntent(text: string, detected: Intent): Intent {
  const m = LEADING_WH.exec(text);
  if (!m?.[1] || (detected !== 'person' && detected !== 'date' && detected !== 'place')) return detected;
  return WH_INTENT[m[1].toLowerCase()] ?? detected;
}

/**
 * A clause that sets the scene before the question proper: "At the signing ceremony with X, what
 * …", "In the June 2021 report on Y, why …", "When Najafi spoke of X, what …".
 */
const SETTING =
  /^\s*(?:(?:so|ok|okay|and|hey)[,!]?\s+)*(?:at|in|during|on|from|according to|per|back in|based on|regarding|as for|speaking of|when|while|after|before|since|as)\s+([^?]{3,200}?),\s*(?=(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|was|were|are)\b)/i;

/** "…, according to the June 2021 piece?", "…, at the Armenia signing?": the same, after the question. */
const TRAILING_SETTING =
  /,\s*(?:according to|per|in|at|during|on|from|as reported (?:in|by)|as stated in)\s+([^?,]{3,160}?)\s*[?.!]*\s*$/i;

/** "At the Armenia signing", "during the June 2021 meeting": the occasion something was said at. */
const AT_EVENT =
  /\b(?:at|during)\s+(?:the|that|this|his|her|their)\s+(?:[\p{L}\d’'-]+\s+){0,4}?(?:signing|ceremony|meeting|conference|presser|event|session|talks)\b/giu;

function settingWords(text: string, aliases: AliasMatcher): string[] {
  const phrases = [
    SETTING.exec(text)?.[1],
    TRAILING_SETTING.exec(text)?.[1],
    ...[...text.matchAll(RELATIVE_SAYING)].map((m) => m[0]),
    ...[...text.matchAll(AT_EVENT)].map((m) => m[0]),
  ];
  return [...new Set(phrases.flatMap((p) => (p ? contentWords(toWords(p), aliases) : [])))];
}

/** A word that refers back to something named earlier: "how many of them", "operate there", "did he say it". */
const REFERS_BACK = /\b(?:there|them|those|these|they|he|she|it|him|his|her|its|their)\b/i;

/** The prepositions a later part of a compound question may open with ("… and over what period?"). */
const PART_PREPOSITIONS = 'with|to|by|for|from|at|in|on|under|over|during';

/** "… and with whom?", "… and for what purpose?": a part that opens with a preposition asks about the earlier part's event. */
const ELLIPTICAL = new RegExp(
  `^\\s*(?:(?:and|but|so)\\s+)?(?:${PART_PREPOSITIONS})\\s+(?:whom|what|which)\\b`,
  'i',
);

/**
 * "… and where did he say it?": a later part of a compound question that refers to a person by
 * "he" or "she" is about the person the earlier part's answer names; the part as put with the name.
 */
export function withPersonNamed(part: string, name: string): string {
  return part.replace(/\b(?:he|she)\b/i, name);
}

/** "What did the deputy industry minister say …": who the statement asked for is by (X). */
const STATED_BY =
  /\bwhat\s+(?:[\p{L}]+\s+){0,3}?(?:did|does|do|has|have|had)\s+(?:the\s+)?((?:[\p{L}'’-]+\s+){1,10}?)(?:say|stress|state|note|announce|tell|claim|argue|remark|comment)\b/iu;

/** "According to X", "per X", "as X said", "X said": who a claim is attributed to (X). */
const ATTRIBUTION =
  /\b(?:according to|per|as (?:said|stated|told) by|quoting)\s+((?:[\p{L}-]+\s*){1,4})|\b([\p{L}-]+)\s+(?:said|says|told|stated|claimed|claims)\b/giu;

/** Reads a question once. */
export function analyseQuery(ctx: QueryContext, question: string, antecedent?: string): Query {
  const { index } = ctx;
  const text = theUnitedStates(respellQuestionWords(ctx, question.slice(0, MAX_ANALYSED_CHARS)));
  const corrections: Query['corrections'] = [];
  const asked = withoutLeadIn(
    ctx,
    text
      .replace(SMALL_TALK, ' ')
      .replace(BACK_IN_TIME, ' ')
      .replace(ASKERS_NOW, ' ')
      .replace(INTENSITY, ' ')
      .replace(IN_RELATION_TO, ' ')
      .replace(WHOLE_MATERIAL, ' ')
      .replace(X_RELATED, ' ')
      .replace(NAME_PART, ' ')
      .replace(AS_WELL_AS, ' and ')
      .replace(WAS_THERE, ' attended ')
      .replace(MOSTLY_ABOUT, ' focus ')
      .replace(INTENDED_TO, ' '),
  );
  const tokens = tokenize(asked).filter((_t, i, all) => !askingWord(all, i));
  const scope = articleScope(ctx, text);
  const raw = tokens.map((token) => {
    const w = stem(token);
    if (index.knows(w) || STOPWORDS.has(w) || /^\d/.test(w) || scope?.words.includes(w)) return w;
    if (index.isDictionaryWord(token) || index.isDictionaryWord(w)) return w;
    const c = index.correct(w);
    if (!c) return w;
    corrections.push(c);
    return c.to;
  });
  // "Najafi job title", "Mohajer Hejazi role": a short question naming a person and a role word
  // asks for their role; the word that asks it is no word to match.
  const said = raw.filter((w) => !STOPWORDS.has(w));
  const roleOf =
    !detectIntent(text) &&
    said.length <= 4 &&
    // A name as the material spells it or as an alias gives it ("hejazy").
    index.aliases.apply(said).some((w) => ctx.people?.has(w)) &&
    said.some((w) => ROLE_NOUNS.has(w));
  // "Which foreign ministry official …", "who's the ministry guy …": asked for a person, the noun
  // that says so names the answer, not a word the fact must hold.
  const personNouns = detectIntent(text) === 'person' ? PERSON_NOUNS : undefined;
  const words: string[] = [];
  const days = daysOfMonth(text);
  for (const w of contentWords(
    raw.filter((w) => !(roleOf && ROLE_NOUNS.has(w)) && !personNouns?.has(w)),
    index.aliases,
  )) {
    // The day of a date ("July 13", "2020-08-12") dates the story; it is no figure to match.
    if (days.has(w) || BRIEFLY.has(w)) continue;
    // The words that point at the article say where to look, not what to find there.
    if (words.includes(w) || scope?.words.includes(w) || (scope && ARTICLE_NOUNS.has(w))) continue;
    // A known word the index never holds alone (it only occurs inside an alias phrase) says nothing.
    if (index.idfOf(w) === null && index.knows(w)) continue;
    words.push(w);
    if (words.length >= MAX_QUERY_WORDS) break;
  }
  // "… and how many of them are active?": a part of a compound question that refers back reads
  // the earlier part's words too; they count for a fact that holds them, and are no loss for one
  // that does not (see decide.ts). A part with no words of its own ("and where did he say it?")
  // is asked of them outright.
  const own = words.length;
  const earlier =
    antecedent && (REFERS_BACK.test(text) || ELLIPTICAL.test(text))
      ? contentWords(toWords(antecedent), index.aliases)
      : [];
  for (const w of earlier) if (!words.includes(w) && words.length < MAX_QUERY_WORDS) words.push(w);
  const carried = own > 0 ? words.slice(own) : [];
  // Two years or more ("2019 or 2021"), or else two other numbers or more ("92% and 50%", "from
  // 800 to 900"), are alternatives: a fact explains them with any one. A year and another number
  // are not ("the first 9 months of 2020").
  const numbers = words.filter((w) => /^\d/.test(w));
  const years = numbers.filter(isYear);
  const others = numbers.filter((w) => !years.includes(w) && !days.has(w));
  const alternatives = years.length >= 2 ? years : others.length >= 2 ? others : [];
  // "When Najafi spoke of X, what did he say …": the asking is in the main clause.
  const main = text.replace(SETTING, '');
  const intent = leadingIntent(main, detectIntent(main));
  const statement =
    STATEMENT.test(main.replace(RELATIVE_SAYING, ' ').replace(TEXT_SAYS, ' ').replace(SAID_TO, ' ')) &&
    (intent === null || intent === 'person');
  const wantsAll = asksForAll(text);
  const allWords = index.aliases.apply(raw);
  // The shape is read as written and with misspellings mended ("which news agncy reportd …").
  const mended = corrections.reduce(
    (t, c) => t.replace(new RegExp(`\\b${c.from.replace(/[^\p{L}]/gu, '')}\\w*`, 'giu'), c.to),
    text,
  );
  const shape: Shape =
    asksForSource(text) || asksForSource(mended)
      ? 'source'
      : asksForSummary(text)
        ? 'summary'
        : YES_NO.test(text)
          ? 'yesno'
          : COMPARISON.test(text) && alternatives.length > 0
            ? 'comparison'
            : 'plain';
  const answerType = roleOf ? 'role' : answerTypeOf(main, intent, statement);
  // "Seoul trip purpose", "Najafi press conference venue": the noun that names the kind of answer
  // asked for is no word the fact must hold.
  const subject = words.filter((w) => !answerType || KIND_NOUNS.get(w) !== answerType);
  return {
    text,
    words: subject,
    allWords,
    intent,
    answerType,
    strictType: intent === 'person' && (NAMED_ROLE.test(text) || forBody(text, index.aliases)),
    placeAsked: answerType === 'place' ? placeAsked(text) : undefined,
    corrections,
    asked: contentWords(askedAttribute(text).map(stem), index.aliases).filter((w) => !MEASURE_WORDS.has(w)),
    scope: scope?.articleId,
    setting: settingWords(text, index.aliases),
    carried,
    scopeWords: scope?.words.filter((w) => index.idfOf(w) !== null && !words.includes(w)) ?? [],
    // Years and amounts (three digits or more, or decimals) must be in the fact; small counts
    // ("first 9 months") are too often incidental to the question.
    numbers: words.filter((w) => !alternatives.includes(w) && /^\d{3,}|^\d+\.\d/.test(w)),
    alternatives,
    owners: [...text.matchAll(/([\p{L}-]+)['’]s\b/gu)].map((m) => stem((m[1] as string).toLowerCase())),
    attributed: [...text.matchAll(ATTRIBUTION)].flatMap((m) => toWords(m[1] ?? m[2] ?? '')),
    statedBy: statement ? contentWords(toWords(STATED_BY.exec(main)?.[1] ?? ''), index.aliases) : [],
    weekday: /\b(?:day of the week|weekday)\b/i.test(text),
    span: spanAsked(text),
    negated: negatedWords(allWords),
    statement,
    shape,
    aggregate: aggregateOf(text, wantsAll) ?? aggregateOf(mended, wantsAll),
    wantsAll,
    acrossMaterial: ACROSS_MATERIAL.test(text) || WHICH_ARTICLES.test(text),
    identifies: contentWords(identifiedPhrase(text), index.aliases),
  };
}

/**
 * The two sides of a comparison between two things ("South Korea's SME share of exports vs Iran's",
 * "compare Najafi's figure with Rasoulian's", "how did X change between the 2019 report and the
 * 2021 article", "which is bigger: A or B"), each a question of its own; [] when it is none.
 */
export function comparedSides(question: string): string[] {
  const t = question.slice(0, MAX_ANALYSED_CHARS).replace(/[?!.\s]+$/, '');
  let m = /^(.*?)\b(?:vs\.?|versus|compared (?:to|with)|as against)\s+(.*)$/i.exec(t);
  if (m?.[1] && m[2]) {
    const [a, b] = [m[1].trim(), m[2].trim()];
    return [a, qualifiedSide(a, b) ?? b];
  }
  m = /\bcompare\s+(.*?)\s+(?:with|to|and)\s+(.*)$/i.exec(t);
  if (m?.[1] && m[2]) {
    const [a, b] = [m[1].trim(), m[2].trim()];
    // "compare A's figure for X with B's": B's side shares the attribute named on A's.
    return [a, qualifiedSide(a, b) ?? `${b} ${a.replace(/^\S+['’]s\s+/, '')}`];
  }
  m = /^(.*?)\b(?:change[sd]?|differ(?:s|ed)?|compare[sd]?)\s+between\s+(.*?)\s+and\s+(.*)$/i.exec(t);
  if (m?.[1] && m[2] && m[3]) return [`${m[1].trim()} in ${m[2]}`, `${m[1].trim()} in ${m[3]}`];
  m =
    /\bwhich (?:is|was) (?:bigger|larger|higher|greater|more|smaller|lower)\b[:,]?\s+(.*?)\s+or\s+(.*)$/i.exec(
      t,
    );
  if (m?.[1] && m[2]) return [m[1], m[2]];
  return [];
}

const QUALIFIER_START = /\s(?:according to|in|at|from|by)\s/gi;

/**
 * The second side of a comparison that gives only what sets it apart ("… in South Korea and in
 * Iran", "… according to the 2020 article vs the 2021 one"): the first side with its own
 * qualifier replaced by that one. Undefined when the second side is more than a qualifier.
 */
function qualifiedSide(a: string, b: string): string | undefined {
  // "who headed ISIPO in 2019 versus 2021": the second side is the first one's year changed.
  const year = /^(?:in\s+)?((?:19|20)\d\d)$/i.exec(b)?.[1];
  const years = [...a.matchAll(/\b(?:19|20)\d\d\b/g)];
  const own = years.at(-1);
  if (year && own) return `${a.slice(0, own.index)}${year}${a.slice(own.index + own[0].length)}`;
  let qualifier: string;
  if (/^(?:according to|in|at|from|by)\s/i.test(b)) qualifier = b;
  else if (/^(?:the|that|this)\s+(?:[\p{L}\d'’-]+\s+){0,4}(?:one|article|piece|story|report)$/iu.test(b))
    qualifier = `according to ${b}`;
  else return undefined;
  // "the 2021 one" is the kind of thing the first side named: "the 2021 article".
  const noun = /\b(article|piece|story|report)\b/i.exec(a)?.[1];
  if (noun) qualifier = qualifier.replace(/\bone$/i, noun);
  const last = [...a.matchAll(QUALIFIER_START)].at(-1);
  return last ? `${a.slice(0, last.index)} ${qualifier}` : `${a} ${qualifier}`;
}

/**
 * "Who signed it and when?", "how many parks and how many units?": the parts of a compound
 * question, each a question of its own. A part with no subject of its own ("and when?") takes the
 * first part's subject. One part (the question itself) when it is not compound.
 */
export function splitCompound(question: string): string[] {
  return compoundParts(question).map((p) => p.asked);
}

/** A part of a compound question: as it is asked of the material, and as the asker put it. */
export interface CompoundPart {
  asked: string;
  /** "who gave that figure", where `asked` reads "who gave that figure SMEs export in 2019". */
  put: string;
}

/** The parts of a compound question (see splitCompound), each also as the asker put it. */
export function compoundParts(question: string): CompoundPart[] {
  const t = question.slice(0, MAX_ANALYSED_CHARS).trim();
  const WH = '(?:who|whom|what|when|where|which|why|how(?: many| much)?)';
  const pieces = t
    // "… and when?", "… and at what kind of event?": "and" before a question word, or a preposition and one.
    .split(
      new RegExp(
        `\\s*(?:\\?+\\s+|(?<!\\btl);\\s*|,?\\s+(?:and|&|plus|also)\\s+(?=(?:(?:${PART_PREPOSITIONS})\\s+)?${WH}\\b))`,
        'i',
      ),
    )
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // A piece that asks nothing ("… operating there? seemed like a weird number lol") is a remark,
  // left out; one before any question ("ok so; who signed it?") leads into the next.
  const asks = (p: string) =>
    new RegExp(`\\b${WH}\\b`, 'i').test(p) ||
    /^(?:did|does|do|is|was|were|are|has|have|had|can|could|will|would|should)\b/i.test(p) ||
    /\?$/.test(p) ||
    /^(?:list|name|give|tell|explain|summari[sz]e|compare)\b/i.test(p);
  const parts: string[] = [];
  let pending = '';
  for (const p of pieces) {
    if (asks(p)) {
      parts.push(pending ? `${pending} ${p}` : p);
      pending = '';
    } else if (parts.length === 0) pending = pending ? `${pending} ${p}` : p;
  }
  if (parts.length === 1 && pieces.length > 1) return parts.map((p) => ({ asked: p, put: p }));
  if (parts.length < 2 || parts.length > 3) return [{ asked: question, put: question }];
  const first = parts[0] as string;
  const subject = first.replace(
    new RegExp(`^${WH}\\b\\s*(?:is|was|are|were|did|does|do|has|have)?\\s*`, 'i'),
    '',
  );
  return parts.map((p, i) => {
    if (i === 0) return { asked: p, put: p };
    // "and when?" → "when <first part's subject>"
    const rest = p.replace(new RegExp(`^${WH}\\b`, 'i'), '').replace(/[?!.\s]+$/, '');
    // A part that refers back ("and where did he say it?") is read with the first part (engine.ts).
    if (REFERS_BACK.test(rest)) return { asked: p, put: p };
    const ownSubject =
      rest
        .trim()
        .split(/\s+/)
        .filter((w) => w !== '' && !STOPWORDS.has(w.toLowerCase())).length > 0;
    return { asked: ownSubject ? p : `${p.replace(/[?!.\s]+$/, '')} ${subject}`, put: p };
  });
}
