import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { Document, Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runKbCheck } from '../../src/cli/kb-check.ts';
import { normaliseForQuote } from '../../src/engine/normalise.ts';
import { readKnowledgeBase } from '../../src/knowledge/load.ts';
import { openEngine } from '../../src/knowledge/open.ts';
import { articleMetaSchema, factFileSchema } from '../../src/knowledge/schema.ts';
import { TEMPLATES_DIR } from '../../src/knowledge/templates.ts';
import { add } from '../helpers/kb-add.ts';
import { copyFixtureKb } from '../helpers/fixture-kb.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'new-article.txt');
const ID = 'qazvin-industrial-park-to-host-120';

/** What a curator does after kb:add: the metadata filled in, every TODO gone. */
function fillMetadata(dir: string): void {
  writeFileSync(
    join(dir, 'articles', `${ID}.yaml`),
    [
      `id: ${ID}`,
      'source: new-article.txt',
      'title: Qazvin industrial park to host 120 new knowledge-based SMEs',
      'titleIsHeadline: true',
      'date: 2021-09-07',
      'dateNote: Dated September 7, 2021.',
      'outlet: Tehran Times',
      'outletNote: Inferred from its house style (TEHRAN dateline).',
      'credits: [IRNA]',
      'dateline: TEHRAN',
      '',
    ].join('\n'),
  );
}

/** `dir` with a copy of the project's templates of its own. */
function withTemplates(dir: string): string {
  cpSync(TEMPLATES_DIR, join(dir, 'templates'), { recursive: true });
  return dir;
}

function fileCount(dir: string): number {
  return readdirSync(join(dir, 'articles')).length + readdirSync(join(dir, 'facts')).length;
}

