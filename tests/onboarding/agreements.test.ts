import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import {
  agreementGroups,
  allAgreements,
  partnerLabel,
  partnerNames,
} from '../../src/onboarding/agreements.ts';
import { miniKb, miniKbWithAgreements } from '../helpers/mini-kb.ts';

const engine = new Engine(miniKbWithAgreements());

describe('the agreements in the material', () => {
  it('lists every fact’s agreement once, oldest first, undated last', () => {
    expect(allAgreements(engine).map((a) => a.fact.id)).toEqual([
      'council-bolt',
      'council-nut',
      'gizmoland-deal',
      'acme-mou',
    ]);
  });

  it('groups the agreements of a topic, newest first, undated last; one without a topic stands alone', () => {
    const groups = agreementGroups(engine);
    expect(groups.map((g) => [g.key, g.agreements.length])).toEqual([
      ['gizmoland-deal', 1],
      ['council-day', 2],
      ['acme-mou', 1],
    ]);
    expect(groups[1]?.title).toBe('The Widget Council’s MOU day');
    expect(groups[2]?.title).toBe('MOU: Acme Corp and Gizmo Ltd');
    expect(groups[1]?.dates).toEqual(['2021-03-01']);
    expect(groups[2]?.dates).toEqual([]);
  });

  it('takes the party every agreement of a group shares as the home side and the others as partners', () => {
    const day = agreementGroups(engine).find((g) => g.key === 'council-day')!;
    expect(day.partners).toEqual(['Bolt Co', 'Nut Co']);
    expect(day.parties).toEqual(['Widget Council', 'Bolt Co', 'Nut Co']);
    expect(partnerLabel(day)).toBe('Bolt Co, Nut Co');
  });

  it('takes the party of another country as the partner, with that country (not the home one)', () => {
    const deal = agreementGroups(engine).find((g) => g.key === 'gizmoland-deal')!;
    expect(deal.countries).toEqual(['Gizmoland']);
    expect(deal.partners).toEqual(["Gizmoland's Trade Office"]);
    expect(partnerLabel(deal)).toBe("Gizmoland — Gizmoland's Trade Office");
    expect(partnerNames(agreementGroups(engine))).toEqual([
      'Gizmoland',
      "Gizmoland's Trade Office",
      'Bolt Co',
      'Nut Co',
      'Acme Corp',
      'Gizmo Ltd',
    ]);
  });

  it('puts first the facts that name most parties, and, in a group of many agreements, each agreement’s own fact last', () => {
    const day = agreementGroups(engine).find((g) => g.key === 'council-day')!;
    expect(day.facts.map((f) => f.id)).toEqual(['council-day-summary', 'council-bolt', 'council-nut']);
  });

  it('finds no agreement in a material without any', () => {
    const kb = miniKb();
    kb.facts = kb.facts.filter((f) => !f.agreement);
    expect(agreementGroups(new Engine(kb))).toEqual([]);
  });
});
