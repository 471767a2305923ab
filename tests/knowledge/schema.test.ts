import { describe, expect, it } from 'vitest';
import { aboutSchema, factSchema } from '../../src/knowledge/schema.ts';

/** A reviewed fact that passes the schema; each test breaks one thing. */
const FACT = {
  id: 'jane-doe-said',
  answer: 'Jane Doe, head of the Widget Council, said widgets are booming in Widgetland.',
  questions: ['What did Jane Doe say?'],
  quote: 'Jane Doe said widgets are booming.',
  gives: ['statement'],
  speaker: 'Jane Doe',
  places: ['Widgetland'],
};

function issues(fact: Record<string, unknown>): { field: string; message: string }[] {
  const r = factSchema.safeParse(fact);
  return r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

describe('the fact schema', () => {
  it('accepts a reviewed fact with gives, speaker, people, places, period and agreement', () => {
    expect(
      issues({
        ...FACT,
        people: [{ name: 'Jane Doe', role: 'head of the Widget Council' }],
        period: ['2021', '2021-07'],
        agreement: {
          kind: 'MOU',
          parties: ['Acme Corp', 'Gizmo Ltd'],
          date: '2021-07-13',
          subject: 'robots',
        },
      }),
    ).toEqual([]);
  });

  it('accepts a span of months that runs forward, and names the field of one that does not', () => {
    expect(issues({ ...FACT, span: { from: '2019-03', to: '2020-03' } })).toEqual([]);
    expect(issues({ ...FACT, span: { from: '2020-03', to: '2019-03' } })).toEqual([
      { field: 'span.to', message: 'from must be before to' },
    ]);
    expect(issues({ ...FACT, span: { from: '2019', to: '2020-03' } })).toEqual([
      { field: 'span.from', message: 'must be YYYY-MM' },
    ]);
  });

  it('accepts what the fact leaves unsaid only when its mention is in the quote', () => {
    const entry = { mention: 'widgets', what: 'which widgets', asks: ['list'] };
    expect(issues({ ...FACT, unsaid: [entry] })).toEqual([]);
    expect(issues({ ...FACT, unsaid: [{ ...entry, mention: 'gadgets' }] })).toEqual([
      { field: 'unsaid.0.mention', message: 'is not in the quote' },
    ]);
  });

  it('requires gives and places on a reviewed fact', () => {
    const { gives: _g, places: _p, ...bare } = FACT;
    expect(issues({ ...bare, speaker: undefined }).map((i) => i.field)).toEqual(['gives', 'places']);
  });

  it('lets a draft leave out gives and places', () => {
    const { gives: _g, places: _p, speaker: _s, ...bare } = FACT;
    expect(issues({ ...bare, status: 'draft' })).toEqual([]);
  });

  it('accepts an empty list of places but not an empty gives', () => {
    expect(issues({ ...FACT, places: [] })).toEqual([]);
    expect(issues({ ...FACT, gives: [] }).map((i) => i.field)).toContain('gives');
  });

  it('takes the kinds of answer from the fixed list only, each once', () => {
    expect(issues({ ...FACT, gives: ['statement', 'weather'] }).map((i) => i.field)).toEqual(['gives.1']);
    expect(issues({ ...FACT, gives: ['statement', 'statement'] })).toEqual([
      { field: 'gives', message: 'lists a kind twice' },
    ]);
  });

  it('wants a speaker for a statement, and a statement when there is a speaker', () => {
    expect(issues({ ...FACT, speaker: undefined })).toEqual([
      { field: 'speaker', message: expect.stringMatching(/gives a statement/) },
    ]);
    expect(issues({ ...FACT, gives: ['count'] })).toEqual([
      { field: 'gives', message: expect.stringMatching(/has a speaker \(Jane Doe\)/) },
    ]);
  });

  it('takes period entries as YYYY or YYYY-MM, a YAML number year too', () => {
    expect(issues({ ...FACT, period: [2019, '2020-03'] })).toEqual([]);
    for (const bad of ['2021-07-13', '2021-13', '21', 'spring'])
      expect(issues({ ...FACT, period: [bad] })).toEqual([
        { field: 'period.0', message: 'must be YYYY or YYYY-MM' },
      ]);
  });

  it('wants an agreement to have a known kind, two parties and a subject', () => {
    const agreement = { kind: 'MOU', parties: ['Acme Corp', 'Gizmo Ltd'], subject: 'robot trade' };
    expect(issues({ ...FACT, agreement })).toEqual([]);
    expect(issues({ ...FACT, agreement: { ...agreement, kind: 'treaty' } }).map((i) => i.field)).toEqual([
      'agreement.kind',
    ]);
    expect(issues({ ...FACT, agreement: { ...agreement, parties: ['Acme Corp'] } })).toEqual([
      { field: 'agreement.parties', message: 'an agreement has at least two parties' },
    ]);
    const { subject: _s, ...noSubject } = agreement;
    expect(issues({ ...FACT, agreement: noSubject }).map((i) => i.field)).toEqual(['agreement.subject']);
  });

  it('wants each person to have a name and a role', () => {
    expect(issues({ ...FACT, people: [{ name: 'Jane Doe' }] }).map((i) => i.field)).toEqual([
      'people.0.role',
    ]);
  });
});

describe('the about schema', () => {
  const about = { homeCountry: 'Widgetland', subject: 'Widgetland’s widget industry' };

  it('takes the home country, the subject and an optional refusal', () => {
    expect(aboutSchema.safeParse(about).success).toBe(true);
    expect(
      aboutSchema.safeParse({ ...about, refusal: 'Not covered: I know {material} about {subject}.' }).success,
    ).toBe(true);
  });

  it('rejects a refusal with a placeholder it cannot fill', () => {
    const r = aboutSchema.safeParse({ ...about, refusal: 'I only know {articles} about {subject}.' });
    expect(r.error?.issues[0]?.message).toMatch(/only \{material\} and \{subject\}/);
  });
});
