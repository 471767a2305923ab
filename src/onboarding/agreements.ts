/**
 * The agreements in the material, from the facts' `agreement` fields: each is carried by the one
 * fact that reports its signing, so the list is complete and has no duplicates. Agreements whose
 * facts share a topic (the seven MOUs of one day) are shown together as a group, with the topic's
 * other facts for context. No agreement, partner or fact id is named in code.
 */
import type { Engine } from '../engine/engine.ts';
import type { Agreement, Fact } from '../engine/types.ts';

/** One agreement and the fact that reports its signing. */
export interface AgreementEntry extends Agreement {
  fact: Fact;
}

/** Agreements that belong together: one topic's, or one agreement alone. */
export interface AgreementGroup {
  /** The topic id, or the carrying fact's id when it has no topic. */
  key: string;
  title: string;
  agreements: AgreementEntry[];
  /** The countries other than the home country the agreements are with. */
  countries: string[];
  /** The parties on the other side: those not in every agreement of the group, or those of another country. */
  partners: string[];
  /** Every party, the home side first. */
  parties: string[];
  /** The agreements' dates, oldest first (empty when the material gives none). */
  dates: string[];
  /** The facts that say most about the agreements first (see keyFacts). */
  facts: Fact[];
}

const lower = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'");
const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** Every agreement in the material, oldest first, undated ones last. */
export function allAgreements(engine: Engine): AgreementEntry[] {
  return engine.facts
    .filter((f) => f.agreement !== undefined)
    .map((fact) => ({ ...(fact.agreement as Agreement), fact }))
    .sort((a, b) => byDate(a.date ?? a.fact.date, b.date ?? b.fact.date));
}

function byDate(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}

/** How many of the parties a fact names in its entities or answer. */
function partiesNamed(fact: Fact, parties: readonly string[]): number {
  const text = lower([fact.answer, ...fact.entities].join('\n'));
  return parties.filter((p) => text.includes(lower(p))).length;
}

/**
 * The facts of a group, the ones that say most about its agreements first: those naming more of
 * the parties, in file order on ties. When a group has several agreements, the facts that each
 * carry one come last: the agreements themselves list them.
 */
function keyFacts(facts: readonly Fact[], parties: readonly string[], agreements: number): Fact[] {
  const carries = (f: Fact) => (agreements > 2 && f.agreement ? 1 : 0);
  return facts
    .map((f, i) => ({ f, i, named: partiesNamed(f, parties) }))
    .sort((a, b) => carries(a.f) - carries(b.f) || b.named - a.named || a.i - b.i)
    .map((x) => x.f);
}

/** The agreements grouped by topic, newest first, undated groups last. */
export function agreementGroups(engine: Engine): AgreementGroup[] {
  const home = lower(engine.kb.about.homeCountry);
  const byKey = new Map<string, AgreementEntry[]>();
  for (const a of allAgreements(engine)) {
    const key = a.fact.topic ?? a.fact.id;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const groups = [...byKey.entries()].map(([key, agreements]): AgreementGroup => {
    const topic = engine.topics.get(key);
    const carriers = agreements.map((a) => a.fact);
    const facts = unique([...carriers, ...engine.facts.filter((f) => topic && f.topic === key)]);
    const countries = unique(carriers.flatMap((f) => f.places)).filter((p) => lower(p) !== home);
    const parties = unique(agreements.flatMap((a) => a.parties));
    const inEvery = parties.filter((p) => agreements.every((a) => a.parties.includes(p)));
    const foreign = parties.filter((p) => countries.some((c) => lower(p).includes(lower(c))));
    const partners =
      agreements.length > 1 && inEvery.length > 0
        ? parties.filter((p) => !inEvery.includes(p))
        : foreign.length > 0
          ? foreign
          : parties.filter((p) => lower(p) !== home);
    const first = agreements[0] as AgreementEntry;
    return {
      key,
      title:
        topic?.title ??
        `${first.kind[0]!.toUpperCase()}${first.kind.slice(1)}: ${first.parties.join(' and ')}`,
      agreements,
      countries,
      partners,
      parties: [...parties.filter((p) => !partners.includes(p)), ...partners],
      dates: unique(agreements.flatMap((a) => a.date ?? a.fact.date ?? [])).sort(),
      facts: keyFacts(facts, parties, agreements.length),
    };
  });
  const newest = (g: AgreementGroup) => g.dates.at(-1) ?? '';
  return groups.sort(
    (a, b) =>
      Number(a.dates.length === 0) - Number(b.dates.length === 0) || newest(b).localeCompare(newest(a)),
  );
}

/** Who a group's agreements are with, in a line: "Armenia — Armenia's Investor Support Center". */
export function partnerLabel(g: AgreementGroup): string {
  const partners = g.partners.join(', ');
  return g.countries.length > 0 ? `${g.countries.join(', ')} — ${partners}` : partners;
}

/** The names a partner may be asked by: the countries, then the partner bodies. */
export function partnerNames(groups: readonly AgreementGroup[]): string[] {
  return unique(groups.flatMap((g) => [...g.countries, ...g.partners]));
}
