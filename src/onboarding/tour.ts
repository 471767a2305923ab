/**
 * The /onboard tour: a few pages that walk a newcomer through the material — who is who, the
 * agreements, the key figures, the export picture and where the sources disagree. Every page is
 * chosen from the knowledge base by topic, entities, figures and agreements (no fact text is
 * written here), and every item carries its citation.
 */
import type { Engine } from '../engine/engine.ts';
import { figureKind } from '../engine/normalise.ts';
import type { Fact } from '../engine/types.ts';
import { countWords } from '../engine/about.ts';
import { agreementGroups } from './agreements.ts';
import { citeFact, introductions } from './cite.ts';
import type { CitedFact } from './cite.ts';

export interface TourPage {
  title: string;
  intro: string;
  items: CitedFact[];
  /** A note under the items (e.g. why the sources differ). */
  note?: string | undefined;
}

const PER_PAGE = 6;

/** When a fact's figure or event is from: its date, else its newest figure's asOf. */
function when(fact: Fact): string {
  return (
    fact.date ??
    fact.figures
      .map((f) => f.asOf ?? '')
      .sort()
      .at(-1) ??
    ''
  );
}

function newestFirst(a: Fact, b: Fact): number {
  return when(b).localeCompare(when(a));
}

/** The people and bodies the material introduces, the most mentioned first. */
function peoplePage(engine: Engine): TourPage {
  const mentions = (entity: string) => engine.facts.filter((f) => f.entities.includes(entity)).length;
  const intros = introductions(engine).sort(
    (a, b) => mentions(b.entity) - mentions(a.entity) || a.entity.localeCompare(b.entity),
  );
  const facts = [...new Set(intros.map((i) => i.fact))].slice(0, PER_PAGE);
  return {
    title: 'The organisations and people',
    intro: 'Who is who in the material, the most often named first.',
    items: facts.map((f) => citeFact(engine, f)),
  };
}

/** The agreements, from the facts' agreement fields: each group's two key facts. */
function agreementsPage(engine: Engine): TourPage {
  const groups = agreementGroups(engine);
  const agreements = groups.flatMap((g) => g.agreements);
  const kinds = [...new Set(agreements.map((a) => a.kind))];
  const kind = kinds.length === 1 && kinds[0] !== 'agreement' ? ` (${kinds[0]}s)` : '';
  const n = agreements.length;
  return {
    title: `The agreements${kind}`,
    intro:
      `The material reports ${countWords(n)} agreement${n === 1 ? '' : 's'}` +
      (groups.length > 1 ? ` in ${countWords(groups.length)} groups` : '') +
      `: ${groups.map((g) => (g.agreements.length > 1 ? `${g.title} (${countWords(g.agreements.length)})` : g.title)).join('; ')}.`,
    items: groups
      .flatMap((g) => g.facts.slice(0, 2))
      .slice(0, PER_PAGE)
      .map((f) => citeFact(engine, f)),
  };
}

const EXPORT = /export/i;
const DURATION = /^(years?|months?|decades?|days?|weeks?)$/i;

function isExportFact(engine: Engine, f: Fact): boolean {
  const topic = f.topic ? engine.topics.get(f.topic) : undefined;
  return (topic !== undefined && EXPORT.test(topic.title)) || f.figures.some((g) => EXPORT.test(g.unit));
}

function inDisagreement(engine: Engine, f: Fact): boolean {
  return f.topic !== undefined && engine.topics.get(f.topic)?.kind === 'disagreement';
}

/** The headline figures: the newest of each topic's figures, then figures on their own; no exports or disagreements. */
function figuresPage(engine: Engine): TourPage {
  const candidates = engine.facts.filter(
    (f) =>
      f.figures.some((g) => !DURATION.test(g.unit)) && !isExportFact(engine, f) && !inDisagreement(engine, f),
  );
  const byGroup = new Map<string, Fact[]>();
  for (const f of candidates) {
    const key = f.topic ?? `fact:${f.id}`;
    byGroup.set(key, [...(byGroup.get(key) ?? []), f]);
  }
  const rank = (key: string) => {
    const kind = engine.topics.get(key)?.kind;
    return kind === 'trend' ? 0 : kind ? 1 : 2;
  };
  const facts = [...byGroup.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([, fs]) => [...fs].sort(newestFirst)[0] as Fact)
    // A count before a share or an amount within the same rank.
    .sort((a, b) => {
      const k = (f: Fact) => (f.figures.some((g) => figureKind(g.unit) === 'count') ? 0 : 1);
      return k(a) - k(b);
    });
  return {
    title: 'The figures',
    intro: 'The key numbers, the newest of each.',
    items: facts.slice(0, PER_PAGE).map((f) => citeFact(engine, f)),
  };
}

/** SMEs' exports: the figures first, then what is exported and how. */
function exportsPage(engine: Engine): TourPage {
  // Facts of the export topic before facts that only have an export figure; figures first.
  const score = (f: Fact) =>
    (f.topic !== undefined && EXPORT.test(engine.topics.get(f.topic)?.title ?? '') ? 2 : 0) +
    (f.figures.length > 0 ? 1 : 0);
  const facts = engine.facts
    .filter((f) => isExportFact(engine, f) && !inDisagreement(engine, f))
    .sort((a, b) => score(b) - score(a));
  return {
    title: 'The export picture',
    intro: 'What the material says about SMEs’ exports.',
    items: facts.slice(0, PER_PAGE).map((f) => citeFact(engine, f)),
  };
}

/** Where sources give different figures (disagreement topics), and figures that changed over time (trends). */
function disagreementsPage(engine: Engine): TourPage {
  const topics = [...engine.topics.values()].filter((t) => t.kind === 'disagreement' || t.kind === 'trend');
  topics.sort((a, b) => Number(b.kind === 'disagreement') - Number(a.kind === 'disagreement'));
  const facts = topics.flatMap((t) => engine.facts.filter((f) => f.topic === t.id).sort(newestFirst));
  const notes = topics.map((t) =>
    t.kind === 'disagreement'
      ? `${t.title}: the sources disagree.${t.note ? ` ${t.note}` : ''}`
      : `${t.title}: the figure changed over time (not a contradiction).`,
  );
  return {
    title: 'Where the material disagrees',
    intro: 'Ask for these and the bot gives every source side by side.',
    items: facts.slice(0, PER_PAGE).map((f) => citeFact(engine, f)),
    note: notes.join('\n'),
  };
}

/** The tour's pages, in order; pages the material has nothing for are left out. */
export function tourPages(engine: Engine): TourPage[] {
  return [
    peoplePage(engine),
    agreementsPage(engine),
    figuresPage(engine),
    exportsPage(engine),
    disagreementsPage(engine),
  ].filter((p) => p.items.length > 0);
}
