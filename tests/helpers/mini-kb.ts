/** A small in-memory knowledge base for engine tests: independent of the curated one. */
import type { Fact, KnowledgeBase } from '../../src/engine/types.ts';

const text = `Widgetland has 120 widget factories. In 2020 it had only 80 widget factories.
Acme Corp signed a memorandum of understanding with Gizmo Ltd on robot trade.
Jane Doe is the head of the Widget Council. Widgets make up 60 percent of exports.
Others say widgets make up nearly 30 percent of exports.`;

function fact(partial: Partial<Fact> & Pick<Fact, 'id' | 'answer' | 'quote' | 'questions'>): Fact {
  return {
    articleId: 'widgets',
    status: 'reviewed',
    keywords: [],
    entities: [],
    figures: [],
    gives: ['description'],
    places: [],
    ...partial,
  };
}

export function miniKb(): KnowledgeBase {
  return {
    about: { homeCountry: 'Widgetland', subject: 'Widgetland’s widget industry' },
    articles: [
      {
        id: 'widgets',
        title: 'Widgetland in numbers',
        titleIsHeadline: true,
        date: '2021-05-01',
        dateNote: 'Dated 1 May 2021.',
        outlet: 'Widget Times',
        credits: [],
        dateline: null,
        text,
      },
    ],
    topics: [
      { id: 'factory-count', title: 'Factory count', kind: 'trend' },
      { id: 'export-share', title: 'Export share', kind: 'disagreement', note: 'Two figures.' },
    ],
    aliases: [{ canonical: 'mou', variants: ['memorandum of understanding', 'memorandum', 'MoU'] }],
    facts: [
      fact({
        id: 'factories-2021',
        gives: ['count', 'date'],
        answer: 'Widgetland had 120 widget factories in May 2021.',
        quote: 'Widgetland has 120 widget factories.',
        questions: ['How many widget factories does Widgetland have?', 'widget factory count'],
        figures: [{ value: 120, unit: 'factories', asOf: '2021-05' }],
        date: '2021-05-01',
        topic: 'factory-count',
        places: ['Widgetland'],
        period: ['2021-05'],
      }),
      fact({
        id: 'factories-2020',
        gives: ['count', 'date'],
        answer: 'In 2020 Widgetland had 80 widget factories.',
        quote: 'In 2020 it had only 80 widget factories.',
        questions: ['How many widget factories were there in 2020?'],
        figures: [{ value: 80, unit: 'factories', asOf: '2020' }],
        date: '2020',
        topic: 'factory-count',
        places: ['Widgetland'],
        period: ['2020'],
      }),
      fact({
        id: 'acme-mou',
        gives: ['organisation', 'description'],
        answer: 'Acme Corp signed a memorandum of understanding (MOU) with Gizmo Ltd on robot trade.',
        quote: 'Acme Corp signed a memorandum of understanding with Gizmo Ltd on robot trade.',
        questions: ['What MOU did Acme sign?', 'Who did Acme Corp sign an agreement with?'],
        keywords: ['agreement', 'deal'],
        entities: ['Acme Corp', 'Gizmo Ltd'],
        agreement: { kind: 'MOU', parties: ['Acme Corp', 'Gizmo Ltd'], subject: 'robot trade' },
      }),
      fact({
        id: 'jane-doe',
        gives: ['person', 'role'],
        answer: 'Jane Doe is the head of the Widget Council.',
        quote: 'Jane Doe is the head of the Widget Council.',
        questions: ['Who is Jane Doe?', 'Who heads the Widget Council?'],
        entities: ['Jane Doe', 'Widget Council'],
        people: [{ name: 'Jane Doe', role: 'head of the Widget Council' }],
      }),
      fact({
        id: 'export-share-60',
        gives: ['share'],
        answer: 'Widgets make up 60 percent of Widgetland exports.',
        quote: 'Widgets make up 60 percent of exports.',
        questions: ['What share of exports are widgets?'],
        figures: [{ value: 60, unit: 'percent of exports' }],
        topic: 'export-share',
        date: '2021-04',
        places: ['Widgetland'],
        period: ['2021-04'],
      }),
      fact({
        id: 'export-share-30',
        gives: ['share'],
        answer: 'Other sources say widgets make up nearly 30 percent of exports.',
        quote: 'Others say widgets make up nearly 30 percent of exports.',
        questions: ['What percentage of exports do widgets account for?'],
        figures: [{ value: 30, unit: 'percent of exports', qualifier: 'nearly' }],
        topic: 'export-share',
        date: '2021-03',
        period: ['2021-03'],
      }),
      fact({
        id: 'draft-fact',
        status: 'draft',
        answer: 'A draft about zebra crossings that must never be served.',
        quote: 'Widgetland has 120 widget factories.',
        questions: ['What about zebra crossings?'],
        gives: [],
      }),
    ],
  };
}

function agreementFact(partial: Partial<Fact> & Pick<Fact, 'id' | 'answer'>): Fact {
  return {
    articleId: 'widgets',
    status: 'reviewed',
    questions: ['What about it?'],
    keywords: [],
    entities: [],
    figures: [],
    quote: 'Acme Corp signed a memorandum of understanding with Gizmo Ltd on robot trade.',
    gives: ['organisation'],
    places: [],
    ...partial,
  };
}

/**
 * The mini KB (Acme Corp – Gizmo Ltd, no topic, undated) with a day on which the Widget Council
 * signed two MOUs (a topic) and a dated MOU with a body of another country.
 */
export function miniKbWithAgreements(): KnowledgeBase {
  const kb = miniKb();
  kb.topics.push({ id: 'council-day', title: 'The Widget Council’s MOU day', kind: 'related' });
  const councilMou = (partner: string) => ({
    kind: 'MOU' as const,
    parties: ['Widget Council', partner],
    date: '2021-03-01',
    subject: 'widget standards',
  });
  kb.facts.push(
    agreementFact({
      id: 'council-day-summary',
      answer: 'On 1 March 2021 the Widget Council signed two MOUs, with Bolt Co and Nut Co.',
      entities: ['Widget Council', 'Bolt Co', 'Nut Co'],
      topic: 'council-day',
      date: '2021-03-01',
    }),
    agreementFact({
      id: 'council-bolt',
      answer: 'Bolt Co signed an MOU with the Widget Council on 1 March 2021.',
      entities: ['Bolt Co', 'Widget Council'],
      topic: 'council-day',
      agreement: councilMou('Bolt Co'),
    }),
    agreementFact({
      id: 'council-nut',
      answer: 'Nut Co signed an MOU with the Widget Council on 1 March 2021.',
      entities: ['Nut Co', 'Widget Council'],
      topic: 'council-day',
      agreement: councilMou('Nut Co'),
    }),
    agreementFact({
      id: 'gizmoland-deal',
      answer: 'In June 2021 the Widget Council agreed with Gizmoland’s Trade Office on exports.',
      entities: ['Widget Council', "Gizmoland's Trade Office"],
      places: ['Widgetland', 'Gizmoland'],
      agreement: {
        kind: 'agreement',
        parties: ['Widget Council', "Gizmoland's Trade Office"],
        date: '2021-06',
        subject: 'exports',
      },
    }),
  );
  return kb;
}
