import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DOMAIN_WORDS, generateKb, vocabularySize } from '../../src/bench/generate.ts';
import type { KnowledgeBase } from '../../src/engine/types.ts';
import { Rng, ZipfSampler } from '../../src/util/prng.ts';
import { toWords } from '../../src/text/tokenise.ts';
import { readKnowledgeBase } from '../../src/knowledge/load.ts';

/** Writes a knowledge base in the loader's file format (knowledge/). */
function writeKbFolder(kb: KnowledgeBase, dir: string): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  mkdirSync(join(dir, 'facts'), { recursive: true });
  for (const { text, ...meta } of kb.articles) {
    writeFileSync(join(dir, 'articles', `${meta.id}.txt`), text);
    writeFileSync(join(dir, 'articles', `${meta.id}.yaml`), stringify({ ...meta, source: `${meta.id}.txt` }));
  }
  for (const { id } of kb.articles) {
    const facts = kb.facts.filter((f) => f.articleId === id).map(({ articleId: _, ...f }) => f);
    writeFileSync(join(dir, 'facts', `${id}.yaml`), stringify({ article: id, facts }, { lineWidth: 0 }));
  }
  writeFileSync(join(dir, 'topics.yaml'), stringify({ topics: kb.topics }));
  writeFileSync(join(dir, 'aliases.yaml'), stringify({ groups: kb.aliases }));
  writeFileSync(join(dir, 'about.yaml'), stringify(kb.about));
}

describe('Rng (mulberry32)', () => {
  it('is deterministic per seed and stays in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Rng(43).next()).not.toBe(xs[0]);
    const r = new Rng(1);
    const ints = Array.from({ length: 2000 }, () => r.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
  });

  it('forks streams that do not depend on how much the parent drew', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });

  it('samples distinct items', () => {
    const picked = new Rng(3).sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(picked).size).toBe(4);
  });
});

describe('ZipfSampler', () => {
  it('makes low ranks common and high ranks rare, and respects a range', () => {
    const z = new ZipfSampler(1000);
    const rng = new Rng(9);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 50_000; i++) counts[z.draw(rng)]!++;
    expect(counts[0]!).toBeGreaterThan(20 * (counts[500] ?? 0) + 20);
    for (let i = 0; i < 1000; i++) {
      const r = z.draw(rng, 100, 200);
      expect(r).toBeGreaterThanOrEqual(100);
      expect(r).toBeLessThan(200);
    }
  });
});

describe('generateKb', () => {
  const { kb, vocabulary } = generateKb({ facts: 2000, seed: 7 });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateKb({ facts: 2000, seed: 7 });
    expect(JSON.stringify(again.kb)).toBe(JSON.stringify(kb));
    expect(JSON.stringify(generateKb({ facts: 2000, seed: 8 }).kb.facts[0])).not.toBe(
      JSON.stringify(kb.facts[0]),
    );
  });

  it('has the requested facts, one article per 50, unique kebab-case ids', () => {
    expect(kb.facts).toHaveLength(2000);
    expect(kb.articles).toHaveLength(40);
    const ids = new Set(kb.facts.map((f) => f.id));
    expect(ids.size).toBe(2000);
    for (const id of [...ids, ...kb.articles.map((a) => a.id)])
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(kb.aliases.length).toBeGreaterThanOrEqual(2);
  });

  it('gives every fact 3–5 questions, an answer, keywords, entities and a quote found in its article', () => {
    const articles = new Map(kb.articles.map((a) => [a.id, a]));
    for (const f of kb.facts) {
      expect(f.questions.length).toBeGreaterThanOrEqual(3);
      expect(f.questions.length).toBeLessThanOrEqual(5);
      expect(f.answer.length).toBeGreaterThanOrEqual(20);
      expect(f.keywords.length).toBeGreaterThanOrEqual(2);
      expect(f.entities.length).toBeGreaterThanOrEqual(1);
      expect(articles.get(f.articleId)?.text).toContain(f.quote);
    }
    expect(kb.facts.filter((f) => f.figures.length > 0).length).toBeGreaterThan(500);
  });

  it('grows its vocabulary with size, Zipf-like, with the shared domain words on top', () => {
    expect(vocabulary.length).toBe(vocabularySize(2000));
    expect(vocabularySize(100_000)).toBeGreaterThan(vocabularySize(10_000));
    expect(vocabularySize(10_000)).toBeGreaterThan(vocabularySize(1000));
    expect(vocabulary.slice(0, DOMAIN_WORDS.length)).toEqual([...DOMAIN_WORDS]);
    const counts = new Map<string, number>();
    for (const f of kb.facts)
      for (const w of new Set(toWords(f.quote))) counts.set(w, (counts.get(w) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    // A few words are in hundreds of facts, most in very few.
    expect(sorted[0]!).toBeGreaterThan(300);
    expect(sorted[Math.floor(sorted.length / 2)]!).toBeLessThanOrEqual(3);
  });

  it("makes facts distinguishable: no other fact has all of a fact's rarer question words", () => {
    const wordsOf = kb.facts.map((f) => new Set(f.questions.flatMap((q) => toWords(q))));
    const factsWith = new Map<string, number[]>();
    wordsOf.forEach((ws, i) => {
      for (const w of ws) factsWith.set(w, [...(factsWith.get(w) ?? []), i]);
    });
    wordsOf.forEach((ws, i) => {
      const rare = [...ws].filter((w) => (factsWith.get(w)?.length ?? 0) <= 12);
      expect(rare.length).toBeGreaterThanOrEqual(2);
      const sharing = rare
        .map((w) => new Set(factsWith.get(w)))
        .reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
      expect([...sharing]).toEqual([i]);
    });
  });

  it('makes the 10,000-fact knowledge base the benchmark measures, with unique fact ids', () => {
    const big = generateKb({ facts: 10_000, seed: 1 }).kb;
    expect(big.facts).toHaveLength(10_000);
    expect(new Set(big.facts.map((f) => f.id)).size).toBe(10_000);
    expect(big.articles).toHaveLength(200);
  });

  it('loads through the real loader with no problems when written in the file format', () => {
    const small = generateKb({ facts: 120, seed: 3 }).kb;
    const dir = mkdtempSync(join(tmpdir(), 'bench-gen-test-'));
    try {
      writeKbFolder(small, dir);
      const loaded = readKnowledgeBase(dir);
      expect(loaded.problems).toEqual([]);
      expect(loaded.kb.facts.map((f) => ({ ...f }))).toEqual(small.facts.map((f) => ({ ...f })));
      expect(loaded.kb.articles.map((a) => a.text)).toEqual(small.articles.map((a) => a.text));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
