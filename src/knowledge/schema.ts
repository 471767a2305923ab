import { z } from 'zod';

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

export const articleMetaSchema = z.strictObject({
  id,
  source: z.string().min(1),
  title: z.string().min(5),
  titleIsHeadline: z.boolean(),
  date: dateField.nullable(),
  dateNote: z.string().min(5),
  impliedDate: dateField.optional(),
  outlet: z.string().min(2),
  outletNote: z.string().optional(),
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

export const factSchema = z.strictObject({
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
});
export type FactInput = z.input<typeof factSchema>;

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
