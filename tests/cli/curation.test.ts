/**
 * CONTRIBUTING.md's add-an-article path, walked end to end on a temporary copy of the fixture
 * knowledge base (tests/fixtures/knowledge): kb:add, the metadata filled in (step 2), one draft reviewed (step 3), kb:check, and a
 * question answered from the new fact with its citation.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, visit } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runKbCheck } from '../../src/cli/kb-check.ts';
import { normaliseForQuote } from '../../src/engine/normalise.ts';
import { DEFAULT_KNOWLEDGE_DIR, openEngine } from '../../src/knowledge/open.ts';
import { add } from '../helpers/kb-add.ts';
import { FIXTURE_KB_DIR, copyFixtureKb } from '../helpers/fixture-kb.ts';

/** Ids and names no curator will use. */
const ID = 'zz-test-zzarvand-park';
const DRAFT_ID = `${ID}-draft-1`;
const FACT_ID = `${ID}-workshops`;

const ARTICLE = `Qazvin opens Zzarvand solar industrial park

October 12, 2026 - 09:30

TEHRAN – The new Zzarvand solar industrial park in Qazvin province will host 47 solar panel workshops, said Kourosh Zzanjani, the managing director of Zzarvand Parks Company, on Sunday.

The park covers 230 hectares and its first phase will open in March 2027.

Officials praised the project at a short ceremony.
`;

const QUOTE =
  'The new Zzarvand solar industrial park in Qazvin province will host 47 solar panel workshops, said Kourosh Zzanjani, the managing director of Zzarvand Parks Company, on Sunday.';

const metaFile = (dir: string) => join(dir, 'articles', `${ID}.yaml`);
const factsFile = (dir: string) => join(dir, 'facts', `${ID}.yaml`);

/** Step 1: the article saved as plain text, then `kb:add -- <file> --id <id> --dir <copy>`. */
function addArticle(): string {
  const dir = copyFixtureKb('curation-');
  const file = join(mkdtempSync(join(tmpdir(), 'curation-in-')), 'zzarvand.txt');
  writeFileSync(file, ARTICLE);
  const r = add([file, '--id', ID, '--dir', dir]);
  expect(r.code, r.err).toBe(0);
  return dir;
}

