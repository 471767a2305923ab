/**
 * The files `kb:add` writes, from the templates in knowledge/templates/: the curator-facing wording
 * (comments, TODO placeholders, the help at the top of a facts file) is data a curator can edit
 * there. A template is YAML read with the `yaml` Document API; its fields are written in its order,
 * with their comments, each {placeholder} filled in. Comment lines set off from the next field by a
 * blank line go with the field above them (at the top of a template: its own notes, not written).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { PROJECT_ROOT } from '../paths.ts';

/** The project's templates. */
export const TEMPLATES_DIR = join(PROJECT_ROOT, 'knowledge', 'templates');

/** A template that cannot be read or used, with what is wrong and where. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** What fills the placeholders; null and undefined are not known. */
export type Values = Record<string, unknown>;

/** A field as written: the comment beside its value, the comment lines above and below it. */
interface Field {
  key: string;
  value: unknown;
  after?: string | null | undefined;
  above: string[];
  below: string[];
}

/** A template's documents, parsed; TemplateError when the file does not read or parse. */
function read(dir: string, name: string): { file: string; docs: Document[] } {
  const file = relative(process.cwd(), join(dir, name)) || name;
  let text: string;
  try {
    text = readFileSync(join(dir, name), 'utf8');
  } catch (e) {
    throw new TemplateError(`${file} does not read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  const docs = parseAllDocuments(text);
  const error = ('empty' in docs ? docs.errors : docs.flatMap((d) => d.errors))[0];
  if (error) throw new TemplateError(`${file} does not parse: ${error.message.split('\n')[0]}`);
  return { file, docs };
}

/** The fields of a template's map, as written there. */
function fields(node: unknown, where: string): Field[] {
  if (!isMap(node)) throw new TemplateError(`${where}: expected the fields of a YAML map`);
  const out: Field[] = [];
  for (const { key: k, value: v } of node.items) {
    const lines = (isScalar(k) && k.commentBefore?.split('\n')) || [];
    const blank = lines.lastIndexOf('');
    if (blank >= 0 && out.length > 0) out[out.length - 1]!.below = lines.slice(0, blank);
    out.push({
      key: String(isScalar(k) ? k.value : k),
      value: isScalar(v) || isMap(v) || isSeq(v) ? v.toJS(new Document()) : null,
      after: (v as Node | null)?.comment,
      above: lines.slice(blank + 1),
      below: [],
    });
  }
  return out;
}

/** `field` with its placeholders filled in: a value that is one {placeholder} takes its value whole. */
function fill(field: Field, values: Values, where: string): Field {
  const known = (name: string) => {
    const v = values[name];
    if (v === null || v === undefined)
      throw new TemplateError(`${where}: field ${field.key}: {${name}} is not known here`);
    return v;
  };
  const text = (t: string) =>
    t.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = known(name);
      return Array.isArray(v) ? v.join(', ') : String(v);
    });
  const whole = typeof field.value === 'string' ? /^\{(\w+)\}$/.exec(field.value) : null;
  return {
    ...field,
    value: whole ? known(whole[1]!) : typeof field.value === 'string' ? text(field.value) : field.value,
    after: field.after && text(field.after),
    above: field.above.map(text),
    below: field.below.map(text),
  };
}

/** A YAML map of `fields` in order: short lists in flow style, answers and quotes folded. */
function yamlMap(doc: Document, list: Field[]): YAMLMap {
  const map = new YAMLMap();
  let carried: string[] = [];
  for (const { key, value, after, above, below } of list) {
    const k = doc.createNode(key);
    const v = doc.createNode(value, { flow: ['credits', 'gives', 'places'].includes(key) }) as Node;
    if (key === 'answer' || key === 'quote') (v as Scalar).type = Scalar.BLOCK_FOLDED;
    if (carried.length + above.length) k.commentBefore = [...carried, ...above].join('\n');
    if (after) v.comment = after;
    carried = below;
    map.items.push(new Pair(k, v));
  }
  return map;
}

// Folded at 104 columns, inside prettier's 110; prettier's single quotes, no padding.
const write = (doc: Document) =>
  doc.toString({ lineWidth: 104, singleQuote: true, flowCollectionPadding: false });

/**
 * An article's metadata from article.yaml: each field as its first part writes it (the text does
 * not tell it), or, where `told[field]` is truthy, as its second part does.
 */
export function writeMetadata(values: Values, told: Record<string, unknown>, dir = TEMPLATES_DIR): string {
  const { file, docs } = read(dir, 'article.yaml');
  const untold = fields(docs[0]?.contents, file);
  const found = docs[1] ? fields(docs[1].contents, file) : [];
  const chosen = untold.map((f) => (told[f.key] ? found.find((t) => t.key === f.key) : undefined) ?? f);
  const doc = new Document();
  doc.contents = yamlMap(
    doc,
    chosen.map((f) => fill(f, values, file)),
  );
  return write(doc);
}

/** A facts file from facts.yaml: its header, and the comments of its one draft on every draft. */
export function writeFacts(facts: object[], values: Values, dir = TEMPLATES_DIR): string {
  const { file, docs } = read(dir, 'facts.yaml');
  const [article, list] = fields(docs[0]?.contents, file).map((f) => fill(f, values, file));
  const sample = docs[0]?.getIn(['facts', 0], true);
  if (article?.key !== 'article' || list?.key !== 'facts' || !isMap(sample))
    throw new TemplateError(`${file}: expected \`article\` and \`facts\` with one draft`);
  const comments = new Map(fields(sample, file).map((f) => [f.key, fill(f, values, file).after]));
  const doc = new Document();
  const seq = new YAMLSeq();
  seq.items = facts.map((fact, i) => {
    const map = yamlMap(
      doc,
      Object.entries(fact).map(([key, value]) => ({
        key,
        value,
        after: comments.get(key),
        above: [],
        below: [],
      })),
    );
    return Object.assign(map, { spaceBefore: i > 0 });
  });
  doc.contents = yamlMap(doc, [article, { ...list, value: seq, after: null }]);
  return write(doc);
}
