/**
 * Loads the knowledge base from its folder and validates every part of it: the schema (zod),
 * unique ids, known articles and topics, verbatim quotes, that every article has facts, that the
 * names a fact gives (speaker, people, agreement parties, places) are in its own words, that each
 * agreement is carried by one fact, and that no TODO is left in article metadata or a reviewed fact.
 * Problems are collected, each naming the file, the fact id and the field, rather than thrown.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { normaliseForQuote } from '../engine/normalise.ts';
import type { About, AliasGroup, Article, Fact, KnowledgeBase, Topic } from '../engine/types.ts';
import { NameFinder } from './names.ts';
import {
  aboutSchema,
  aliasFileSchema,
  articleMetaSchema,
  factFileSchema,
  topicFileSchema,
} from './schema.ts';
import { findTodos } from './todos.ts';

export interface KbProblem {
  file: string;
  factId?: string | undefined;
  field?: string | undefined;
  message: string;
}

export interface LoadResult {
  kb: KnowledgeBase;
  problems: KbProblem[];
  /** Where each fact came from, for messages. */
  factFiles: Map<string, string>;
}

export class KnowledgeBaseError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeBaseError';
  }
}

export function formatProblem(p: KbProblem): string {
  const where = [p.file, p.factId && `fact ${p.factId}`, p.field && `field ${p.field}`].filter(Boolean);
  return `${where.join(': ')}: ${p.message}`;
}

/** Loads and validates; throws KnowledgeBaseError listing every problem if there is any. */
export function loadKnowledgeBase(dir: string): KnowledgeBase {
  const result = readKnowledgeBase(dir);
  if (result.problems.length > 0) throw new KnowledgeBaseError(result.problems);
  return result.kb;
}

