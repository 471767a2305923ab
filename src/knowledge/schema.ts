/**
 * The knowledge base's files, as zod schemas: what `kb:check` and the loader validate, and the one
 * definition of the knowledge types. The engine's Article, Fact, Topic, … (src/engine/types.ts)
 * are these schemas' output types, imported there with `import type` so a start from the snapshot
 * never loads zod.
 */
import { z } from 'zod';

/**
 * The kinds of answer a fact can give (its `gives`): person (who someone is, which person), role
 * (a title or position), organisation, date (when), place (where), count (a number of things),
 * share (a percentage or proportion), money (an amount of money or value), reason (why, purpose,
 * aim), statement (what someone said or stressed), description (what something is or is about),
 * name (of a programme, system, event…), manner (how: online, in person, by what means), list (an
 * enumeration of several items).
 */
export const ANSWER_TYPES = [
  'person',
  'role',
  'organisation',
  'date',
  'place',
  'count',
  'share',
  'money',
  'reason',
  'statement',
  'description',
  'name',
  'manner',
  'list',
] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const AGREEMENT_KINDS = ['MOU', 'contract', 'agreement'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** Ids are lowercase kebab-case so they are stable in URLs, logs and JSON. */
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, e.g. "armenia-mou-signed"');

/** A calendar date, a month or a year: 2021-07-13, 2021-07, 2021. */
const isoDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** YAML turns an unquoted 2021-07-13 into a Date; accept both and keep the string. */
const dateField = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  isoDate,
);

/** knowledge/articles/<id>.yaml: an article's metadata, beside its text in <id>.txt. */
export const articleMetaSchema = z.strictObject({
  id,
  /** The file the text came from (as `kb:add` was given it). */
  source: z.string().min(1),
  title: z.string().min(5),
  /** false when the text had no headline and the title was written by a curator. */
  titleIsHeadline: z.boolean(),
  /** Publication date (YYYY-MM-DD) when the text gives it, else null. */
  date: dateField.nullable(),
  /** What the text says or implies about its date. */
  dateNote: z.string().min(5),
  /** The text's own words for its date ("June 18, 2021 - 11:28"), verbatim: what a date answer quotes. */
  dateQuote: z.string().min(4).optional(),
  /** For undated articles: the date the text implies, used only to order them. */
  impliedDate: dateField.optional(),
  outlet: z.string().min(2),
  outletNote: z.string().optional(),
  /** Agencies the article credits (IRNA, IRIB, …). */
  credits: z.array(z.string().min(2)),
  dateline: z.string().nullable(),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const figureSchema = z.strictObject({
  value: z.number(),
  unit: z.string().min(1),
  asOf: dateField.optional(),
  /** "more than", "nearly", "over", "about" — as the quote words it. */
  qualifier: z.string().optional(),
});
export type Figure = z.infer<typeof figureSchema>;

/** A year or a month: 2021, 2021-07 (what a fact's `period` lists). */
const periodEntry = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/, 'must be YYYY or YYYY-MM'),
);

/**
 * The months a fact's event or figures cover, first to last, when that stretch is no calendar
 * year ("the previous Iranian calendar year (ended on March 19)": 2019-03 to 2020-03; "the first
 * nine months": 2019-03 to 2019-12). A question about another such stretch is not answered by it.
 */
const month = z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'must be YYYY-MM');
export const spanSchema = z
  .strictObject({ from: month, to: month })
  .refine((s) => s.from < s.to, { message: 'from must be before to', path: ['to'] });

/** An agreement a fact reports being signed; exactly one fact carries each agreement. */
export const agreementSchema = z.strictObject({
  kind: z.enum(AGREEMENT_KINDS),
  /** The two or more signatories, as the material names them. */
  parties: z.array(z.string().min(2)).min(2, 'an agreement has at least two parties'),
  /** YYYY-MM-DD, YYYY-MM or YYYY, when the material says. */
  date: dateField.optional(),
  /** What it is about, in a short phrase. */
  subject: z.string().min(3),
});
export type Agreement = z.infer<typeof agreementSchema>;

/** A person a fact names, with the role the material gives them. */
export const personRoleSchema = z.strictObject({
  name: z.string().min(2),
  role: z.string().min(2),
});
export type PersonRole = z.infer<typeof personRoleSchema>;