function check(dir: string): { code: number; out: string } {
  const lines: string[] = [];
  const code = runKbCheck(dir, false, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

function edit(file: string, change: (doc: Document) => void): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  change(doc);
  writeFileSync(file, doc.toString());
}

/** Deletes every comment that says TODO in and under a node, as a curator does once it is done. */
function removeTodoComments(node: Document | YAMLMap): void {
  visit(node, (_key, n) => {
    const c = n as { comment?: string | null; commentBefore?: string | null };
    if (c.comment?.includes('TODO')) c.comment = null;
    if (c.commentBefore?.includes('TODO')) c.commentBefore = null;
  });
}

/** Step 2: every TODO of the metadata replaced, and its comment removed. */
function fillMetadata(dir: string): void {
  edit(metaFile(dir), (doc) => {
    doc.set('dateNote', 'Dated October 12, 2026. The managing director spoke on Sunday, 11 October 2026.');
    doc.set('outlet', 'Tehran Times');
    doc.set('outletNote', 'Not named in the text; inferred from its house style (TEHRAN dateline).');
    doc.set('credits', doc.createNode([], { flow: true }));
    removeTodoComments(doc);
  });
}

/** The YAML node of one fact in a facts file. */
function factNode(doc: Document, id: string): YAMLMap {
  const facts = doc.get('facts', true);
  if (!isSeq(facts)) throw new Error('facts is not a list');
  const node = facts.items.find((f) => isMap(f) && f.get('id') === id);
  if (!isMap(node)) throw new Error(`no fact ${id}`);
  return node as YAMLMap;
}

/** Step 3 for the first draft, all but removing its TODO comments. */
function reviewFields(fact: YAMLMap, doc: Document): void {
  const node = (v: unknown) => doc.createNode(v, { flow: true });
  fact.set('id', FACT_ID);
  fact.set('status', 'reviewed');
  fact.set(
    'answer',
    'On Sunday, 11 October 2026 Kourosh Zzanjani, the managing director of Zzarvand Parks Company, ' +
      'said the new Zzarvand solar industrial park in Qazvin province will host 47 solar panel workshops.',
  );
  fact.set(
    'questions',
    doc.createNode([
      'How many workshops will the Zzarvand solar industrial park host?',
      'What will the new solar industrial park in Qazvin province host?',
      'What did Kourosh Zzanjani say about the Zzarvand park?',
      'solar workshops in qazvin',
      'zzarvand park workshops',
    ]),
  );
  fact.set('keywords', node(['solar energy', 'units', 'plants']));
  fact.set('entities', node(['Kourosh Zzanjani', 'Zzarvand Parks Company', 'Qazvin']));
  fact.set('figures', doc.createNode([{ value: 47, unit: 'solar panel workshops', asOf: '2026-10-11' }]));
  fact.set('date', '2026-10-11');
  fact.set('gives', node(['count', 'statement']));
  fact.set('speaker', 'Kourosh Zzanjani');
  fact.set(
    'people',
    doc.createNode([{ name: 'Kourosh Zzanjani', role: 'managing director of Zzarvand Parks Company' }]),
  );
  fact.set('places', node(['Qazvin']));
  fact.set('period', node(['2026-10']));
  // `quote` stays as kb:add wrote it.
}

function reviewDraft(dir: string): void {
  edit(factsFile(dir), (doc) => {
    const fact = factNode(doc, DRAFT_ID);
    reviewFields(fact, doc);
    removeTodoComments(fact);
  });
}

describe('adding an article the way CONTRIBUTING.md says', () => {
  it('kb:add writes the text verbatim, its metadata and draft facts quoting it', () => {
    const dir = addArticle();
    expect(readFileSync(join(dir, 'articles', `${ID}.txt`), 'utf8')).toBe(ARTICLE);
    expect(existsSync(metaFile(dir))).toBe(true);
    const facts = readFileSync(factsFile(dir), 'utf8');
    expect(facts).toContain(`id: ${DRAFT_ID}`);
    expect(facts).toMatch(/status: draft/);
  });

  it('kb:check fails right after kb:add, naming each metadata field that still says TODO', () => {
    const dir = addArticle();
    const { code, out } = check(dir);
    expect(code).toBe(1);
    for (const field of ['dateNote', 'outlet', 'outletNote', 'credits'])
      expect(out).toMatch(new RegExp(`✗ .*articles/${ID}\\.yaml: field ${field}: still says TODO`));
    expect(out).toMatch(/2 drafts awaiting review/);
  });

  it('kb:check fails on a reviewed fact that still carries a TODO comment, naming it', () => {
    const dir = addArticle();
    fillMetadata(dir);
    edit(factsFile(dir), (doc) => reviewFields(factNode(doc, DRAFT_ID), doc));
    const { code, out } = check(dir);
    expect(code).toBe(1);
    expect(out).toMatch(new RegExp(`✗ .*facts/${ID}\\.yaml.*${FACT_ID}.*status: still says TODO`));
  });

  it('kb:check passes once the metadata is filled in and one draft reviewed, counting the other draft', () => {
    const dir = addArticle();
    fillMetadata(dir);
    reviewDraft(dir);
    const { code, out } = check(dir);
    expect(code, out).toBe(0);
    expect(out).toMatch(/1 drafts awaiting review/);
    expect(out).toMatch(new RegExp(`${ID}: \\d+/\\d+ sentences \\(\\d+%\\), 1 facts, 1 draft\\(s\\)`));
    expect(out).toMatch(/✓ knowledge base OK/);
  });

  it('answers a question about the reviewed fact, citing the new article with a verbatim quote', () => {
    const dir = addArticle();
    fillMetadata(dir);
    reviewDraft(dir);
    const engine = openEngine(dir);
    const a = engine.answer('how many solar panel workshops will the zzarvand park in qazvin have');
    expect(a.status, a.answer).toBe('answered');
    expect(a.answer).toMatch(/47 solar panel workshops/);
    const citation = a.citations.find((c) => c.articleId === ID);
    expect(citation, JSON.stringify(a.citations)).toMatchObject({
      factId: FACT_ID,
      title: 'Qazvin opens Zzarvand solar industrial park',
      outlet: 'Tehran Times',
      date: '2026-10-12',
    });
    expect(normaliseForQuote(ARTICLE)).toContain(normaliseForQuote(citation?.quote ?? ''));
    expect(normaliseForQuote(citation?.quote ?? '')).toBe(normaliseForQuote(QUOTE));
  });

  it('writes only to its copy: the fixture it copies and the real knowledge folder stay untouched', () => {
    addArticle();
    for (const dir of [FIXTURE_KB_DIR, DEFAULT_KNOWLEDGE_DIR]) {
      for (const part of ['articles', 'facts']) {
        expect(
          readdirSync(join(dir, part)).some((f) => f.startsWith('zz-test-')),
          `${dir}/${part}`,
        ).toBe(false);
      }
    }
  });
});
