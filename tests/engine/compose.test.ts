import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import type { Fact, KnowledgeBase } from '../../src/engine/types.ts';
import { miniKb } from '../helpers/mini-kb.ts';

function withAgreement() {
  const kb = miniKb();
  const f = kb.facts.find((x) => x.id === 'acme-mou') as Fact;
  f.agreement = { kind: 'MOU', parties: ['Acme Corp', 'Gizmo Ltd'], subject: 'robot trade', date: '2021-04' };
  return new Engine(kb);
}

/** A fact made from the mini knowledge base's Jane Doe fact: its answer is its quote. */
function likeJaneDoe(
  kb: KnowledgeBase,
  fact: Partial<Fact> & Pick<Fact, 'id' | 'answer' | 'questions'>,
): Fact {
  return { ...(kb.facts.find((x) => x.id === 'jane-doe') as Fact), quote: fact.answer, ...fact };
}

describe('compose', () => {
  it('puts in a timeline an earlier event an article reports, not only its main event', () => {
    // The article (May 2021) opens with its 2021 count and also reports the 2020 count.
    const a = new Engine(miniKb()).answer('put the events in time order');
    expect(a.kind).toBe('list');
    expect(a.factIds[0]).toBe('factories-2020');
    expect(a.factIds).toContain('factories-2021');
    expect(a.answer).toMatch(/^In time order:\n• 2020: In 2020 Widgetland had 80 widget factories\./);
  });

  it('sums up a subject the material groups as a topic by that topic’s statements in its article', () => {
    const kb = miniKb();
    const article = kb.articles[0] as KnowledgeBase['articles'][number];
    article.text += '\n\nThe gizmo fair opened in spring. The gizmo fair drew crowds. Taxes rose.';
    kb.topics.push({ id: 'gizmo-fair', title: 'The gizmo fair', kind: 'related' });
    const said = (id: string, quote: string, topic?: string): Fact =>
      likeJaneDoe(kb, { id, answer: quote, questions: [quote], quote, ...(topic ? { topic } : {}) });
    kb.facts.push(
      said('fair-opened', 'The gizmo fair opened in spring.', 'gizmo-fair'),
      said('fair-crowds', 'The gizmo fair drew crowds.', 'gizmo-fair'),
      said('taxes', 'Taxes rose.'),
    );
    const a = new Engine(kb).answer('tl;dr on the gizmo fair');
    expect(a.answer).toMatch(/^The gizmo fair, from “Widgetland in numbers”/);
    expect(a.factIds).toEqual(['fair-opened', 'fair-crowds']);
  });

  it('sums up what a speaker said when the gist asked for is of their remarks', () => {
    const kb = miniKb();
    const article = kb.articles[0] as KnowledgeBase['articles'][number];
    article.text += '\n\nThe gizmo fair opened in spring. Gizmos sell well abroad. Taxes rose.';
    const said = (id: string, quote: string): Fact =>
      likeJaneDoe(kb, {
        id,
        answer: `In her remarks, Jane Doe said: ${quote}`,
        questions: [quote],
        quote,
        speaker: 'Jane Doe',
        gives: ['statement'],
      });
    kb.facts.push(
      said('fair-opened', 'The gizmo fair opened in spring.'),
      said('gizmos-abroad', 'Gizmos sell well abroad.'),
      likeJaneDoe(kb, {
        id: 'taxes',
        answer: 'Taxes rose.',
        questions: ['Taxes rose.'],
        quote: 'Taxes rose.',
      }),
    );
    const a = new Engine(kb).answer("what's the gist of jane doe's remarks on the gizmo fair?");
    expect(a.answer).toMatch(/^What Jane Doe said, from “Widgetland in numbers”/);
    expect(a.factIds).toEqual(expect.arrayContaining(['fair-opened', 'gizmos-abroad']));
    expect(a.factIds).not.toContain('taxes');
  });

  it('leads the gist of a subject with the fact that names it, though another of its topic quotes the same words', () => {
    const kb = miniKb();
    const article = kb.articles[0] as KnowledgeBase['articles'][number];
    article.text += '\n\nThe gizmo plan has 100 steps. It is mainly about roads.';
    kb.topics.push({ id: 'gizmo-plan', title: 'The gizmo plan', kind: 'related' });
    const said = (id: string, quote: string, answer: string): Fact =>
      likeJaneDoe(kb, { id, answer, questions: [answer], quote, topic: 'gizmo-plan' });
    kb.facts.push(
      said('plan-steps', 'The gizmo plan has 100 steps.', 'The gizmo plan has 100 steps.'),
      said(
        'plan-focus',
        'The gizmo plan has 100 steps. It is mainly about roads.',
        'The 100-step gizmo plan is mainly about roads.',
      ),
    );
    const a = new Engine(kb).answer("what's the gist of the 100-step gizmo plan?");
    expect(a.kind).toBe('summary');
    expect(a.factIds).toContain('plan-focus');
  });

  it('quotes the article’s own words for its date when asked where and when a story was published', () => {
    const kb = miniKb();
    const article = kb.articles[0] as KnowledgeBase['articles'][number];
    article.dateQuote = article.text.slice(0, 12);
    const a = new Engine(kb).answer('who published the widget council story?');
    expect(a.kind).toBe('source');
    expect(a.answer).toContain(`dated “${article.text.slice(0, 12)}” in its text`);
  });

  it('lists every agreement with its parties from the facts’ agreement data, each cited', () => {
    const a = withAgreement().answer('list every MOU and its partner');
    expect(a.kind).toBe('list');
    expect(a.answer).toMatch(/Acme Corp and Gizmo Ltd/);
    expect(a.factIds).toEqual(['acme-mou']);
  });

  it('lists agreements one party signed the same day on one subject as one line, citing a shared sentence once', () => {
    const kb = miniKb();
    const base = kb.facts.find((x) => x.id === 'acme-mou') as Fact;
    base.agreement = {
      kind: 'MOU',
      parties: ['Acme Corp', 'Gizmo Ltd'],
      subject: 'robot trade',
      date: '2021-04',
    };
    kb.facts.push({
      ...base,
      id: 'acme-mou-bolt',
      agreement: { ...base.agreement, parties: ['Acme Corp', 'Bolt Co'] },
    });
    const a = new Engine(kb).answer('list every MOU and its partner');
    expect(a.answer).toMatch(/2 MOUs between Acme Corp and each of: Gizmo Ltd; Bolt Co/);
    expect(a.factIds).toEqual(['acme-mou', 'acme-mou-bolt']);
    expect(a.citations).toHaveLength(1);
  });

  it('lists only the disagreements about what the question names, and none when no disagreement fits', () => {
    const engine = new Engine(miniKb());
    const shares = engine.answer('what different figures do the articles give for the export share?');
    expect(shares.answer).toMatch(/Export share/);
    const councils = engine.answer('what different figures do the articles give for the widget council?');
    expect(councils.answer).not.toMatch(/Export share/);
  });

  it('reads "differ between the articles" as part of asking for a disagreement, not what it is about', () => {
    const a = new Engine(miniKb()).answer('how do the factories differ between the articles?');
    expect(a.answer).toMatch(/Factory count/);
  });

  it('lists a figure that changed over time when the question asks for the different figures given for it', () => {
    const a = new Engine(miniKb()).answer(
      'what different numbers do the articles give for widget factories?',
    );
    expect(a.answer).toMatch(/Factory count/);
    expect(a.answer).not.toMatch(/Export share/);
  });

  it('names a part of a compound question the material does not answer as the asker put it', () => {
    const a = new Engine(miniKb()).answer('how many widget factories are there and who gave that figure?');
    expect(a.kind).toBe('compound');
    expect(a.answer).toMatch(/\n• who gave that figure\? The material does not say\.$/);
  });

  it('gives once an answer that answers two parts of a compound question', () => {
    const a = new Engine(miniKb()).answer('who signed the acme mou and who with?');
    expect(a.kind).toBe('compound');
    expect(a.answer).toBe(
      'Acme Corp signed a memorandum of understanding (MOU) with Gizmo Ltd on robot trade.',
    );
  });

  it('gives both answers of a compound question whose parts the same fact answers differently', () => {
    const a = new Engine(miniKb()).answer('what did acme corp sign and which outlet reported it?');
    expect(a.kind).toBe('compound');
    expect(a.answer).toMatch(
      /^• Acme Corp signed .*\n• That is reported in “Widgetland in numbers” — Widget Times/s,
    );
  });

  it('answers each part of a compound question, each cited', () => {
    const a = new Engine(miniKb()).answer(
      'who heads the widget council and how many widget factories are there?',
    );
    expect(a.kind).toBe('compound');
    expect(a.factIds).toEqual(expect.arrayContaining(['jane-doe', 'factories-2021']));
  });

  it('reads "he" or "she" in a later part as the person the first part’s answer names', () => {
    const kb = miniKb();
    kb.facts.push(
      likeJaneDoe(kb, {
        id: 'jane-doe-fair',
        gives: ['place'],
        answer: 'Jane Doe gave a talk at the Widget Fair.',
        questions: ['Where did Jane Doe give a talk?'],
        entities: ['Jane Doe'],
        speaker: 'Jane Doe',
      }),
    );
    const a = new Engine(kb).answer('who heads the widget council and where did she speak?');
    expect(a.factIds).toEqual(['jane-doe', 'jane-doe-fair']);
  });

  it('gives each of a speaker’s statements that would answer "what did X say" on its own, not only the best', () => {
    const kb = miniKb();
    const said = (id: string, answer: string, question: string): Fact =>
      likeJaneDoe(kb, { id, gives: ['statement'], answer, questions: [question], speaker: 'Jane Doe' });
    kb.facts.push(
      said('jane-says-vital', 'Jane Doe said widgets are vital.', 'What did Jane Doe say about widgets?'),
    );
    kb.facts.push(
      said('jane-says-everywhere', 'Jane Doe said widgets are everywhere.', 'Are widgets everywhere?'),
    );
    const a = new Engine(kb).answer('what did jane doe say about widgets?');
    expect(a.factIds).toEqual(expect.arrayContaining(['jane-says-vital', 'jane-says-everywhere']));
  });

  it('gives every fact of a related topic when the question asks for all of them', () => {
    const kb = miniKb();
    kb.topics.push({ id: 'council-programs', title: 'The Widget Council’s programs', kind: 'related' });
    const program = (id: string, answer: string, question: string): Fact =>
      likeJaneDoe(kb, {
        id,
        gives: ['description'],
        answer,
        questions: [question],
        topic: 'council-programs',
      });
    kb.facts.push(
      program(
        'council-training',
        'The Widget Council runs widget training programs.',
        'What programs does the Widget Council run?',
      ),
    );
    kb.facts.push(
      program(
        'council-fairs',
        'The Widget Council holds yearly fairs.',
        'Does the Widget Council hold fairs?',
      ),
    );
    const engine = new Engine(kb);
    expect(engine.answer('what are all the programs the widget council runs?').factIds).toEqual(
      expect.arrayContaining(['council-training', 'council-fairs']),
    );
    expect(engine.answer('what training programs does the widget council run?').factIds).toEqual([
      'council-training',
    ]);
  });

  it('gives every fact that would answer on its own, from any topic, when the question asks across the articles', () => {
    const kb = miniKb();
    const program = (id: string, topic: string, answer: string): Fact =>
      likeJaneDoe(kb, { id, gives: ['description'], answer, questions: [answer], topic });
    kb.topics.push({ id: 'training', title: 'Training', kind: 'related' });
    kb.topics.push({ id: 'fairs', title: 'Fairs', kind: 'related' });
    kb.facts.push(
      program('council-training', 'training', 'The Widget Council runs widget training programs.'),
    );
    kb.facts.push(program('council-fairs', 'fairs', 'The Widget Council runs widget fair programs.'));
    const engine = new Engine(kb);
    expect(engine.answer('which widget council programs are mentioned across the articles?').factIds).toEqual(
      expect.arrayContaining(['council-training', 'council-fairs']),
    );
  });

  it('leads a yes/no answer with "Yes." and its citation', () => {
    const a = new Engine(miniKb()).answer('did acme corp sign a memorandum with gizmo ltd?');
    expect(a.answer).toMatch(/^Yes\. /);
    expect(a.citations[0]?.quote).toMatch(/Acme Corp signed/);
  });

  it('answers a yes/no question about another year with what the material says, cited', () => {
    const a = new Engine(miniKb()).answer('did widgetland have 120 widget factories in 2019?');
    expect(a.status).toBe('answered');
    expect(a.answer).toMatch(/^Not according to the material: it gives nothing for 2019\. What it says: /);
    expect(a.citations[0]?.quote).toBe('Widgetland has 120 widget factories.');
  });

  it('answers a yes/no question about a country the material never names with what it does say', () => {
    const engine = new Engine(miniKb(), { places: ['widgetland', 'gizmoland', 'freedonia'] });
    const a = engine.answer('were widgets exported to freedonia?');
    expect(a.answer).toMatch(
      /^Not according to the material: it does not mention Freedonia\. What it says: /,
    );
    expect(a.citations[0]?.quote).toMatch(/percent of exports/);
  });

  it('refuses a plain question about another year instead of saying what the material says', () => {
    expect(new Engine(miniKb()).answer('how many widget factories did widgetland have in 2019?').status).toBe(
      'no_match',
    );
  });

  it('lists every foreign country the facts are about, without the home country or cities', () => {
    const kb = miniKb();
    kb.about = { ...kb.about, homeCountry: 'Iran' };
    (kb.facts.find((f) => f.id === 'acme-mou') as Fact).places = ['Iran', 'Armenia', 'Yerevan'];
    (kb.facts.find((f) => f.id === 'jane-doe') as Fact).places = ['Austria', 'Armenia'];
    const a = new Engine(kb).answer('list every foreign country mentioned in the articles');
    expect(a.kind).toBe('list');
    expect(a.answer).toBe('The material names 2 foreign countries:\n• Armenia\n• Austria');
    expect(a.factIds).toEqual(['acme-mou', 'jane-doe']);
  });

  it('gives both sides of a comparison the facts do not answer together', () => {
    const kb = miniKb();
    kb.facts = kb.facts.map((f) => ({ ...f, topic: undefined }));
    const a = new Engine(kb).answer('how many widget factories in 2020 vs 2021?');
    expect(a.factIds).toEqual(expect.arrayContaining(['factories-2020', 'factories-2021']));
  });

  it('says what the material does say when a check vetoes the closest fact', () => {
    const a = new Engine(miniKb()).answer('how many widget factories were there in 2019?');
    expect(a.status).toBe('no_match');
    expect(a.related?.id).toMatch(/^factories-/);
    expect(a.answer).toMatch(/What it does say/);
  });
});
