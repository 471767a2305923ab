import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/engine/render.ts';
import { compareDates, timelineEntries, timelinePages } from '../../src/onboarding/timeline.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';

const engine = fixtureEngine();
const entries = timelineEntries(engine);

describe('the timeline', () => {
  it('is sorted oldest first, with what nothing places last', () => {
    for (let i = 1; i < entries.length; i++) {
      expect(compareDates(entries[i - 1]!.sortDate, entries[i]!.sortDate)).toBeLessThanOrEqual(0);
    }
    expect(entries[0]!.factId).toBe('fixture-sanctions-2018');
    expect(entries.at(-1)!.sortDate).toBeNull();
  });

  it('cites every entry with the article title, outlet and date', () => {
    for (const e of entries) {
      const article = engine.articles.get(e.articleId)!;
      const date = article.date ? formatDate(article.date) : 'undated';
      expect(e.citation).toBe(`${article.title} — ${article.outlet}, ${date}`);
    }
  });

  it('places an undated article by the date its text implies and marks it undated', () => {
    const commodities = entries.find((e) => e.factId === 'fixture-exports-commodities')!;
    expect(commodities.undated).toBe(true);
    expect(commodities.sortDate).toBe('2019-12-21');
    expect(commodities.when).toMatch(/^\(undated; placed at 21 December 2019: /);
    const korea = entries.find((e) => e.factId === 'fixture-korea-mou-signed')!;
    expect(korea.undated).toBe(true);
    expect(korea.when).toBe('(undated; placed last: The text gives no year)');
    // A fact with its own date is dated even when its article is not.
    expect(entries.find((e) => e.factId === 'fixture-parks-900-aug-2019')!.undated).toBe(false);
  });

  it('leaves out introductions (who is who), which are not events', () => {
    expect(entries.map((e) => e.factId)).not.toContain('fixture-nouri-who');
  });

  it('fits in pages within the embed description limit, every entry shown once', () => {
    const pages = timelinePages(entries, 3800);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(3800);
    const bullets = pages
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('• '));
    expect(bullets).toHaveLength(entries.length);
    expect(pages[0]).toMatch(
      /^\*\*2018\*\* — \*Iranian SMEs export \$3\.4 billion in nine months \(March–December 2019\) — Fixture Times, undated\*/,
    );
  });
});
