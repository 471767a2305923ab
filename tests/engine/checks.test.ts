import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Fact, KnowledgeBase } from '../../src/engine/types.ts';
import { miniKb } from '../helpers/mini-kb.ts';

/** The mini knowledge base with curated answer kinds on two facts. */
function curated(): KnowledgeBase {
  const kb = miniKb();
  const set = (id: string, extra: Partial<Fact>) => {
    const f = kb.facts.find((x) => x.id === id) as Fact;
    Object.assign(f, extra);
  };
  set('acme-mou', { gives: ['organisation', 'description'], places: [] });
  set('jane-doe', { gives: ['person', 'role'], places: [] });
  return kb;
}

const engine = new Engine(curated(), { places: ['widgetland', 'gizmoland'] });

function verdicts(question: string, factId: string) {
  const a = engine.answer(question, { explain: true });
  const c = a.trace?.candidates.find((x) => x.factId === factId);
  return c?.checks.filter((v) => v.verdict !== 'pass') ?? [];
}

/** A fact's check verdicts for a question, on an engine over this knowledge base. */
function checksIn(kb: KnowledgeBase, factId: string, places?: string[]) {
  const e = new Engine(kb, places ? { places } : {});
  return (question: string) =>
    e.answer(question, { explain: true }).trace?.candidates.find((c) => c.factId === factId)?.checks;
}

/** The acme-mou fact's checks for a question, with the fact given these `unsaid` entries. */
function acmeChecksWith(unsaid: NonNullable<Fact['unsaid']>) {
  const kb = curated();
  (kb.facts.find((f) => f.id === 'acme-mou') as Fact).unsaid = unsaid;
  return checksIn(kb, 'acme-mou');
}

