import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { comparedSides, spanAsked, splitCompound, withPersonNamed } from '../../src/engine/query.ts';
import { miniKb } from '../helpers/mini-kb.ts';

const engine = new Engine(miniKb());

describe('analyseQuery', () => {
  it('reads what a question asks for as an answer type', () => {
    expect(engine.analyse('how many widget factories').answerType).toBe('count');
    expect(engine.analyse('when did acme sign').answerType).toBe('date');
    expect(engine.analyse('what did jane doe say about widgets').answerType).toBe('statement');
    expect(engine.analyse('why did acme sign the deal').answerType).toBe('reason');
  });

  it('reads "what was decided at …" and "the outcome of …" as asking what came of it', () => {
    expect(engine.analyse('what was decided at the widget council meeting?').answerType).toBe('description');
    expect(engine.analyse('what was the outcome of the robot trade talks').answerType).toBe('description');
    expect(engine.analyse('what came out of the robot trade talks?').answerType).toBe('description');
    expect(engine.analyse('what did the acme memorandum cover?').answerType).toBe('description');
    expect(engine.analyse('when was it decided?').answerType).toBe('date');
  });

  it('reads "what is it meant to do" as asking for a purpose', () => {
    expect(engine.analyse('what is the widget council meant to do?').answerType).toBe('reason');
  });

  it('reads "what kinds of …" as asking for a list of them', () => {
    expect(engine.analyse('what kinds of widgets does acme make?').answerType).toBe('list');
  });

  it('reads the answer type from the main clause after a scene-setting "when …," clause', () => {
    expect(engine.analyse('when jane doe spoke of widgets, what did she say about acme?').answerType).toBe(
      'statement',
    );
  });

  it('reads the answer type from the question word it opens with, not one in a later clause', () => {
    expect(engine.analyse('so who was at the acme signing when they signed with gizmo?').answerType).toBe(
      'person',
    );
  });

  it('reads "who … for" a body as wanting the person acting for it, not the body', () => {
    expect(engine.analyse('who signed the memorandum for the widget council?').strictType).toBe(true);
    expect(engine.analyse('who signed the memorandum with acme?').strictType).toBe(false);
  });

  it('reads a short question naming a person and a role word as asking for their role', () => {
    const q = engine.analyse('jane doe job title');
    expect(q.answerType).toBe('role');
    expect(q.words).not.toContain('title');
    expect(engine.analyse('what is the title of the widget council report').answerType).not.toBe('role');
  });

  it('reads "official" in a question asking for a person as naming the answer, not a word to match', () => {
    expect(engine.analyse('which widget council official signed?').words).not.toContain('official');
    expect(engine.analyse('how many widget council officials were there?').words).toContain('official');
  });

  it('reads a person named by an alias spelling ("jayne") in a short role question as that person', () => {
    const kb = miniKb();
    kb.aliases.push({ canonical: 'jane', variants: ['jayne'] });
    expect(new Engine(kb).analyse('jayne job title').answerType).toBe('role');
  });

  it('reads a misspelt question word ("wen", "wat") as that word when reading what is asked', () => {
    expect(engine.analyse('wen did acme sign').answerType).toBe('date');
    expect(engine.analyse('wat role does jane doe have').answerType).toBe('role');
  });

  it('reads a misspelt "article" or "percentage" as that word, so it points at the article or asks for a share', () => {
    expect(engine.analyse('how many widget factories in the widgetland artcle').scope).toBe('widgets');
    expect(engine.analyse('what percentege of exports are widgets').answerType).toBe('share');
  });

  it('reads "the gist of what …" as how briefly to answer, not a word or an attribute to match', () => {
    const q = engine.analyse("what's the gist of what the acme memorandum covers?");
    expect(q.asked).toEqual([]);
    expect(q.words).not.toContain('gist');
    expect(q.words).toContain('acme');
  });

  it('reads a misspelt "supposed" as that word, so "suposed to achieve" asks for a purpose', () => {
    expect(engine.analyse('what was the acme mou suposed to achieve').answerType).toBe('reason');
  });

  it('carries the earlier part’s words into a later part that opens with a preposition ("and with whom?")', () => {
    const q = engine.analyse('with whom on the acme side?', 'when did widgetland sign the memorandum');
    expect(q.carried).toEqual(expect.arrayContaining(['widgetland']));
  });

  it('carries the earlier part’s words into a later part of a compound question that refers back', () => {
    const q = engine.analyse(
      'and how many of them are active?',
      'how many widget factories does widgetland have',
    );
    expect(q.carried).toEqual(expect.arrayContaining(['widget', 'factory']));
    expect(q.words).toEqual(expect.arrayContaining(['activ', 'widget', 'factory']));
  });

  it('carries nothing into a later part that names its own subject', () => {
    expect(engine.analyse('who heads the widget council?', 'how many widget factories').carried).toEqual([]);
  });

  it('drops the asker\'s present ("now", "so far", "these days"), which names no subject', () => {
    const words = engine.analyse(
      'how many widget factories are up and running now, so far, these days?',
    ).words;
    expect(words).not.toContain('now');
    expect(words).not.toContain('far');
    expect(words).not.toContain('day');
    expect(words).toContain('factory');
  });

  it('reads "across the articles" / "anywhere" as asking over the whole material, a phrase that names nothing', () => {
    const q = engine.analyse('which widget programs are mentioned anywhere across the articles?');
    expect(q.acrossMaterial).toBe(true);
    expect(q.words).not.toContain('anywhere');
    expect(q.words).not.toContain('across');
    expect(engine.analyse('which widget programs are there?').acrossMaterial).toBe(false);
  });

  it('reads "mostly about" / "mainly about" as asking what something focuses on', () => {
    expect(engine.analyse('what is the widget plan mostly about?').words).toContain('focus');
  });

  it('reads "who was there" as who attended', () => {
    expect(engine.analyse('who was there at the acme signing?').words).toContain('attend');
    expect(engine.analyse('what was there at the acme signing?').words).not.toContain('attend');
  });

  it('reads "which articles bring up X" as asking over the whole material, and "bring up" as naming nothing', () => {
    const q = engine.analyse('which articles bring up widget exports?');
    expect(q.acrossMaterial).toBe(true);
    expect(q.words).toEqual(['widget', 'export']);
  });

  it('reads "export-related" as "export"', () => {
    expect(engine.analyse('which export-related widget figures?').words).not.toContain('relat');
  });

  it('drops the noun that names the kind of answer asked for ("purpose", "venue")', () => {
    const purpose = engine.analyse('widget fair purpose');
    expect(purpose.answerType).toBe('reason');
    expect(purpose.words).toEqual(['widget', 'fair']);
    const venue = engine.analyse('widget fair venue');
    expect(venue.answerType).toBe('place');
    expect(venue.words).not.toContain('venu');
  });

  it('reads "first name" / "full name" as the name, which names nothing to match', () => {
    expect(engine.analyse("what is jane doe's first name?").words).not.toContain('first');
  });

  it('reads "US", "U.S." and "the us" as the United States, not the pronoun', () => {
    expect(engine.analyse('US widget tariffs').words).toContain('america');
    expect(engine.analyse('when did the us raise widget tariffs?').words).toContain('america');
    expect(engine.analyse('can you tell us about widgets?').words).not.toContain('america');
  });

  it('reads "as well as" as "and", and "tl;dr" as no word', () => {
    const q = engine.analyse('tl;dr did acme sign with gizmo ltd as well as widgetland?');
    expect(q.words).not.toContain('well');
    expect(q.words).not.toContain('tl');
    expect(q.words).not.toContain('dr');
  });

  it('reads the shape of a question with its misspellings mended ("which news agncy reportd …")', () => {
    const kb = miniKb();
    kb.facts[0]?.keywords.push('agency');
    expect(new Engine(kb).analyse('which news agncy reportd the widget story?').shape).toBe('source');
  });

  it('drops "supposed to" / "meant to", which say only that something is intended', () => {
    expect(engine.analyse('where are the widget factories supposed to go?').words).not.toContain('suppos');
    expect(engine.analyse('what is the widget council meant to do?').answerType).toBe('reason');
  });

  it('drops "in relation to" / "with regard to", which say only "about"', () => {
    expect(engine.analyse('what did jane doe say in relation to widgets?').words).not.toContain('relation');
  });

  it('drops how strongly something is done ("so hard"), which no answer depends on', () => {
    expect(engine.analyse('why is acme pushing widgets so hard?').words).not.toContain('hard');
  });

  it('reads "back" before a time ("back in 2020") as saying only that the time is past', () => {
    expect(engine.analyse('how many widget factories were there back in 2020?').words).not.toContain('back');
    expect(engine.analyse('the widget council came back in which year').words).toContain('back');
  });

  it('reads who a statement is asked of, by name or office', () => {
    expect(engine.analyse('what did the deputy minister say about widgets?').statedBy).toEqual([
      'deputy',
      'minister',
    ]);
    expect(engine.analyse('how many widget factories are there?').statedBy).toEqual([]);
    expect(engine.analyse('what did jane doe say at the widget fair?').statedBy).toContain('jane');
    expect(engine.analyse('how do you say hello in gizmish?').statedBy).toEqual([]);
  });

  it('reads who a statement is asked of by office and full name together', () => {
    expect(
      engine.analyse('what did widget council head for robot trade policy jane doe say about widgets?')
        .statedBy,
    ).toEqual(expect.arrayContaining(['head', 'jane']));
  });

  it('reads "what does the article say about …" as asking what the text says, not for a statement', () => {
    expect(engine.analyse('what does the widgets article say about exports?').answerType).toBeNull();
    expect(engine.analyse('what does the writer say about exports?').answerType).toBeNull();
    expect(engine.analyse('what does jane doe say about exports?').answerType).toBe('statement');
  });

  it('reads "the attitude / stance of" as asking what was said, not for an attribute the fact must name', () => {
    expect(engine.analyse('what was the attitude of the widget council to acme?').asked).toEqual([]);
    expect(engine.analyse('what was the budget of the widget council?').asked).toEqual(['budget']);
  });

  it('reads a verb of saying in a relative clause as naming the thing asked about, not asking for a statement', () => {
    const q = engine.analyse('what is the widget plan that jane doe announced on monday focused on?');
    expect(q.answerType).toBeNull();
    expect(q.setting).toEqual(expect.arrayContaining(['jane', 'monday']));
    expect(engine.analyse('what is it that jane doe said about widgets?').answerType).toBe('statement');
  });

  it('reads "what were said to be …" as a report\'s hedge, not as asking for a statement', () => {
    expect(engine.analyse('what were said to be the main goals of the acme mou?').answerType).not.toBe(
      'statement',
    );
    expect(engine.analyse('what was said about the acme mou?').answerType).toBe('statement');
  });

  it('reads a verb of saying in a shortened passive clause ("the plan announced by …") as naming the thing asked about', () => {
    const q = engine.analyse('what is the widget plan announced by jane doe on monday focused on?');
    expect(q.answerType).toBeNull();
    expect(q.setting).toEqual(expect.arrayContaining(['jane', 'monday']));
    expect(engine.analyse('what was announced by jane doe on monday?').answerType).toBe('statement');
  });

  it('reads a scene-setting clause before or after the question proper as its setting', () => {
    expect(engine.analyse('at the robot trade signing, who heads the widget council?').setting).toEqual([
      'robot',
      'trad',
      'sign',
    ]);
    expect(
      engine.analyse('who heads the widget council, according to the robot trade story?').setting,
    ).toContain('robot');
    expect(engine.analyse('who heads the widget council?').setting).toEqual([]);
    expect(engine.analyse('what did jane doe say at the robot trade signing?').setting).toEqual(
      expect.arrayContaining(['robot', 'trad']),
    );
  });

  it('reads a question that starts with an auxiliary as yes/no', () => {
    expect(engine.analyse('did acme sign a memorandum with gizmo?').shape).toBe('yesno');
  });

  it('does not read "each side" of one agreement, or "all those" agreements, as asking for every agreement', () => {
    expect(engine.analyse('what does the MOU with gizmo commit each side to?').aggregate).toBeNull();
    expect(engine.analyse('list each MOU').aggregate).toBe('agreements');
    expect(engine.analyse('what was the occasion for all those MOUs?').aggregate).toBeNull();
    expect(engine.analyse('list the areas of cooperation in the acme memorandum').aggregate).toBeNull();
  });

  it('reads a request to list every agreement as an aggregate over the material', () => {
    expect(engine.analyse('list every MOU and its partner').aggregate).toBe('agreements');
    expect(engine.analyse('which news agencies are cited?').aggregate).toBe('outlets');
    expect(engine.analyse('put the events in time order').aggregate).toBe('timeline');
    expect(engine.analyse('which foreign countries come up across the articles?').aggregate).toBe(
      'foreign-countries',
    );
    expect(engine.analyse('list every person named in the articles with their role').aggregate).toBe(
      'people',
    );
    expect(engine.analyse('what different figures do the articles give for widget exports?').aggregate).toBe(
      'disagreements',
    );
    expect(engine.analyse('what numbers of widget factories are given across the articles?').aggregate).toBe(
      'disagreements',
    );
  });

  it('reads a figure asked for "according to the different articles" as the figures they give', () => {
    expect(engine.analyse('how many widget factories according to the different articles?').aggregate).toBe(
      'disagreements',
    );
    expect(engine.analyse('how many widget factories according to the article?').aggregate).toBeNull();
  });

  it('reads figures said to differ between the articles, or given by different articles, as their disagreements', () => {
    expect(
      engine.analyse('how do the figures for widget exports differ between the articles?').aggregate,
    ).toBe('disagreements');
    expect(
      engine.analyse('what numbers do the different articles give for widget factories?').aggregate,
    ).toBe('disagreements');
    expect(engine.analyse('how do widget exports differ from gizmo exports?').aggregate).toBeNull();
  });

  it('reads "in order to" and "all officials of" as no request for a list', () => {
    expect(engine.analyse('what must grow in order to support widget exports?').aggregate).toBeNull();
    expect(engine.analyse('what were all officials of the widget council ready to do?').aggregate).toBeNull();
  });

  it('reads a person asked for by role or party as wanting a person and nothing else', () => {
    expect(engine.analyse('what is the name of the head of the widget council').strictType).toBe(true);
    expect(engine.analyse('who signed on behalf of acme corp').strictType).toBe(true);
    expect(engine.analyse('who heads the widget council').strictType).toBe(false);
  });

  it('drops a lead-in that says nothing about the material', () => {
    const e = new Engine(miniKb(), { everyday: ['quick', 'team', 'prepping', 'slides'] });
    expect(e.analyse('hey team, quick q: who heads the widget council?').words).toEqual([
      'head',
      'widget',
      'council',
    ]);
  });

  it('keeps a lead-in that names two things the material has, though both are common words', () => {
    const e = new Engine(miniKb(), { everyday: ['widget', 'council', 'seems'] });
    expect(e.analyse('the widget council seems big, who heads it?').words).toContain('council');
  });

  it('keeps a lead-in that names something the material has', () => {
    const e = new Engine(miniKb(), { everyday: ['quick'] });
    expect(e.analyse('so that acme memorandum, who signed it?').words).toContain('acme');
  });

  it('reads social phrases addressed to the bot as no subject', () => {
    expect(engine.analyse('hey how’s your day going?').words).toEqual([]);
    expect(engine.analyse('good morning! how many widget factories are there').words).toEqual([
      'widget',
      'factory',
    ]);
    expect(engine.analyse('morning! how many widget factories are there').words).toEqual([
      'widget',
      'factory',
    ]);
  });

  it('reads the day of a date as part of the date, not a figure or a word to match', () => {
    const q = engine.analyse('in the 2021-05-01 story, how many widget factories were there on May 1st?');
    expect(q.words).not.toContain('01');
    expect(q.words).not.toContain('1');
    expect(q.alternatives).toEqual([]);
  });

  it('reads a word written as an owner ("widgetland’s exports") as whose thing is asked about', () => {
    expect(engine.analyse('what share of widgetland’s exports are widgets').owners).toEqual(['widgetland']);
  });

  it('reads "how much" as a question for a quantity', () => {
    expect(engine.analyse('how much did widget exports grow').answerType).toBe('money');
  });

  it('reads two years as alternatives and a larger number as a constraint', () => {
    const q = engine.analyse('widget factories in 2020 vs 2021');
    expect(q.alternatives).toEqual(['2020', '2021']);
    expect(engine.analyse('were there 120 widget factories in 2019').numbers).toEqual(['120', '2019']);
  });

  it('reads "which …", "what were the …" and "list the …" as asking to identify the thing named', () => {
    expect(engine.analyse('which widget factories closed?').identifies.slice(0, 2)).toEqual([
      'widget',
      'factory',
    ]);
    expect(engine.analyse('what were the widget factories called').identifies).toContain('factory');
    expect(engine.analyse('list the widget factories').identifies).toContain('factory');
    expect(engine.analyse('what exactly were the widget factories?').identifies).toContain('factory');
  });

  it('reads "what are the names of the X" as asking to identify X, however many words X has', () => {
    expect(engine.analyse('what are the names of the 120 big widget factories?').identifies).toContain(
      'factory',
    );
  });

  it('reads "what is …" and "what did … do" as asking about a thing, not which one it is', () => {
    expect(engine.analyse('what is the widget council').identifies).toEqual([]);
    expect(engine.analyse('what did acme sign').identifies).toEqual([]);
    expect(engine.analyse('what exactly did acme sign').identifies).toEqual([]);
  });
});