describe('kb:add', () => {
  it('adds an unseen article: the text verbatim, schema-valid metadata and draft facts', () => {
    const dir = copyFixtureKb('kb-add-');
    const r = add([FIXTURE, '--dir', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Added article ${ID}`);
    expect(r.out).toMatch(/8 draft fact\(s\)/);
    expect(r.out).toMatch(/npm run kb:check/);

    const text = readFileSync(join(dir, 'articles', `${ID}.txt`), 'utf8');
    expect(text).toBe(readFileSync(FIXTURE, 'utf8'));
    const meta = articleMetaSchema.parse(parse(readFileSync(join(dir, 'articles', `${ID}.yaml`), 'utf8')));
    expect(meta).toMatchObject({
      id: ID,
      source: 'new-article.txt',
      titleIsHeadline: true,
      date: '2021-09-07',
    });
    const factFile = factFileSchema.parse(parse(readFileSync(join(dir, 'facts', `${ID}.yaml`), 'utf8')));
    expect(factFile.facts.every((f) => f.status === 'draft')).toBe(true);
    for (const f of factFile.facts) expect(normaliseForQuote(text)).toContain(normaliseForQuote(f.quote));
  });

  it('leaves kb:check naming each TODO of the metadata, file and field, and counting the drafts', () => {
    const dir = copyFixtureKb('kb-add-');
    expect(add([FIXTURE, '--dir', dir]).code).toBe(0);
    const { problems } = readKnowledgeBase(dir);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.file).toMatch(new RegExp(`articles/${ID}\\.yaml$`));
      expect(p.message).toMatch(/still says TODO/);
    }
    expect(new Set(problems.map((p) => p.field))).toEqual(
      new Set(['dateNote', 'outlet', 'outletNote', 'credits']),
    );

    const lines: string[] = [];
    expect(runKbCheck(dir, false, (l) => lines.push(l))).toBe(1);
    const out = lines.join('\n');
    expect(out).toMatch(new RegExp(`✗ .*articles/${ID}\\.yaml: field outlet: still says TODO`));
    expect(out).toMatch(/8 drafts awaiting review/);
  });

  it('passes kb:check once the metadata is filled in, with the drafts counted, not failed', () => {
    const dir = copyFixtureKb('kb-add-');
    expect(add([FIXTURE, '--dir', dir]).code).toBe(0);
    fillMetadata(dir);

    const lines: string[] = [];
    expect(runKbCheck(dir, false, (l) => lines.push(l))).toBe(0);
    const out = lines.join('\n');
    expect(out).toMatch(/✓ knowledge base OK/);
    expect(out).toMatch(/8 drafts awaiting review/);
    expect(out).toMatch(new RegExp(`${ID}: 8/9 sentences \\(89%\\), 0 facts, 8 draft\\(s\\)`));
  });

  it('drafts what each fact gives and the places it names, marked TODO', () => {
    const dir = copyFixtureKb('kb-add-');
    expect(add([FIXTURE, '--dir', dir]).code).toBe(0);
    const text = readFileSync(join(dir, 'facts', `${ID}.yaml`), 'utf8');
    expect(text).toMatch(/^ {4}gives: \[count\] # TODO: check/m);
    expect(text).toMatch(/^ {4}places: \[Iran\] # TODO: /m);
  });

  it('does not let the engine serve the drafts', () => {
    const dir = copyFixtureKb('kb-add-');
    expect(add([FIXTURE, '--dir', dir]).code).toBe(0);
    fillMetadata(dir);
    const engine = openEngine(dir);
    expect(engine.kb.facts.filter((f) => f.status === 'draft')).toHaveLength(8);
    expect(engine.facts.some((f) => f.articleId === ID)).toBe(false);
    for (const q of [
      'How many hectares were allocated in Alborz Industrial City?',
      'Qazvin University incubator',
    ]) {
      const a = engine.answer(q);
      expect(a.citations.map((c) => c.articleId)).not.toContain(ID);
    }
  });

  it('takes the id from --id', () => {
    const dir = copyFixtureKb('kb-add-');
    expect(add([FIXTURE, '--dir', dir, '--id', 'qazvin-park']).code).toBe(0);
    expect(existsSync(join(dir, 'articles', 'qazvin-park.txt'))).toBe(true);
    expect(readKnowledgeBase(dir).kb.facts.some((f) => f.id === 'qazvin-park-draft-1')).toBe(true);
  });

  it('refuses to overwrite an existing article', () => {
    const dir = copyFixtureKb('kb-add-');
    expect(add([FIXTURE, '--dir', dir]).code).toBe(0);
    const before = readFileSync(join(dir, 'facts', `${ID}.yaml`), 'utf8');
    const again = add([FIXTURE, '--dir', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists.*nothing written/);
    expect(readFileSync(join(dir, 'facts', `${ID}.yaml`), 'utf8')).toBe(before);

    const existing = add([FIXTURE, '--dir', dir, '--id', 'fixture-georgia-mou']);
    expect(existing.code).toBe(1);
    expect(existing.err).toMatch(/article "fixture-georgia-mou" already exists/);
  });

  it('refuses a target path that is a symbolic link, dangling or not, and writes nothing', () => {
    for (const [name, exists] of [
      [`articles/${ID}.txt`, false],
      [`articles/${ID}.yaml`, true],
      [`facts/${ID}.yaml`, false],
    ] as const) {
      const dir = copyFixtureKb('kb-add-');
      const outside = join(mkdtempSync(join(tmpdir(), 'kb-add-outside-')), 'planted');
      if (exists) writeFileSync(outside, 'not yours');
      symlinkSync(outside, join(dir, name));
      const count = fileCount(dir);

      const r = add([FIXTURE, '--dir', dir]);
      expect(r.code, name).toBe(1);
      expect(r.err, name).toMatch(
        new RegExp(`${name.replace('.', '\\.')} is a symbolic link.*nothing written`),
      );
      expect(exists ? readFileSync(outside, 'utf8') : existsSync(outside), name).toBe(
        exists ? 'not yours' : false,
      );
      expect(fileCount(dir), name).toBe(count);
      expect(lstatSync(join(dir, name)).isSymbolicLink(), name).toBe(true);
    }
  });

  it('refuses a folder that leads out of the knowledge folder, and writes nothing', () => {
    const dir = copyFixtureKb('kb-add-');
    const outside = mkdtempSync(join(tmpdir(), 'kb-add-outside-'));
    renameSync(join(dir, 'facts'), join(outside, 'facts'));
    symlinkSync(join(outside, 'facts'), join(dir, 'facts'));
    const count = fileCount(dir);

    const r = add([FIXTURE, '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/facts leads out of the knowledge folder.*nothing written/);
    expect(fileCount(dir)).toBe(count);
    expect(existsSync(join(outside, 'facts', `${ID}.yaml`))).toBe(false);
  });

  it('rejects bad input with a clear message and writes nothing', () => {
    const dir = copyFixtureKb('kb-add-');
    const count = fileCount(dir);
    const empty = join(mkdtempSync(join(tmpdir(), 'kb-add-in-')), 'empty.txt');
    writeFileSync(empty, '  \n\n');

    expect(add(['--dir', dir])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no article file given/),
    });
    expect(add([join(dir, 'missing.txt'), '--dir', dir])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/missing\.txt: no such file/),
    });
    expect(add([empty, '--dir', dir])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/is empty; nothing written/),
    });
    expect(add([FIXTURE, '--dir', dir, '--id', 'Not An Id'])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/kebab-case/),
    });
    expect(add([FIXTURE, '--dir', join(dir, 'nope')])).toMatchObject({
      code: 1,
      err: expect.stringMatching(/not a knowledge folder/),
    });
    expect(fileCount(dir)).toBe(count);
  });

  it('writes in the wording of the knowledge folder’s own templates', () => {
    const dir = withTemplates(copyFixtureKb('kb-add-'));
    const file = join(dir, 'templates', 'article.yaml');
    const docs = parseAllDocuments(readFileSync(file, 'utf8')) as Document[];
    (docs[0]?.get('source', true) as Scalar).comment = ' the file as received';
    writeFileSync(file, docs.map(String).join(''));
    expect(add([FIXTURE, '--dir', dir]).code).toBe(0);
    expect(readFileSync(join(dir, 'articles', `${ID}.yaml`), 'utf8')).toMatch(
      /^source: new-article\.txt # the file as received$/m,
    );
  });

  it('refuses with a message naming a broken template, and writes nothing', () => {
    const dir = withTemplates(copyFixtureKb('kb-add-'));
    writeFileSync(join(dir, 'templates', 'facts.yaml'), 'article: [unclosed\n');
    const count = fileCount(dir);
    const r = add([FIXTURE, '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/templates\/facts\.yaml does not parse: .*; nothing written/);
    expect(fileCount(dir)).toBe(count);
  });

  it('exits non-zero as a command on bad input', () => {
    const dir = copyFixtureKb('kb-add-');
    const r = spawnSync(
      process.execPath,
      ['scripts/run.mjs', 'kb-add', join(dir, 'missing.txt'), '--dir', dir],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
  });
});