/** Loads what it can and reports every problem; never throws for bad content. */
export function readKnowledgeBase(dir: string): LoadResult {
  const problems: KbProblem[] = [];
  const rel = (file: string) => relative(process.cwd(), file) || file;

  const docs = new Map<string, Document>();
  const readYaml = (file: string): unknown => {
    let doc: Document;
    try {
      doc = parseDocument(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push({ file: rel(file), message: `does not read: ${(err as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const error = doc.errors[0];
    if (error) {
      problems.push({ file: rel(file), message: `does not parse: ${error.message.split('\n')[0]}` });
      return undefined;
    }
    docs.set(file, doc);
    return doc.toJS();
  };
  const todoProblems = (file: string, node: unknown, factId?: string) => {
    for (const t of findTodos(node)) {
      problems.push({
        file: rel(file),
        factId,
        field: t.field || undefined,
        message: `still says TODO: "${ellipsis(t.text, 80)}" (fill it in and remove the TODO)`,
      });
    }
  };
  const schemaProblems = (file: string, error: z.ZodError, data: unknown) => {
    for (const issue of error.issues) {
      const path = issue.path;
      let factId: string | undefined;
      if (path[0] === 'facts' && typeof path[1] === 'number') {
        const raw = (data as { facts?: { id?: unknown }[] }).facts?.[path[1]];
        factId = typeof raw?.id === 'string' ? raw.id : `#${path[1] + 1}`;
      }
      const field = (factId ? path.slice(2) : path).map(String).join('.') || undefined;
      problems.push({ file: rel(file), factId, field, message: issue.message });
    }
  };

  // Articles: <id>.yaml metadata beside <id>.txt text.
  const articlesDir = join(dir, 'articles');
  const articles: Article[] = [];
  const metaFiles = listFiles(articlesDir, '.yaml');
  if (metaFiles.length === 0) problems.push({ file: rel(articlesDir), message: 'no article metadata files' });
  for (const file of metaFiles) {
    const data = readYaml(file);
    if (data === undefined) continue;
    const parsed = articleMetaSchema.safeParse(data);
    if (!parsed.success) {
      schemaProblems(file, parsed.error, data);
      continue;
    }
    const meta = parsed.data;
    todoProblems(file, docs.get(file));
    if (meta.id !== basename(file, '.yaml')) {
      problems.push({
        file: rel(file),
        field: 'id',
        message: `must match the file name (${basename(file, '.yaml')})`,
      });
    }
    const textFile = join(articlesDir, `${meta.id}.txt`);
    if (!existsSync(textFile)) {
      problems.push({ file: rel(file), message: `its text file ${rel(textFile)} is missing` });
      continue;
    }
    if (articles.some((a) => a.id === meta.id)) {
      problems.push({ file: rel(file), field: 'id', message: `duplicate article id ${meta.id}` });
      continue;
    }
    const text = readFileSync(textFile, 'utf8');
    if (meta.dateQuote !== undefined && !normaliseForQuote(text).includes(normaliseForQuote(meta.dateQuote)))
      problems.push({
        file: rel(file),
        field: 'dateQuote',
        message: `not found verbatim in ${rel(textFile)}`,
      });
    articles.push({ ...meta, text });
  }
  const articleById = new Map(articles.map((a) => [a.id, a]));

  // Topics and aliases.
  let topics: Topic[] = [];
  const topicsFile = join(dir, 'topics.yaml');
  if (existsSync(topicsFile)) {
    const data = readYaml(topicsFile);
    const parsed = topicFileSchema.safeParse(data);
    if (data !== undefined && !parsed.success) schemaProblems(topicsFile, parsed.error, data);
    else if (parsed.success) topics = parsed.data.topics;
  }
  let aliases: AliasGroup[] = [];
  const aliasFile = join(dir, 'aliases.yaml');
  if (existsSync(aliasFile)) {
    const data = readYaml(aliasFile);
    const parsed = aliasFileSchema.safeParse(data);
    if (data !== undefined && !parsed.success) schemaProblems(aliasFile, parsed.error, data);
    else if (parsed.success) aliases = parsed.data.groups;
  }
  const topicIds = new Set(topics.map((t) => t.id));

  // What the material is about.
  let about: About = { homeCountry: '', subject: '' };
  const aboutFile = join(dir, 'about.yaml');
  if (!existsSync(aboutFile)) {
    problems.push({
      file: rel(aboutFile),
      message: 'is missing: say what the material is about (homeCountry, subject; see README)',
    });
  } else {
    const data = readYaml(aboutFile);
    const parsed = aboutSchema.safeParse(data);
    if (data !== undefined && !parsed.success) schemaProblems(aboutFile, parsed.error, data);
    else if (parsed.success) {
      about = parsed.data;
      todoProblems(aboutFile, docs.get(aboutFile));
    }
  }
  const names = new NameFinder(aliases);

  // Facts.
  const facts: Fact[] = [];
  const factFiles = new Map<string, string>();
  const quoteText = new Map<string, string>();
  for (const file of listFiles(join(dir, 'facts'), '.yaml')) {
    const data = readYaml(file);
    if (data === undefined) continue;
    const parsed = factFileSchema.safeParse(data);
    if (!parsed.success) {
      schemaProblems(file, parsed.error, data);
      continue;
    }
    const article = articleById.get(parsed.data.article);
    if (!article) {
      problems.push({
        file: rel(file),
        field: 'article',
        message: `names unknown article "${parsed.data.article}" (known: ${[...articleById.keys()].join(', ')})`,
      });
    }
    const factNodes = factItems(docs.get(file));
    for (const [i, f] of parsed.data.facts.entries()) {
      const where = { file: rel(file), factId: f.id };
      const seen = factFiles.get(f.id);
      if (seen) {
        problems.push({ ...where, field: 'id', message: `duplicate fact id (also in ${seen})` });
        continue;
      }
      factFiles.set(f.id, rel(file));
      if (f.topic && !topicIds.has(f.topic)) {
        problems.push({
          ...where,
          field: 'topic',
          message: `unknown topic "${f.topic}" (add it to topics.yaml)`,
        });
      }
      if (article) {
        let normalised = quoteText.get(article.id);
        if (normalised === undefined)
          quoteText.set(article.id, (normalised = normaliseForQuote(article.text)));
        if (!normalised.includes(normaliseForQuote(f.quote))) {
          problems.push({
            ...where,
            field: 'quote',
            message: `not found verbatim in article ${article.id}: "${ellipsis(f.quote, 80)}"`,
          });
        }
      }
      if (f.status === 'reviewed') todoProblems(file, factNodes[i], f.id);
      const fact: Fact = {
        ...f,
        gives: f.gives ?? [],
        places: f.places ?? [],
        articleId: parsed.data.article,
      };
      for (const p of nameProblems(fact, names)) problems.push({ ...where, ...p });
      facts.push(fact);
    }
  }

  // One fact per agreement: the one that reports its signing.
  const agreements = new Map<string, Fact>();
  for (const f of facts) {
    if (!f.agreement) continue;
    const key = agreementKey(f);
    const seen = agreements.get(key);
    if (seen) {
      problems.push({
        file: factFiles.get(f.id) ?? '',
        factId: f.id,
        field: 'agreement',
        message: `the same agreement as fact ${seen.id}: only the fact that reports its signing carries it`,
      });
    } else agreements.set(key, f);
  }

  const withFacts = new Set(facts.map((f) => f.articleId));
  for (const a of articles) {
    if (!withFacts.has(a.id)) {
      problems.push({
        file: rel(join(articlesDir, `${a.id}.yaml`)),
        message: `article ${a.id} has no facts`,
      });
    }
  }

  return { kb: { about, articles, facts, topics, aliases }, problems, factFiles };
}

/** The YAML nodes of a facts file's facts, in order (for the TODOs in their comments). */
function factItems(doc: Document | undefined): unknown[] {
  const facts = doc && isMap(doc.contents) ? doc.contents.get('facts', true) : undefined;
  return isSeq(facts) ? facts.items : [];
}

/**
 * The names a fact gives that its own words (quote, answer, entities) do not contain, and an
 * agreement date that is not the fact's date.
 */
function nameProblems(f: Fact, names: NameFinder): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const own = names.in([f.quote, f.answer, ...f.entities]);
  const check = (field: string, name: string, aliases: boolean) => {
    if (!own.occurs(name, { aliases }))
      out.push({ field, message: `"${name}" is not in the fact's quote, answer or entities` });
  };
  if (f.speaker !== undefined) check('speaker', f.speaker, true);
  f.people?.forEach((p, i) => check(`people.${i}.name`, p.name, true));
  f.agreement?.parties.forEach((p, i) => check(`agreement.parties.${i}`, p, true));
  f.places.forEach((p, i) => check(`places.${i}`, p, false));
  const date = f.agreement?.date;
  if (date !== undefined && f.date !== undefined && !date.startsWith(f.date) && !f.date.startsWith(date)) {
    out.push({ field: 'agreement.date', message: `${date} is not the fact's date (${f.date})` });
  }
  return out;
}

/** Two facts carry the same agreement when its kind, parties and date agree. */
function agreementKey(f: Fact): string {
  const a = f.agreement!;
  const parties = a.parties.map((p) => normaliseForQuote(p).toLowerCase()).sort();
  return [a.kind, ...parties, a.date ?? f.date ?? ''].join('\u0000');
}

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => join(dir, f));
}

function ellipsis(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
