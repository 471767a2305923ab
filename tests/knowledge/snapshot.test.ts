import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeBaseError, loadKnowledgeBase } from '../../src/knowledge/load.ts';
import {
  defaultCacheDir,
  loadKnowledgeBaseCached,
  openEngineCached,
  snapshotDirFor,
  snapshotKey,
} from '../../src/knowledge/snapshot.ts';
import { FIXTURE_KB_DIR } from '../helpers/fixture-kb.ts';
import { FACTS_YAML, writeKbDir } from '../helpers/kb-dir.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'kb-snapshot-'));

describe('knowledge snapshot', () => {
  it('loads the files the first time and the snapshot the second', async () => {
    const kbDir = writeKbDir();
    const cache = tempDir();
    expect((await loadKnowledgeBaseCached(kbDir, { dir: cache })).from).toBe('files');
    expect((await loadKnowledgeBaseCached(kbDir, { dir: cache })).from).toBe('snapshot');
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('gives exactly the knowledge base a full load gives, for a full knowledge base (the fixture)', async () => {
    const cache = tempDir();
    await loadKnowledgeBaseCached(FIXTURE_KB_DIR, { dir: cache });
    const cached = await loadKnowledgeBaseCached(FIXTURE_KB_DIR, { dir: cache });
    expect(cached.from).toBe('snapshot');
    expect(cached.kb).toEqual(loadKnowledgeBase(FIXTURE_KB_DIR));
  });

  it('reads the files again after a fact is edited, and serves the edit', async () => {
    const kbDir = writeKbDir();
    const cache = tempDir();
    await loadKnowledgeBaseCached(kbDir, { dir: cache });
    writeFileSync(join(kbDir, 'facts', 'widgets.yaml'), FACTS_YAML.replace('in 2021', 'in May 2021'));
    const after = await loadKnowledgeBaseCached(kbDir, { dir: cache });
    expect(after.from).toBe('files');
    expect(after.kb.facts[0]?.answer).toBe('Widgetland had 120 widget factories in May 2021.');
  });

  it('never snapshots a knowledge base with problems: every start reports them', async () => {
    const kbDir = writeKbDir({
      'facts/widgets.yaml': FACTS_YAML.replace('has 120 widget', 'has 121 widget'),
    });
    const cache = tempDir();
    await expect(loadKnowledgeBaseCached(kbDir, { dir: cache })).rejects.toBeInstanceOf(KnowledgeBaseError);
    expect(readdirSync(cache)).toEqual([]);
    await expect(loadKnowledgeBaseCached(kbDir, { dir: cache })).rejects.toBeInstanceOf(KnowledgeBaseError);
  });

  it('ignores a damaged snapshot and writes a good one in its place', async () => {
    const kbDir = writeKbDir();
    const cache = tempDir();
    const key = snapshotKey(kbDir);
    writeFileSync(join(cache, `${key}.json`), '{"format": 1, "kb": ');
    expect((await loadKnowledgeBaseCached(kbDir, { dir: cache })).from).toBe('files');
    expect((await loadKnowledgeBaseCached(kbDir, { dir: cache })).from).toBe('snapshot');
  });

  it('still starts when the snapshot folder cannot be written', async () => {
    // Below a regular file: no folder can be made there, not even by root.
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, '');
    const engine = await openEngineCached(writeKbDir(), { snapshot: { dir: join(blocker, 'cache') } });
    expect(engine.answer('Who is Jane Doe?').status).toBe('answered');
  });

  it('neither reads nor writes a snapshot when turned off', async () => {
    const kbDir = writeKbDir();
    expect((await loadKnowledgeBaseCached(kbDir, { dir: false })).from).toBe('files');
    expect((await loadKnowledgeBaseCached(kbDir, { dir: false })).from).toBe('files');
  });

  it('keys the snapshot by content, not by folder: a copy with the same files shares it', () => {
    expect(snapshotKey(writeKbDir())).toBe(snapshotKey(writeKbDir()));
    expect(snapshotKey(writeKbDir())).not.toBe(
      snapshotKey(writeKbDir({ 'articles/widgets.txt': 'Another text.' })),
    );
  });
});

describe('where snapshots are kept (CACHE_DIR)', () => {
  const savedTmpdir = process.env.TMPDIR;
  afterEach(() => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
  });

  it("uses <CACHE_DIR>/knowledge when set, and none when it is 'off'", () => {
    const cache = tempDir();
    expect(snapshotDirFor(cache)).toBe(join(cache, 'knowledge'));
    expect(snapshotDirFor(false)).toBe(false);
  });

  it("defaults to a private folder of this user's own in the OS temp dir, outside the project", () => {
    process.env.TMPDIR = tempDir(); // os.tmpdir() reads it
    const dir = snapshotDirFor(undefined);
    expect(dir).toBe(join(defaultCacheDir(), 'knowledge'));
    expect(defaultCacheDir().startsWith(process.env.TMPDIR)).toBe(true);
    expect(statSync(defaultCacheDir()).mode & 0o777).toBe(0o700);
  });

  it('keeps no snapshot in a default folder others can write to (one could plant a forged snapshot)', () => {
    process.env.TMPDIR = tempDir();
    mkdirSync(defaultCacheDir());
    chmodSync(defaultCacheDir(), 0o777);
    expect(snapshotDirFor(undefined)).toBe(false);
  });
});
