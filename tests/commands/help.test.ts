import { describe, expect, it } from 'vitest';
import { helpText } from '../../commands/help.ts';
import { countWords } from '../../src/engine/about.ts';
import { Engine } from '../../src/engine/engine.ts';
import { tourPages } from '../../src/onboarding/tour.ts';
import { miniKb, miniKbWithAgreements } from '../helpers/mini-kb.ts';

describe('/help', () => {
  it('counts the loaded articles and takes the subject from about.yaml, not from code', () => {
    const kb = miniKb();
    const text = helpText(new Engine(kb));
    expect(text).toContain('answers from one news article');
    expect(text).toContain(`ask anything about ${kb.about.subject}`);
    expect(text).not.toMatch(/five news articles/);
  });

  it('gives the number of pages the tour has', () => {
    const engine = new Engine(miniKb());
    const pages = tourPages(engine).length;
    expect(pages).toBeGreaterThan(0);
    expect(helpText(engine)).toContain(
      `tour of the material in ${countWords(pages)} page${pages === 1 ? '' : 's'}`,
    );
  });

  it('takes its /who and /mou examples from the material', () => {
    const text = helpText(new Engine(miniKbWithAgreements()));
    expect(text).toContain('`/who name:Jane Doe`');
    expect(text).toContain('`/mou partner:Gizmoland`');
  });
});
