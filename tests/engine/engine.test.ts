import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const engine = new Engine(miniKb());

describe('Engine.answer', () => {
  it('answers a paraphrase with the right fact and its verbatim citation', () => {
    const a = engine.answer('widget council head');
    expect(a.status).toBe('answered');
    expect(a.factIds[0]).toBe('jane-doe');
    expect(a.citations[0]).toMatchObject({
      articleId: 'widgets',
      title: 'Widgetland in numbers',
      outlet: 'Widget Times',
      date: '2021-05-01',
      quote: 'Jane Doe is the head of the Widget Council.',
    });
  });

  it('answers a terse keyword query through an alias', () => {
    const a = engine.answer('acme memorandum');
    expect(a.status).toBe('answered');
    expect(a.factIds).toContain('acme-mou');
  });

  it('tolerates a misspelled word and says how it read it', () => {
    const a = engine.answer('Who is Jane Doe of the Widgit Council?');
    expect(a.factIds[0]).toBe('jane-doe');
    expect(a.corrections).toContainEqual({ from: 'widgit', to: 'widget' });
  });

  it('gives every fact of a trend topic together, newest first', () => {
    const a = engine.answer('how many widget factories are there');
    expect(a.kind).toBe('trend');
    expect(a.factIds).toEqual(['factories-2021', 'factories-2020']);
    expect(a.answer).toMatch(/newest first/);
  });

  it('says the sources disagree and cites each one', () => {
    const a = engine.answer('What share of exports are widgets?');
    expect(a.kind).toBe('disagreement');
    expect(a.answer).toMatch(/sources disagree/i);
    expect(a.citations.map((c) => c.factId).sort()).toEqual(['export-share-30', 'export-share-60']);
  });

  it('answers who reported a story it names, whatever words the material never uses come with it', () => {
    const a = new Engine(miniKb()).answer('who reported the widgetland story anyway?');
    expect(a.kind).toBe('source');
    expect(a.answer).toMatch(/Widget Times/);
  });

  it('answers "which outlet reported" with the article\'s outlet, date and credited agency', () => {
    const kb = miniKb();
    kb.articles[0] = { ...kb.articles[0]!, credits: ['WNA'], outletNote: 'Named in the masthead.' };
    const a = new Engine(kb).answer('Which news agency reported the Acme memorandum?');
    expect(a.status).toBe('answered');
    expect(a.kind).toBe('source');
    expect(a.answer).toBe(
      'That is reported in “Widgetland in numbers” — Widget Times, 1 May 2021, crediting WNA. (Widget Times: named in the masthead.)',
    );
    expect(a.citations).toEqual([expect.objectContaining({ articleId: 'widgets', factId: 'acme-mou' })]);
  });

  it('refuses a request for a translation, with the reason in the trace', () => {
    const a = engine.answer('how do you say widget in Gizmish?', { explain: true });
    expect(a.status).toBe('no_match');
    expect(JSON.stringify(a.trace)).toContain('asks for a translation');
  });

  it('refuses a source question about a story the material does not have', () => {
    const a = engine.answer('Which newspaper covered the Olympic games?');
    expect(a.status).toBe('no_match');
  });

  it('does not let framing words such as "I think" or "roughly" lower a match', () => {
    const plain = engine.answer('How many widget factories does Widgetland have?');
    const framed = engine.answer(
      'yo quick question: roughly how many widget factories do you think Widgetland has, according to the article?',
    );
    expect(framed.factIds).toEqual(plain.factIds);
    expect(framed.score).toBe(plain.score);
  });

  it('tells "X\'s ambassador to Y" from "Y\'s ambassador to X"', () => {
    const kb = miniKb();
    kb.facts.push({
      ...kb.facts[3]!,
      id: 'ambassador',
      answer: "Ann Smith is Gizmoland's Ambassador to Widgetland.",
      quote: "Ann Smith is Gizmoland's Ambassador to Widgetland.",
      questions: ['Who is the Gizmoland ambassador?'],
      entities: ['Ann Smith', 'Gizmoland', 'Widgetland'],
    });
    const e = new Engine(kb, { places: ['Gizmoland', 'Widgetland'] });
    expect(e.answer("Who is Gizmoland's ambassador to Widgetland?").factIds).toEqual(['ambassador']);
    expect(e.answer('who is the gizmoland ambassador in widgetland').factIds).toEqual(['ambassador']);
    expect(e.answer("Who is Widgetland's ambassador to Gizmoland?").status).toBe('no_match');
  });

  it('tells "non-oil exports" from exports including oil', () => {
    const kb = miniKb();
    kb.facts.push({
      ...kb.facts[3]!,
      id: 'non-oil',
      answer: 'Gadgets make up 20 percent of Widgetland non-oil exports.',
      quote: 'Gadgets make up 20 percent of non-oil exports.',
      questions: ['What share of non-oil exports are gadgets?'],
      figures: [{ value: 20, unit: 'percent of non-oil exports' }],
      gives: ['share'],
      entities: [],
    });
    const e = new Engine(kb);
    expect(e.answer('what share of non-oil exports are gadgets').factIds).toEqual(['non-oil']);
    expect(e.answer('what share of gadget exports').factIds).toEqual(['non-oil']);
    expect(e.answer('what share of exports including oil are gadgets').status).toBe('no_match');
  });

  it('refuses "what is the X of Y" when the facts about Y do not give X but the material has X', () => {
    const kb = miniKb();
    kb.facts.push({
      ...kb.facts[3]!,
      id: 'acme-budget',
      answer: 'Acme Corp had a budget of 5 million widgets in 2021.',
      quote: 'Acme Corp had a budget of 5 million widgets.',
      questions: ['What is the budget of Acme?'],
      entities: ['Acme Corp'],
    });
    const e = new Engine(kb);
    expect(e.answer("What was the budget of Acme's robot trade memorandum with Gizmo?").status).toBe(
      'no_match',
    );
    expect(e.answer('What is the budget of Acme Corp?').factIds).toEqual(['acme-budget']);
  });

  it('reads "what is the name of" as a question about a person', () => {
    expect(engine.answer('what is the name of the head of the widget council').factIds).toEqual(['jane-doe']);
  });

  it('finds the fact whose curated question is the question even when many facts share its one word', () => {
    const kb = miniKb();
    const filler = Array.from({ length: 60 }, (_, n) => ({
      ...kb.facts[3]!,
      id: `gizmo-${n}`,
      answer: `Gizmo fact number ${n} about gizmos.`,
      questions: [`What did gizmo report ${n} say?`],
      entities: [],
    }));
    const target = {
      ...kb.facts[3]!,
      id: 'gizmo-what',
      answer: 'A gizmo is a small robot.',
      questions: ['What is a gizmo?'],
    };
    kb.facts = [...filler, target, ...kb.facts];
    expect(new Engine(kb).answer('what is a gizmo').factIds[0]).toBe('gizmo-what');
  });

  it('reads "how big" and "how large" as asking for an amount, not about size', () => {
    expect(engine.analyse('how big is the widget council').words).toEqual(['widget', 'council']);
    expect(engine.analyse('how large are widget exports').intent).toBe('amount');
  });

  it('reads "what day of the week" and "which year" as asking for a date, not about days or years', () => {
    const a = engine.analyse('what day of the week did acme sign');
    expect(a.words).toEqual(['acme', 'sign']);
    expect(a.intent).toBe('date');
    expect(engine.analyse('which year did acme sign').words).toEqual(['acme', 'sign']);
  });

  it('summarises an article: its opening statements in its order, one per stretch of text, each cited', () => {
    const a = engine.answer('tldr of the widgetland article?');
    expect(a.kind).toBe('summary');
    expect(a.answer.split('\n')[0]).toBe('“Widgetland in numbers” (Widget Times, 1 May 2021) in brief:');
    expect(a.factIds).toEqual(['factories-2021', 'factories-2020', 'acme-mou', 'jane-doe']);
    expect(a.citations.map((c) => c.quote)).toContain(
      'Acme Corp signed a memorandum of understanding with Gizmo Ltd on robot trade.',
    );
    expect(a.corrections).toEqual([]);
  });

  it('refuses a summary of an article the material does not have', () => {
    expect(engine.answer('summarise the article about the olympics').status).toBe('no_match');
  });

  describe('a question that points at one article', () => {
    const kb = miniKb();
    kb.articles.push({
      ...kb.articles[0]!,
      id: 'gadgets',
      title: 'Gadgetland trade figures',
      date: '2022-02-01',
      outlet: 'Gadget Post',
      text: 'Gadget Post finds widgets make up 45 percent of exports.',
    });
    kb.facts.push({
      ...kb.facts.find((f) => f.id === 'export-share-60')!,
      id: 'export-share-45',
      articleId: 'gadgets',
      answer: 'Gadget Post found that widgets make up 45 percent of exports.',
      quote: 'Gadget Post finds widgets make up 45 percent of exports.',
      questions: ['What share of exports are widgets, says Gadget Post?'],
      figures: [{ value: 45, unit: 'percent of exports' }],
      date: '2022-02',
    });
    const e = new Engine(kb);

    it('gets the figures of every article without one', () => {
      expect(e.answer('what share of exports are widgets').factIds).toHaveLength(3);
    });

    it('gets that article\'s figure with "according to the … article"', () => {
      const a = e.answer('according to the gadgetland article, what share of exports are widgets?');
      expect(a.factIds).toEqual(['export-share-45']);
    });

    it('gets that article\'s figure with "in the article on …"', () => {
      const a = e.answer('in the article on gadgetland trade, what share of exports are widgets?');
      expect(a.factIds).toEqual(['export-share-45']);
    });

    it("gets that article's figure when the question quotes its headline", () => {
      const a = e.answer('in "Gadgetland trade figures", what share of exports are widgets?');
      expect(a.factIds).toEqual(['export-share-45']);
    });

    it('summarises the article named by its month and year', () => {
      const a = e.answer('what does the february 2022 piece say');
      expect(a.kind).toBe('summary');
      expect(a.factIds).toEqual(['export-share-45']);
    });

    it('summarises the article its title or outlet words name, with no word for "article"', () => {
      const a = e.answer("what's the gist of the gadget post trade figures?");
      expect(a.kind).toBe('summary');
      expect(a.factIds).toEqual(['export-share-45']);
    });

    it('names the outlet of the story it points at', () => {
      const a = e.answer('which outlet ran the gadgetland story');
      expect(a.kind).toBe('source');
      expect(a.answer).toContain('Gadget Post, 1 February 2022');
    });
  });

  it('counts an acronym the material never uses in full: a share of GDP is not a share of exports', () => {
    expect(engine.answer('what share of widgetland gdp are widgets').status).toBe('no_match');
    expect(engine.answer('what share of widgetland exports are widgets').status).toBe('answered');
  });

  it('reads two numbers as alternatives: "in 2020 or 2021", "60 or 30 percent"', () => {
    const years = engine.answer('how many widget factories were there in 2020 vs 2021?');
    expect(years.kind).toBe('trend');
    expect(years.factIds).toEqual(['factories-2021', 'factories-2020']);
    const shares = engine.answer('is it 60 or 30 percent of exports that are widgets');
    expect(shares.kind).toBe('disagreement');
  });

  it('still needs the year when the other number is of another kind ("120 factories in 2019")', () => {
    expect(engine.answer('were there 120 widget factories in 2019').answer).toMatch(
      /^Not according to the material: it gives nothing for 2019\./,
    );
    expect(engine.answer('were there 120 widget factories in 2021').answer).toMatch(/^Yes\. /);
  });

  it('refuses an off-topic question instead of matching the nearest fact', () => {
    const a = engine.answer('What will the weather be like tomorrow?');
    expect(a.status).toBe('no_match');
    expect(a.citations).toEqual([]);
    expect(a.factIds).toEqual([]);
  });

  it('refuses a near miss that shares a word but asks about something else', () => {
    const a = engine.answer('What is the population of Widgetland?');
    expect(a.status).toBe('no_match');
  });

  it('offers did-you-mean suggestions for a near miss', () => {
    const a = engine.answer('Who is the deputy of the Widget Council?');
    expect(a.status).toBe('no_match');
    expect(a.suggestions).toContain('Who is Jane Doe?');
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('never serves a draft fact', () => {
    const a = engine.answer('What about zebra crossings?');
    expect(a.status).toBe('no_match');
    expect(engine.facts.map((f) => f.id)).not.toContain('draft-fact');
  });

  it('asks for a question when given an empty or blank one', () => {
    for (const q of ['', '   ', '\u0000\u0007\n']) {
      const a = engine.answer(q);
      expect(a.status).toBe('no_match');
      expect(a.problem).toBe('empty');
    }
  });

  it('rejects a question over the length limit with a clear message', () => {
    const a = engine.answer('widget '.repeat(100));
    expect(a.problem).toBe('too_long');
    expect(a.answer).toMatch(/too long .*limit is 500/);
  });

  it('gives an honest no-match for emoji or another script', () => {
    expect(engine.answer('🙂🙂🙂').problem).toBe('no_words');
    const persian = engine.answer('صنایع کوچک ایران');
    expect(persian.status).toBe('no_match');
  });

  it('handles a very long message without throwing when the limit is raised', () => {
    const long = new Engine(miniKb(), { maxQuestionLength: 5000 });
    const a = long.answer('Who is Jane Doe? ' + 'blah '.repeat(900));
    expect(['answered', 'no_match']).toContain(a.status);
  });

  it('treats words that name JavaScript object internals as ordinary words', () => {
    for (const q of [
      'constructor',
      'Who is the constructor of the park?',
      '__proto__',
      'toString hasOwnProperty',
    ]) {
      expect(() => engine.answer(q)).not.toThrow();
    }
  });

  it('reports a score between 0 and 1', () => {
    const a = engine.answer('Who is Jane Doe?');
    expect(a.score).toBeGreaterThan(0.6);
    expect(a.score).toBeLessThanOrEqual(1);
  });
});