describe('checks', () => {
  it('vetoes a curated fact that does not give the kind of answer asked for', () => {
    expect(verdicts('what did the acme corp memorandum with gizmo ltd say?', 'acme-mou')).toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'veto' }),
    );
  });

  it('vetoes a fact that names no place when asked where something was signed, and only weighs it down otherwise', () => {
    expect(verdicts('where did acme corp sign the memorandum with gizmo ltd?', 'acme-mou')).toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'veto' }),
    );
    expect(verdicts('where does the acme corp memorandum with gizmo ltd stand?', 'acme-mou')).toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'weight' }),
    );
  });

  it('vetoes a fact that names no place when asked which countries, and passes one naming a foreign country', () => {
    const kb = curated();
    (kb.facts.find((f) => f.id === 'acme-mou') as Fact).places = ['Gizmoland'];
    const checks = checksIn(kb, 'acme-mou', ['widgetland', 'gizmoland']);
    expect(checks('which countries did acme corp sign the memorandum with gizmo ltd in?')).not.toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'veto' }),
    );
    expect(
      verdicts('which countries did acme corp sign the memorandum with gizmo ltd in?', 'acme-mou'),
    ).toContainEqual(expect.objectContaining({ check: 'answer-type', verdict: 'veto' }));
  });

  it('vetoes a dated fact that names no weekday when asked on which day of the week, and passes one that does', () => {
    const kb = curated();
    const dated = (id: string, answer: string): Fact => ({
      ...(kb.facts.find((f) => f.id === 'acme-mou') as Fact),
      id,
      answer,
      quote: answer,
      gives: ['date', 'organisation'],
      date: '2021-04-06',
    });
    kb.facts.push(
      dated('acme-dated', 'Acme Corp signed the gizmo pact on 6 April 2021.'),
      dated('acme-weekday', 'Acme Corp signed the gizmo pact on Tuesday, 6 April 2021.'),
    );
    const q = 'on which day of the week did acme corp sign the gizmo pact?';
    expect(checksIn(kb, 'acme-dated')(q)).toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'veto' }),
    );
    expect(checksIn(kb, 'acme-weekday')(q)).not.toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'veto' }),
    );
  });

  it('vetoes a title whose own words the fact does not give it, though they are elsewhere in the question', () => {
    const vetoed = expect.objectContaining({ check: 'title', verdict: 'veto' });
    expect(
      verdicts('who is the robot council head at the widget council meeting?', 'jane-doe'),
    ).toContainEqual(vetoed);
    expect(
      verdicts('who is the widget council head at the robot trade meeting?', 'jane-doe'),
    ).not.toContainEqual(vetoed);
  });

  it('vetoes a fact covering other months than the year asked about, and passes one covering them', () => {
    const kb = curated();
    const f = kb.facts.find((x) => x.id === 'factories-2020') as Fact;
    f.span = { from: '2020-03', to: '2021-03' };
    const checks = checksIn(kb, 'factories-2020');
    const vetoed = { check: 'period-and-figures', verdict: 'veto' };
    expect(checks('how many widget factories in the year that ended in march 2020?')).toContainEqual(
      expect.objectContaining(vetoed),
    );
    expect(checks('how many widget factories in the year that began in march 2020?')).not.toContainEqual(
      expect.objectContaining(vetoed),
    );
  });

  it('vetoes a fact covering part of a year asked about whole', () => {
    const kb = curated();
    (kb.facts.find((x) => x.id === 'factories-2020') as Fact).span = { from: '2020-03', to: '2020-12' };
    expect(checksIn(kb, 'factories-2020')('how many widget factories in all of 2020?')).toContainEqual(
      expect.objectContaining({ check: 'period-and-figures', verdict: 'veto' }),
    );
  });

  it('weighs down a fact that gives a kind close to the one asked for (a count for "how much"), without vetoing it', () => {
    const kb = curated();
    const checks = checksIn(kb, 'factories-2021');
    expect(checks('how much did widgetland spend on widget factories?')).toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'weight' }),
    );
    expect(checks('how many widget factories does widgetland have?')).not.toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'weight' }),
    );
  });

  it('vetoes a fact that names no place when asked at what kind of event something was signed', () => {
    expect(
      verdicts('at what kind of event did acme corp sign the memorandum with gizmo ltd?', 'acme-mou'),
    ).toContainEqual(expect.objectContaining({ check: 'answer-type', verdict: 'veto' }));
  });

  it('vetoes a statement asked for by an office the fact’s speaker does not hold', () => {
    const kb = curated();
    kb.facts.push({
      ...(kb.facts.find((f) => f.id === 'jane-doe') as Fact),
      id: 'jane-doe-says',
      gives: ['statement'],
      answer: 'Jane Doe said widgets matter to the Widget Council.',
      speaker: 'Jane Doe',
    });
    const checksOf = checksIn(kb, 'jane-doe-says');
    expect(checksOf('what did the deputy minister say about widgets?')).toContainEqual(
      expect.objectContaining({ check: 'speaker', verdict: 'veto' }),
    );
    expect(checksOf('what did the widget council head say about widgets?')).toContainEqual(
      expect.objectContaining({ check: 'speaker', verdict: 'pass' }),
    );
  });

  it('vetoes a fact for a year it does not concern', () => {
    expect(verdicts('how many widget factories were there in 2019', 'factories-2021')).toContainEqual(
      expect.objectContaining({ check: 'period-and-figures', verdict: 'veto' }),
    );
  });

  it('takes a number in the question as the fact’s figure rounded or cut short', () => {
    const kb = curated();
    Object.assign(kb.facts.find((f) => f.id === 'factories-2021') as Fact, {
      figures: [{ value: 120.4, unit: 'thousand widget factories' }],
      answer: 'Widgetland had 120.4 thousand widget factories in May 2021.',
      quote: 'Widgetland has 120.4 thousand widget factories.',
    });
    const checksOf = checksIn(kb, 'factories-2021');
    expect(checksOf('when were there 120 widget factories?')).toContainEqual(
      expect.objectContaining({ check: 'period-and-figures', verdict: 'pass' }),
    );
    expect(checksOf('when were there 150 widget factories?')).toContainEqual(
      expect.objectContaining({ check: 'period-and-figures', verdict: 'veto' }),
    );
  });

  it('vetoes a fact that does not mention the country asked about', () => {
    expect(verdicts('how many widget factories does gizmoland have', 'factories-2021')).toContainEqual(
      expect.objectContaining({ check: 'place', verdict: 'veto' }),
    );
  });

  it('does not read a country named as an owner in a scene-setting clause as the thing asked about', () => {
    const kb = curated();
    (kb.articles[0] as { text: string }).text += '\nGizmoland hosted the signing.';
    const checksOf = checksIn(kb, 'factories-2021', ['widgetland', 'gizmoland']);
    expect(
      checksOf("at the signing with gizmoland's minister, how many widget factories are there?"),
    ).toContainEqual(expect.objectContaining({ check: 'place', verdict: 'pass' }));
    expect(checksOf("how many of gizmoland's widget factories are there?")).toContainEqual(
      expect.objectContaining({ check: 'place', verdict: 'veto' }),
    );
  });

  it('vetoes a fact curated as about another country only when the question names the home country', () => {
    const kb = curated();
    kb.about = { ...kb.about, homeCountry: 'Gizmoland' };
    const checksOf = checksIn(kb, 'factories-2021', ['widgetland', 'gizmoland']);
    expect(checksOf('how many widget factories does gizmoland have')).toContainEqual(
      expect.objectContaining({ check: 'place', verdict: 'veto' }),
    );
    expect(checksOf('how many widget factories are there')).toContainEqual(
      expect.objectContaining({ check: 'place', verdict: 'pass' }),
    );
  });

  it('vetoes a fact whose only figure is the one the question already names', () => {
    expect(
      verdicts('how many of the 120 widget factories are in widgetland', 'factories-2021'),
    ).toContainEqual(expect.objectContaining({ check: 'answer-type', verdict: 'veto' }));
  });

  it('vetoes a role where the question asks for the name of the person holding it', () => {
    const kb = curated();
    (kb.facts.find((f) => f.id === 'jane-doe') as Fact).gives = ['role'];
    const a = new Engine(kb).answer('what is the name of the head of the widget council', { explain: true });
    expect(a.trace?.candidates.find((c) => c.factId === 'jane-doe')?.checks).toContainEqual(
      expect.objectContaining({ check: 'answer-type', verdict: 'veto' }),
    );
  });

  it('vetoes a fact whose only hold on the asked attribute is a search keyword', () => {
    // acme-mou has "deal" among its keywords: "the deal of …" is no attribute the fact states.
    expect(verdicts('what is the deal of acme corp with gizmo ltd', 'acme-mou')).toContainEqual(
      expect.objectContaining({ check: 'asked-attribute', verdict: 'veto' }),
    );
  });

  it('vetoes a fact only its article places when the question names the place as the owner', () => {
    const kb = curated();
    kb.about = { ...kb.about, homeCountry: 'Gizmoland' };
    // The 60 percent fact, made to name no country; its article is about Widgetland.
    Object.assign(kb.facts.find((f) => f.id === 'export-share-60') as Fact, {
      answer: 'Widgets make up 60 percent of exports.',
      places: [],
    });
    const checksOf = checksIn(kb, 'export-share-60', ['widgetland', 'gizmoland']);
    expect(checksOf('what share of widgetland’s exports are widgets')).toContainEqual(
      expect.objectContaining({ check: 'place', verdict: 'veto' }),
    );
    expect(checksOf('in the widgetland story what share of exports are widgets')).not.toContainEqual(
      expect.objectContaining({ check: 'place', verdict: 'veto' }),
    );
  });

  it('vetoes a fact that mentions the thing a question asks to identify when the material leaves it unsaid', () => {
    const checksOf = acmeChecksWith([{ mention: 'robot trade', what: 'which robots', asks: ['list'] }]);
    expect(checksOf('which robot trade did acme corp agree on with gizmo ltd?')).toContainEqual(
      expect.objectContaining({
        check: 'unsaid',
        verdict: 'veto',
        reason: 'the material does not say which robots',
      }),
    );
  });

  it('vetoes a fact whose unsaid entry names the kind of answer asked about the thing', () => {
    const checksOf = acmeChecksWith([
      { mention: 'memorandum of understanding', what: 'when it was signed', asks: ['date'] },
    ]);
    expect(checksOf('when was the acme memorandum of understanding signed?')).toContainEqual(
      expect.objectContaining({ check: 'unsaid', verdict: 'veto' }),
    );
  });

  it('passes a question that names an unnamed party as its subject but asks who else', () => {
    const checksOf = acmeChecksWith([
      { mention: 'Acme Corp', what: 'who signed for Acme Corp', asks: ['person'] },
    ]);
    expect(checksOf('who did acme corp sign a memorandum with?')).toContainEqual(
      expect.objectContaining({ check: 'unsaid', verdict: 'pass' }),
    );
    expect(checksOf('who was the acme corp signatory of the memorandum?')).toContainEqual(
      expect.objectContaining({ check: 'unsaid', verdict: 'veto' }),
    );
  });

  it('passes a fact whose unsaid entry is about another kind of answer than the one asked', () => {
    const checksOf = acmeChecksWith([{ mention: 'robot trade', what: 'which robots', asks: ['list'] }]);
    expect(checksOf('what did acme corp sign with gizmo ltd on robot trade?')).toContainEqual(
      expect.objectContaining({ check: 'unsaid', verdict: 'pass' }),
    );
  });

  it('vetoes a fact a question attributes to a person the material names when the fact is not theirs', () => {
    const kb = curated();
    (kb.facts.find((f) => f.id === 'jane-doe') as Fact).people = [{ name: 'Jane Doe', role: 'head' }];
    const e = new Engine(kb);
    const checksOf = (q: string, id: string) =>
      e.answer(q, { explain: true }).trace?.candidates.find((c) => c.factId === id)?.checks;
    expect(
      checksOf('how many widget factories are there, according to jane doe?', 'factories-2021'),
    ).toContainEqual(expect.objectContaining({ check: 'speaker', verdict: 'veto' }));
    expect(checksOf('who heads the widget council, according to jane doe?', 'jane-doe')).toContainEqual(
      expect.objectContaining({ check: 'speaker', verdict: 'pass' }),
    );
  });

  it('passes a curated fact that gives what was asked', () => {
    expect(verdicts('who is the head of the widget council', 'jane-doe')).toEqual([]);
  });
});