describe('splitCompound', () => {
  it('splits two questions joined by "and" before a question word', () => {
    expect(splitCompound('who signed the acme mou and when was it signed?')).toEqual([
      'who signed the acme mou',
      'when was it signed?',
    ]);
  });

  it('splits at "and" before a preposition of time and a question word ("and over what period?")', () => {
    expect(splitCompound('how many widget factories were built and over what period?')).toHaveLength(2);
  });

  it('gives a part with no subject of its own the first part’s subject', () => {
    expect(splitCompound('who signed the acme mou and when?')).toEqual([
      'who signed the acme mou',
      'when signed the acme mou',
    ]);
  });

  it('leaves a part that refers back as put, to be read with the first part', () => {
    expect(splitCompound('who heads the widget council and where did she say it?')).toEqual([
      'who heads the widget council',
      'where did she say it?',
    ]);
  });

  it('splits at "and" before a preposition and a question word ("and at what event")', () => {
    expect(splitCompound('who heads the widget council and at what event did she say it?')).toEqual([
      'who heads the widget council',
      'at what event did she say it?',
    ]);
  });

  it('leaves out a remark that asks nothing', () => {
    expect(splitCompound('who heads the widget council? seemed an odd choice lol')).toEqual([
      'who heads the widget council',
    ]);
  });

  it('keeps "tl;dr" whole', () => {
    expect(splitCompound('tl;dr of the widget story?')).toEqual(['tl;dr of the widget story?']);
  });

  it('leaves a question with one "and" between nouns whole', () => {
    expect(splitCompound('what did acme and gizmo sign?')).toEqual(['what did acme and gizmo sign?']);
  });
});

