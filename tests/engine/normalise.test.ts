import { describe, expect, it } from 'vitest';
import {
  AliasMatcher,
  asksForSource,
  asksForSummary,
  asksForTranslation,
  contentWords,
  detectIntent,
  figureKind,
  normaliseForQuote,
  placeAsked,
} from '../../src/engine/normalise.ts';
import { toWords } from '../../src/text/tokenise.ts';

describe('AliasMatcher', () => {
  const aliases = new AliasMatcher([
    { canonical: 'sme', variants: ['small and medium-sized enterprises', 'small industries'] },
    { canonical: 'isipo', variants: ['Iran Small Industries and Industrial Parks Organization'] },
    { canonical: 'mou', variants: ['memorandum of understanding', 'memoranda'] },
  ]);

  it('replaces a multi-word variant with its canonical word', () => {
    expect(aliases.apply(toWords('small and medium-sized enterprises grow'))).toEqual(['sme', 'grow']);
  });

  it('prefers the longest matching phrase', () => {
    expect(aliases.apply(toWords('Iran Small Industries and Industrial Parks Organization'))).toEqual([
      'isipo',
    ]);
    expect(aliases.apply(toWords('Iran small industries'))).toEqual(['iran', 'sme']);
  });

  it('matches plural variants through stemming', () => {
    expect(aliases.apply(toWords('memorandums of understanding'))).toEqual(['mou']);
  });

  it('gives the head noun of each name written out in full, by which a text refers back to it', () => {
    expect(
      aliases.heads(toWords('the Iran Small Industries and Industrial Parks Organization signed')),
    ).toEqual(['organization']);
    expect(aliases.heads(toWords('a memorandum of understanding'))).toEqual(['memorandum']);
    expect(aliases.heads(toWords('ISIPO signed'))).toEqual([]);
  });

  it('drops stopwords after aliases are applied', () => {
    expect(contentWords(toWords('What is the memorandum of understanding about?'), aliases)).toEqual(['mou']);
  });
});

describe('detectIntent', () => {
  it('reads "how many" as asking for a count and "what percentage" as asking for a share', () => {
    expect(detectIntent('How many parks are there?')).toBe('count');
    expect(detectIntent('what percentage of industry')).toBe('share');
    expect(detectIntent('How much did the ministry pay?')).toBe('amount');
  });

  it('reads a question opening with "who" as asking for a person, though it names a figure', () => {
    expect(detectIntent('and who gave that figure?')).toBe('person');
    expect(detectIntent('who gave the export figures')).toBe('person');
  });

  it('reads the name of someone in an office ("the deputy minister\'s name?") as asking for a person', () => {
    expect(detectIntent("deputy foreign minister's name?")).toBe('person');
    expect(detectIntent("the ambassador's full name")).toBe('person');
    expect(detectIntent("what's the plan's name?")).toBeNull();
  });

  it('reads "what chunk of" as asking for a share', () => {
    expect(detectIntent('so what chunk of exports comes from smes?')).toBe('share');
  });

  it('reads "how many dollars" as asking for an amount of money', () => {
    expect(detectIntent('how many dollars was the payment?')).toBe('amount');
  });

  it('reads "what period" as asking for a time even when the question names a figure', () => {
    expect(detectIntent('What period does the $1.6 billion export figure cover?')).toBe('date');
    expect(detectIntent('what exact period does the $1.6 billion figure cover?')).toBe('date');
  });

  it('reads "when" as asking for a date and "who" as asking for a person', () => {
    expect(detectIntent('When was it signed?')).toBe('date');
    expect(detectIntent('Who is Rasoulian?')).toBe('person');
  });

  it('reads "which countries" as asking for places', () => {
    expect(detectIntent('which countries did they export to?')).toBe('place');
  });

  it('reads "with whom" as asking for a person and "at what kind of event" as asking where', () => {
    expect(detectIntent('with whom was it signed?')).toBe('person');
    expect(detectIntent('at what kind of event did he say it?')).toBe('place');
  });

  it('reads "what is the name of" as asking for a person and "total" as asking for an amount', () => {
    expect(detectIntent("what's the name of the armenian ambassador")).toBe('person');
    expect(detectIntent('sme exports 2019 total')).toBe('amount');
  });

  it('reads "which … official / minister" as asking for a person, by office', () => {
    expect(detectIntent('which foreign ministry official was at the meeting?')).toBe('person');
    expect(detectIntent('which deputy industry minister attended?')).toBe('person');
    expect(detectIntent('which meeting did the director general attend?')).toBeNull();
  });

  it('returns null for keyword queries', () => {
    expect(detectIntent('armenia mou')).toBeNull();
  });
});

