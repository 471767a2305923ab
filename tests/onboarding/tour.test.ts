import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { agreementGroups } from '../../src/onboarding/agreements.ts';
import { tourPages } from '../../src/onboarding/tour.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';
import { miniKb, miniKbWithAgreements } from '../helpers/mini-kb.ts';

const engine = fixtureEngine();

describe('the onboarding tour', () => {
  const pages = tourPages(engine);

  it('has five pages: people and bodies, agreements, figures, exports, disagreements', () => {
    expect(pages.map((p) => p.title)).toEqual([
      'The organisations and people',
      'The agreements (MOUs)',
      'The figures',
      'The export picture',
      'Where the material disagrees',
    ]);
  });

  it('gives every page a few facts, each from the knowledge base and cited with title, outlet and date', () => {
    for (const page of pages) {
      expect(page.items.length).toBeGreaterThanOrEqual(2);
      expect(page.items.length).toBeLessThanOrEqual(6);
      for (const item of page.items) {
        const fact = engine.fact(item.factId);
        expect(fact?.answer).toBe(item.text);
        const article = engine.articles.get(fact!.articleId)!;
        expect(item.citation).toContain(article.title);
        expect(item.citation).toContain(article.outlet);
        expect(item.citation).toMatch(/\d{4}$|undated$/);
      }
    }
  });

  it('chooses each page by entities, topics and figures', () => {
    const [people, agreements, figures, exportsPage, disagreements] = pages;
    expect(people!.items.map((i) => i.factId)).toContain('fixture-nouri-who');
    const topics = (ids: string[]) => new Set(ids.map((id) => engine.fact(id)!.topic));
    expect(topics(agreements!.items.map((i) => i.factId))).toEqual(
      new Set(['fixture-georgia-mou', 'fixture-korea-mou']),
    );
    for (const i of figures!.items) expect(engine.fact(i.factId)!.figures.length).toBeGreaterThan(0);
    // The newest count of industrial parks, not the 2020 or 2019 one.
    expect(figures!.items.map((i) => i.factId)).toContain('fixture-parks-1020');
    expect(figures!.items.map((i) => i.factId)).not.toContain('fixture-parks-960-2020');
    expect(exportsPage!.items.map((i) => i.factId)).toContain('fixture-exports-64-consortiums');
    expect(topics(disagreements!.items.map((i) => i.factId))).toContain('fixture-sme-share');
    expect(disagreements!.note).toContain('91 percent');
  });
});

describe('the tour’s agreements page', () => {
  it('comes from the facts’ agreement fields: every group, with its count, in any knowledge base', () => {
    const mini = new Engine(miniKbWithAgreements());
    const page = tourPages(mini).find((p) => p.title.startsWith('The agreements'))!;
    expect(page.title).toBe('The agreements');
    expect(page.intro).toBe(
      'The material reports four agreements in three groups: Agreement: Widget Council and ' +
        "Gizmoland's Trade Office; The Widget Council’s MOU day (two); MOU: Acme Corp and Gizmo Ltd.",
    );
    const groups = agreementGroups(mini);
    expect(page.items.map((i) => i.factId)).toEqual(
      groups.flatMap((g) => g.facts.slice(0, 2).map((f) => f.id)),
    );
  });

  it('is left out when the material reports no agreement', () => {
    const kb = miniKb();
    kb.facts = kb.facts.filter((f) => !f.agreement);
    expect(tourPages(new Engine(kb)).map((p) => p.title)).not.toContainEqual(
      expect.stringMatching(/agreements/),
    );
  });
});
