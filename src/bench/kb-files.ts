/** Writes a knowledge base to a folder in the loader's file format (knowledge/), for load-time figures. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Fact, KnowledgeBase } from '../engine/types.ts';

export function writeKbFolder(kb: KnowledgeBase, dir: string): void {
  mkdirSync(join(dir, 'articles'), { recursive: true });
  mkdirSync(join(dir, 'facts'), { recursive: true });
  for (const a of kb.articles) {
    const { text, ...meta } = a;
    writeFileSync(join(dir, 'articles', `${a.id}.txt`), text);
    writeFileSync(join(dir, 'articles', `${a.id}.yaml`), stringify({ ...meta, source: `${a.id}.txt` }));
  }
  const byArticle = new Map<string, Omit<Fact, 'articleId'>[]>();
  for (const { articleId, ...fact } of kb.facts) {
    let list = byArticle.get(articleId);
    if (!list) byArticle.set(articleId, (list = []));
    list.push(fact);
  }
  for (const [article, facts] of byArticle) {
    writeFileSync(join(dir, 'facts', `${article}.yaml`), stringify({ article, facts }, { lineWidth: 0 }));
  }
  writeFileSync(join(dir, 'topics.yaml'), stringify({ topics: kb.topics }));
  writeFileSync(join(dir, 'aliases.yaml'), stringify({ groups: kb.aliases }));
  writeFileSync(join(dir, 'about.yaml'), stringify(kb.about));
}
