/** Short citations for onboarding (tour, quiz, timeline): article title, outlet and date of a fact. */
import type { Engine } from '../engine/engine.ts';
import { citationTitle, truncate } from '../engine/render.ts';
import type { Fact } from '../engine/types.ts';

/** A fact as onboarding shows it: its answer and a short citation. */
export interface CitedFact {
  factId: string;
  text: string;
  /** "Title — Outlet, 13 July 2021" (or "undated"). */
  citation: string;
}

export function citeFact(engine: Engine, fact: Fact): CitedFact {
  const answered = engine.answeredFact(fact);
  return { factId: fact.id, text: fact.answer, citation: citationTitle(answered.citation) };
}

/** Cuts text at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

/** "Who is X?" / "What is X?" among a fact's curated questions: the fact introduces X. */
export function introduces(fact: Fact, entity: string): 'who' | 'what' | null {
  const e = entity.toLowerCase();
  for (const q of fact.questions) {
    const m = /^(who|what) (?:is|are) (.+?)\?*$/i.exec(q.trim());
    if (m && (m[2] as string).toLowerCase() === e) return (m[1] as string).toLowerCase() as 'who' | 'what';
  }
  return null;
}

/** Every entity the material introduces, with the fact that does and whether it is a person ("who"). */
export function introductions(engine: Engine): { entity: string; fact: Fact; kind: 'who' | 'what' }[] {
  const seen = new Set<string>();
  const out: { entity: string; fact: Fact; kind: 'who' | 'what' }[] = [];
  for (const fact of engine.facts) {
    for (const entity of fact.entities) {
      const kind = introduces(fact, entity);
      if (kind && !seen.has(entity)) {
        seen.add(entity);
        out.push({ entity, fact, kind });
      }
    }
  }
  return out;
}
