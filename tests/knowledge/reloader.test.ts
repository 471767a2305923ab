import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnowledgeBaseError } from '../../src/knowledge/load.ts';
import { KnowledgeReloader, debounce } from '../../src/knowledge/reloader.ts';
import type { ReloadResult } from '../../src/knowledge/reloader.ts';
import { createLogger } from '../../src/logger.ts';
import { FACTS_YAML, writeKbDir } from '../helpers/kb-dir.ts';

const NEW_FACT = `  - id: council-meetings
    answer: The Widget Council meets every spring in the capital city of Widgetland.
    questions: [When does the Widget Council meet?]
    gives: [date, place]
    places: [Widgetland]
    quote: The council meets every spring in the capital city.
`;
const DRAFT_FACT = `  - id: council-draft
    status: draft
    answer: A draft about the Widget Council that no one has reviewed yet.
    questions: [What is the draft about the council?]
    quote: The council meets every spring in the capital city.
`;
const COUNCIL_QUESTION = 'When does the Widget Council meet?';

const dirs: string[] = [];
function kbDir(overrides: Record<string, string> = {}): string {
  const dir = writeKbDir(overrides);
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('KnowledgeReloader', () => {
  it('loads the folder when it is not given an engine, and refuses a broken one at start', () => {
    const reloader = new KnowledgeReloader(kbDir());
    expect(reloader.engine.facts.map((f) => f.id)).toEqual(['widget-factories', 'jane-doe']);
    expect(() => new KnowledgeReloader(kbDir({ 'facts/widgets.yaml': 'facts: [' }))).toThrow(
      KnowledgeBaseError,
    );
  });

  it('swaps in a new engine on a good reload, which answers the new fact, and counts what it loaded', () => {
    const dir = kbDir();
    const reloader = new KnowledgeReloader(dir);
    const before = reloader.engine;
    expect(before.answer(COUNCIL_QUESTION).factIds).not.toContain('council-meetings');

    appendFileSync(join(dir, 'facts/widgets.yaml'), NEW_FACT + DRAFT_FACT);
    const result = reloader.reload();

    expect(result).toMatchObject({ ok: true, articles: 1, facts: 3, drafts: 1 });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(reloader.engine).not.toBe(before);
    const answer = reloader.engine.answer(COUNCIL_QUESTION);
    expect(answer.status).toBe('answered');
    expect(answer.factIds).toEqual(['council-meetings']);
  });

  it('keeps the last good engine when the folder is broken, and reports each problem with file, fact and field', () => {
    const dir = kbDir();
    const reloader = new KnowledgeReloader(dir);
    const good = reloader.engine;
    const factsFile = join(dir, 'facts/widgets.yaml');
    // A fact with no answer (schema) and one whose quote is not in the article.
    writeFileSync(
      factsFile,
      FACTS_YAML +
        '  - id: no-answer\n    questions: [Anything?]\n    quote: Widgetland has 120 widget factories.\n',
    );

    const result = reloader.reload();

    expect(result.ok).toBe(false);
    if (result.ok) return;
    // The file fails its schema, so its article is left without facts too.
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(/facts\/widgets\.yaml$/),
        factId: 'no-answer',
        field: 'answer',
      }),
    );
    expect(reloader.engine).toBe(good);
    expect(reloader.engine.answer('How many widget factories are there?').factIds).toEqual([
      'widget-factories',
    ]);

    // A quote not found verbatim is reported on its field too; fixing the file then reloads.
    writeFileSync(factsFile, FACTS_YAML.replace('quote: Jane Doe is', 'quote: Jane Doe was'));
    const quote = reloader.reload();
    expect(quote.ok ? [] : quote.problems).toEqual([
      expect.objectContaining({ factId: 'jane-doe', field: 'quote' }),
    ]);
    writeFileSync(factsFile, FACTS_YAML);
    expect(reloader.reload().ok).toBe(true);
    expect(reloader.engine).not.toBe(good);
  });

  it('keeps the engine when the folder cannot be read at all', () => {
    const dir = kbDir();
    const reloader = new KnowledgeReloader(dir);
    const good = reloader.engine;
    rmSync(join(dir, 'articles'), { recursive: true });
    const result = reloader.reload();
    expect(result.ok).toBe(false);
    expect(reloader.engine).toBe(good);
  });
});

describe('debounce', () => {
  it('calls once, the given time after the last of a burst of calls, and can be cancelled', () => {
    vi.useFakeTimers();
    const fn = vi.fn();
    const d = debounce(fn, 300);
    d();
    vi.advanceTimersByTime(200);
    d();
    vi.advanceTimersByTime(200);
    d();
    vi.advanceTimersByTime(299);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);

    d();
    d.cancel();
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('watching the knowledge folder', () => {
  it('reloads once after a burst of edits, logs the outcome, and stops when asked', async () => {
    const dir = kbDir();
    const reloader = new KnowledgeReloader(dir);
    const logs: string[] = [];
    const results: ReloadResult[] = [];
    let notify = () => {};
    const stop = reloader.watch({
      logger: createLogger('info', (l) => logs.push(l)),
      debounceMs: 80,
      onReload: (r) => {
        results.push(r);
        notify();
      },
    });
    try {
      const reloaded = new Promise<void>((resolve) => (notify = resolve));
      const factsFile = join(dir, 'facts/widgets.yaml');
      appendFileSync(factsFile, NEW_FACT);
      writeFileSync(join(dir, 'topics.yaml'), 'topics: []\n');
      writeFileSync(factsFile, readFileSync(factsFile, 'utf8'));
      await reloaded;
      await new Promise((r) => setTimeout(r, 200)); // no second reload follows the burst
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ ok: true, facts: 3 });
      expect(reloader.engine.answer(COUNCIL_QUESTION).factIds).toEqual(['council-meetings']);

      const failed = new Promise<void>((resolve) => (notify = resolve));
      writeFileSync(factsFile, 'facts: [');
      await failed;
      expect(results[1]?.ok).toBe(false);
      expect(reloader.engine.answer(COUNCIL_QUESTION).factIds).toEqual(['council-meetings']);
      const lines = logs.map((l) => JSON.parse(l) as { msg: string; problems?: string[] });
      expect(lines.map((l) => l.msg)).toEqual([
        'watching the knowledge base',
        'knowledge base reloaded',
        'knowledge base reload failed; still serving the last good one',
      ]);
      expect(lines[2]?.problems?.[0]).toMatch(/facts\/widgets\.yaml: does not parse/);
    } finally {
      stop();
    }
    writeFileSync(join(dir, 'topics.yaml'), 'topics: []\n');
    await new Promise((r) => setTimeout(r, 200));
    expect(results).toHaveLength(2);
  });
});
