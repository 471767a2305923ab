import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { FEATURES } from '../../src/engine/decide.ts';
import type { Fact } from '../../src/engine/types.ts';
import { miniKb } from '../helpers/mini-kb.ts';

/** The decision's inputs for the candidate answered with (or refused as best). */
function decideFeatures(question: string): number[] | undefined {
  return new Engine(miniKb()).answer(question, { explain: true }).trace?.decision.features;
}

describe('decide', () => {
  it('counts a word only the fact’s article holds as context that supports the match, without a model', () => {
    const withContext = new Engine(miniKb(), { contextWeight: 0.6, model: null });
    const without = new Engine(miniKb(), { contextWeight: 0, model: null });
    // "robot" is in the article's text but not in the Jane Doe fact.
    const q = 'who heads the widget council in the robot trade story';
    expect(withContext.answer(q).confidence ?? 0).toBeGreaterThan(without.answer(q).confidence ?? 0);
  });

  it('counts a common English word the material never uses for little', () => {
    const everyday = ['weather', 'honestly', 'running'];
    const engine = new Engine(miniKb(), { everyday, fillerWeight: 0.1 });
    const strict = new Engine(miniKb(), { everyday, fillerWeight: 1 });
    const q = 'honestly who heads the widget council';
    expect(engine.answer(q).confidence ?? 0).toBeGreaterThan(strict.answer(q).confidence ?? 0);
  });

  it('refuses when no candidate reaches the threshold, and the trace says why', () => {
    const a = new Engine(miniKb()).answer('what is the weather on mars', { explain: true });
    expect(a.status).toBe('no_match');
    expect(a.trace?.decision.action).toBe('refuse');
    expect(a.trace?.decision.reason).not.toBe('');
  });

  it('is less confident in a fact when one that matched the question better was vetoed', () => {
    // Jane Doe's fact gives no share: the export-share fact left matched less of the question.
    const a = decideFeatures('who heads the widget council');
    const b = decideFeatures('what share of widget exports does jane doe of the widget council head');
    expect(a?.at(-1)).toBe(0);
    expect(b?.at(-1) ?? 0).toBeGreaterThan(0);
  });

  it('gives the model how many of the question’s words the fact holds', () => {
    const short = decideFeatures('widget council head');
    const long = decideFeatures('who is jane doe, the head of the widget council');
    expect(long?.[FEATURES.indexOf('held')] ?? 0).toBeGreaterThan(short?.[FEATURES.indexOf('held')] ?? 0);
  });

  it('counts the words that pointed at the article for a fact that holds them', () => {
    const held = (q: string) => decideFeatures(q)?.[FEATURES.indexOf('held')] ?? 0;
    // "widgetland" names the article (its title) and is in the factories fact.
    expect(held('in the widgetland article, how many widget factories')).toBeGreaterThan(
      held('how many widget factories'),
    );
  });

  it('counts a word for a fact that writes out in full the name it heads ("the council")', () => {
    const kb = miniKb();
    kb.aliases.push({ canonical: 'wcouncil', variants: ['Widget Council'] });
    const jane = kb.facts.find((f) => f.id === 'jane-doe') as Fact;
    // Another fact says "the council" alone, so the word is in the material's vocabulary.
    kb.facts.push({
      ...jane,
      id: 'council-met',
      answer: 'The council met in May.',
      quote: 'The council met.',
      questions: ['When did the council meet?'],
      keywords: [],
      entities: [],
      gives: ['date'],
    });
    // Jane Doe's fact writes "the Widget Council", indexed as one name ("wcouncil").
    const candidates = new Engine(kb).answer('who is jane doe of the council', {
      explain: true,
    }).trace?.candidates;
    const features = candidates?.find((c) => c.factId === 'jane-doe')?.features;
    expect(features?.[FEATURES.indexOf('fact')]).toBeCloseTo(1, 2);
  });

  it('counts a scene-setting clause the fact’s article holds as no loss for the fact', () => {
    // "robot trade" is in the article (the Acme fact), not in Jane Doe's fact.
    const f = decideFeatures('at the robot trade signing, who heads the widget council?');
    expect(f?.[FEATURES.indexOf('fact')]).toBeCloseTo(1, 2);
    expect(f?.[FEATURES.indexOf('context')]).toBe(0);
  });

  it('counts a word carried over from an earlier part of a compound question as no loss for the fact', () => {
    const engine = new Engine(miniKb());
    const q = engine.analyse('and who heads it?', 'what does the widget council say about robot trade');
    expect(q.carried).toContain('robot');
    const parts = engine.answer('what does the widget council say about robot trade, and who heads it?', {
      explain: true,
    }).trace?.parts;
    // The second part was answered as read with the first part's words, which the fact lacks.
    expect(parts?.[1]?.query.words).toContain('robot');
    const features = parts?.[1]?.candidates.find((c) => c.factId === 'jane-doe')?.features;
    expect(features?.[FEATURES.indexOf('fact')]).toBeCloseTo(1, 2);
  });

  it('judges more than the dozen best-retrieved facts, so one ranked below many that cannot answer still answers', () => {
    const kb = miniKb();
    const answering = kb.facts.find((f) => f.id === 'factories-2021') as Fact;
    // Fifteen facts whose curated question is the question itself, so they retrieve first, but
    // which give no count.
    const q = 'how many widget factories in total does widgetland have';
    const decoys: Fact[] = Array.from({ length: 15 }, (_, i) => ({
      ...answering,
      id: `decoy-${i}`,
      gives: ['description'],
      figures: [],
      questions: [q],
    }));
    kb.facts = [...decoys, ...kb.facts];
    const a = new Engine(kb).answer(q);
    expect(a.status).toBe('answered');
    expect(a.facts[0]?.id).toBe('factories-2021');
  });

  it('reports the confidence of the answer it gives', () => {
    const a = new Engine(miniKb()).answer('who heads the widget council');
    expect(a.status).toBe('answered');
    expect(a.confidence).toBeGreaterThanOrEqual(0.74);
  });
});
