import { describe, expect, it } from 'vitest';
import { figureKind } from '../../src/engine/normalise.ts';
import { clampQuestions, figureLabel, makeQuiz, questionPool } from '../../src/onboarding/quiz.ts';
import { fixtureEngine } from '../helpers/fixture-kb.ts';

const engine = fixtureEngine();

/** Every label the material could give: its figures (as any unit family shows them) and its named parties. */
const figureLabels = new Set(
  engine.facts.flatMap((f) =>
    f.figures.flatMap((g) => engine.facts.flatMap((o) => o.figures.map((u) => figureLabel(g.value, u.unit)))),
  ),
);
const entities = new Set(engine.facts.flatMap((f) => f.entities));

describe('the quiz', () => {
  it('is the same for the same seed and differs for another seed', () => {
    expect(makeQuiz(engine, 42, 5)).toEqual(makeQuiz(engine, 42, 5));
    expect(makeQuiz(engine, 43, 5)).not.toEqual(makeQuiz(engine, 42, 5));
  });

  it('asks between 3 and 10 questions', () => {
    expect(makeQuiz(engine, 1, 5)).toHaveLength(5);
    expect(makeQuiz(engine, 1, 1)).toHaveLength(3);
    expect(makeQuiz(engine, 1, 50)).toHaveLength(10);
    expect(clampQuestions(undefined)).toBe(5);
  });

  it('gives four distinct options, one right, the wrong ones drawn from the material', () => {
    for (let seed = 0; seed < 30; seed++) {
      for (const q of makeQuiz(engine, seed, 10)) {
        expect(q.options).toHaveLength(4);
        expect(new Set(q.options).size).toBe(4);
        expect(q.correct).toBeGreaterThanOrEqual(0);
        const right = q.options[q.correct]!;
        for (const [i, o] of q.options.entries()) {
          if (i === q.correct) continue;
          expect(o).not.toBe(right);
          if (q.kind === 'figure') expect(figureLabels.has(o)).toBe(true);
          else expect(entities.has(o)).toBe(true);
        }
        expect(q.citation).toMatch(/ — .+, (\d{1,2} \w{3} \d{4}|undated)$/);
      }
    }
  });

  it('takes the right answer from the fact: its figure, or the body or person it introduces', () => {
    for (const q of makeQuiz(engine, 7, 10)) {
      const fact = engine.fact(q.factId)!;
      const right = q.options[q.correct]!;
      if (q.kind === 'figure') {
        expect(fact.figures.map((g) => figureLabel(g.value, g.unit))).toContain(right);
      } else expect(fact.entities).toContain(right);
    }
  });

  it('asks "how many" with a date, e.g. export consortiums as of late 2019', () => {
    const q = questionPool(engine).find((c) => c.fact.id === 'fixture-exports-64-consortiums');
    expect(q?.text).toBe('How many export consortiums are there in Iran? (as of December 2019)');
    expect(q?.right).toBe('64');
  });

  it('never offers another source’s figure for the same thing as a wrong option', () => {
    // The fixture's disagreement: 91 percent, "more than 90 percent" and "nearly 50 percent".
    const q = questionPool(engine).find((c) => c.fact.id === 'fixture-sme-share-91')!;
    expect(q.wrong).not.toContain('90%');
    expect(q.wrong).not.toContain('50%');
    for (const c of questionPool(engine).filter((c) => c.kind === 'figure')) {
      const kind = figureKind(c.fact.figures[0]!.unit);
      expect(['share', 'money', 'count']).toContain(kind);
    }
  });

  it('never offers a person who also fits the question (two heads of ZSIA)', () => {
    const q = questionPool(engine).find((c) => c.right === 'Kaveh Nouri')!;
    expect(q.text).toBe('Who is the head of ZSIA?');
    expect(q.wrong).not.toContain('Parisa Rahimi');
    expect(q.wrong.length).toBeGreaterThanOrEqual(3);
  });
});