export const factSchema = z
  .strictObject({
    id,
    /** draft facts come from `kb:add` and are never served until a curator marks them reviewed. */
    status: z.enum(['reviewed', 'draft']).default('reviewed'),
    answer: z.string().min(20),
    questions: z.array(z.string().min(3)).min(1),
    keywords: z.array(z.string().min(2)).default([]),
    entities: z.array(z.string().min(2)).default([]),
    figures: z.array(figureSchema).default([]),
    /** When the fact happened or was reported, if the article says. */
    date: dateField.optional(),
    topic: id.optional(),
    quote: z.string().min(10),
    /** The kinds of answer the fact gives; required on reviewed facts. */
    gives: z
      .array(z.enum(ANSWER_TYPES))
      .min(1, `must name at least one of: ${ANSWER_TYPES.join(', ')}`)
      .refine((g) => new Set(g).size === g.length, 'lists a kind twice')
      .optional(),
    /** Whose statement the fact reports: a full name, or the role when the material leaves them unnamed. */
    speaker: z.string().min(2).optional(),
    /** The countries, provinces and cities the fact is about; required (maybe empty) on reviewed facts. */
    places: z.array(z.string().min(2)).optional(),
    /** The years or months (YYYY, YYYY-MM) its event or figures refer to. */
    period: z.array(periodEntry).min(1).optional(),
    span: spanSchema.optional(),
    agreement: agreementSchema.optional(),
    people: z.array(personRoleSchema).min(1).optional(),
    /** What the fact mentions but the material leaves unsaid, that a reader may well ask ("which border areas"). */
    unsaid: z
      .array(
        z.strictObject({
          /** The words of the quote that name the thing ("border areas"). */
          mention: z.string().min(2),
          /** For the refusal "… but does not say <what>": "which border areas". */
          what: z.string().min(3),
          /** The kinds of answer about it the material never gives. */
          asks: z.array(z.enum(ANSWER_TYPES)).min(1),
        }),
      )
      .optional(),
  })
  .superRefine((f, ctx) => {
    (f.unsaid ?? []).forEach((u, i) => {
      if (!f.quote.toLowerCase().includes(u.mention.toLowerCase()))
        ctx.addIssue({ code: 'custom', path: ['unsaid', i, 'mention'], message: 'is not in the quote' });
    });
    if (f.status !== 'reviewed') return;
    if (f.gives === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['gives'],
        message: `a reviewed fact says what kinds of answer it gives (${ANSWER_TYPES.join(', ')})`,
      });
    if (f.places === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['places'],
        message: 'a reviewed fact lists the places it is about ([] for none)',
      });
    const statement = f.gives?.includes('statement') ?? false;
    if (statement && f.speaker === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['speaker'],
        message: 'gives a statement, so say whose (speaker)',
      });
    if (!statement && f.speaker !== undefined && f.gives !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['gives'],
        message: `has a speaker (${f.speaker}), so it gives a statement: add statement, or drop speaker`,
      });
  });
export type FactInput = z.input<typeof factSchema>;
/** A fact as its file gives it, once validated (defaults filled); the engine's Fact adds to it. */
export type FactEntry = z.infer<typeof factSchema>;

export const factFileSchema = z.strictObject({
  article: id,
  facts: z.array(factSchema).min(1),
});

export const topicSchema = z.strictObject({
  id,
  title: z.string().min(3),
  /**
   * trend: the figure changes over time, show newest first.
   * disagreement: the sources give different figures for the same thing; say so and cite each.
   * related: facts best read together.
   */
  kind: z.enum(['trend', 'disagreement', 'related']),
  note: z.string().optional(),
});
export const topicFileSchema = z.strictObject({ topics: z.array(topicSchema) });
export type Topic = z.infer<typeof topicSchema>;

export const aliasGroupSchema = z.strictObject({
  /** The single word every variant is indexed and searched as. */
  canonical: z.string().regex(/^[a-z0-9]+$/, 'must be one lowercase word'),
  variants: z.array(z.string().min(2)).min(1),
  note: z.string().optional(),
});
export const aliasFileSchema = z.strictObject({ groups: z.array(aliasGroupSchema) });
export type AliasGroup = z.infer<typeof aliasGroupSchema>;

/** knowledge/about.yaml: what the material is about, for the words the bot says about it. */
export const aboutSchema = z.strictObject({
  /** The country the material is written from ("Iran"): "the country" in its text means this one. */
  homeCountry: z.string().min(2),
  /** What the material is about, as a phrase: "Iran's SMEs, industrial parks and their agreements". */
  subject: z.string().min(5),
  /** The "not covered" wording, with {material} ("five news articles") and {subject}. */
  refusal: z
    .string()
    .min(10)
    .refine(
      (t) => [...t.matchAll(/\{([^}]*)\}/g)].every((m) => m[1] === 'material' || m[1] === 'subject'),
      'only {material} and {subject} may be filled in',
    )
    .optional(),
});
export type About = z.infer<typeof aboutSchema>;