describe('withPersonNamed', () => {
  it('puts the person’s name for "he" or "she"', () => {
    expect(withPersonNamed('where did she say it?', 'Jane Doe')).toBe('where did Jane Doe say it?');
    expect(withPersonNamed('when was it signed?', 'Jane Doe')).toBe('when was it signed?');
  });
});

describe('comparedSides', () => {
  it('splits "A vs B" into its two sides', () => {
    expect(comparedSides('widget share of exports vs gadget share of exports?')).toEqual([
      'widget share of exports',
      'gadget share of exports',
    ]);
  });

  it('gives "compare A’s X with B’s" the attribute on both sides', () => {
    expect(comparedSides("compare acme's figure for factories with gizmo's")).toEqual([
      "acme's figure for factories",
      "gizmo's figure for factories",
    ]);
  });

  it('reads "how did X change between A and B" as X in A, X in B', () => {
    expect(comparedSides('how did the factory count change between 2020 and 2021')).toEqual([
      'how did the factory count in 2020',
      'how did the factory count in 2021',
    ]);
  });

  it('gives a second side that is only a qualifier the first side’s words', () => {
    expect(comparedSides('compare the widget share of exports in widgetland and in gizmoland')).toEqual([
      'the widget share of exports in widgetland',
      'the widget share of exports in gizmoland',
    ]);
  });

  it('reads "the 2021 one" as the first side asked of the 2021 article', () => {
    expect(comparedSides('how many factories according to the 2020 article vs the 2021 one')).toEqual([
      'how many factories according to the 2020 article',
      'how many factories according to the 2021 article',
    ]);
  });

  it('reads a second side that is only a year as the first side in that year', () => {
    expect(comparedSides('who headed the council in 2019 versus 2021?')).toEqual([
      'who headed the council in 2019',
      'who headed the council in 2021',
    ]);
  });

  it('finds no sides in a question that compares nothing', () => {
    expect(comparedSides('who heads the widget council')).toEqual([]);
  });
});

describe('spanAsked', () => {
  it('reads a year bounded by the month it ended in as the twelve months before', () => {
    expect(spanAsked('the motto of the year that ended in March 2020')).toEqual({
      from: '2019-03',
      to: '2020-03',
      whole: false,
    });
    expect(spanAsked('paid in the year to March 19, 2020')).toMatchObject({ from: '2019-03', to: '2020-03' });
  });

  it('reads a year bounded by the month it began in as the twelve months after', () => {
    expect(spanAsked('paid in the year that began in March 2020')).toMatchObject({
      from: '2020-03',
      to: '2021-03',
    });
  });

  it('reads "the whole of 2019" as all of that calendar year', () => {
    expect(spanAsked('exports for the whole of 2019')).toEqual({
      from: '2019-01',
      to: '2020-01',
      whole: true,
    });
  });

  it('reads a plain year as no span', () => {
    expect(spanAsked('how many widget factories in 2019')).toBeUndefined();
  });
});