describe('asksForSource', () => {
  it('recognises questions about who reported or published a story', () => {
    for (const q of [
      'which news agency covered the armenia mou story',
      'Who reported the SMEs Day memorandums?',
      'what outlet is the korea piece from',
      'which broadcaster carried it',
      'where does the 72 consortiums figure come from',
      'which agency ran the korea story',
      'when was the armenia article published',
      'who put out the seven MOUs story?',
    ])
      expect(asksForSource(q), q).toBe(true);
  });

  it('reads "what is the date of the article about X" as asking when it was published', () => {
    expect(asksForSource('what is the date of the article about widget exports?')).toBe(true);
    expect(asksForSource('what is the date of the widget fair?')).toBe(false);
  });

  it('leaves questions about the stories themselves alone', () => {
    for (const q of [
      'Who is Ali Rasoulian?',
      'what did the report say about exports',
      'where are the parks',
      'what are the main sources of funding for smes',
    ])
      expect(asksForSource(q), q).toBe(false);
  });
});

describe('placeAsked', () => {
  it('tells a located place, places by name and a loose "where" apart', () => {
    expect(placeAsked('where was the widget deal signed?')).toBe('located');
    expect(placeAsked('at what kind of event did she say it?')).toBe('located');
    expect(placeAsked('which countries buy widgets?')).toBe('named');
    expect(placeAsked('where do widgets fit in the plan?')).toBe('loose');
  });
});

describe('asksForTranslation', () => {
  it('recognises a request for a translation', () => {
    expect(asksForTranslation('how do you say hello in Korean?')).toBe(true);
    expect(asksForTranslation("what's the Armenian word for factory?")).toBe(true);
    expect(asksForTranslation('translate widget into Gizmish')).toBe(true);
  });

  it('leaves questions about what someone said alone', () => {
    expect(asksForTranslation('what did Najafi say in the Korea article?')).toBe(false);
    expect(asksForTranslation('how did he say it in the news conference?')).toBe(false);
    expect(asksForTranslation('how would you say it in the report, in short?')).toBe(false);
  });
});

describe('asksForSummary', () => {
  it('recognises requests for the gist of an article', () => {
    for (const q of [
      'summarise the armenia article',
      'tldr korea',
      "what's the exports story about",
      'overview of sme day',
    ])
      expect(asksForSummary(q), q).toBe(true);
  });

  it('reads "the gist of how …" and "tl;dr: what …" as a question asked briefly, not for an article’s gist', () => {
    expect(asksForSummary("what's the gist of how ISIPO is trying to boost SME exports?")).toBe(false);
    expect(asksForSummary('tl;dr: what is ISIPO trying to do with idle units?')).toBe(false);
  });

  it('reads "explain the X" as asking for the gist of X, and "explain why …" as a question asked', () => {
    expect(asksForSummary('explain the widget plan')).toBe(true);
    expect(asksForSummary('can you explain the widget plan')).toBe(true);
    expect(asksForSummary('explain why the widget plan matters')).toBe(false);
  });

  it('leaves questions about what an article says alone', () => {
    for (const q of ['what did the report say about exports', 'who is Rasoulian', 'what is ISIPO about'])
      expect(asksForSummary(q), q).toBe(false);
  });
});

describe('normaliseForQuote', () => {
  it('folds whitespace and typographic quotes only', () => {
    expect(normaliseForQuote('“Small  and\n medium” Iran’s')).toBe('"Small and medium" Iran\'s');
  });

  it('keeps spelling and case as they are', () => {
    expect(normaliseForQuote('ISIPO aid that')).toBe('ISIPO aid that');
  });
});

describe('figureKind', () => {
  it('tells shares, money and counts apart by the unit', () => {
    expect(figureKind("percent of Iran's industrial sector")).toBe('share');
    expect(figureKind('trillion rials')).toBe('money');
    expect(figureKind('billion US dollars')).toBe('money');
    expect(figureKind('industrial parks and zones')).toBe('count');
  });
});
