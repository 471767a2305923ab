import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.ts';
import { formatDate, quoted, renderAnswerText } from '../../src/engine/render.ts';
import { miniKb } from '../helpers/mini-kb.ts';

describe('quoted', () => {
  it('puts a plain quote in quotation marks, on one line', () => {
    expect(quoted('ISIPO has signed\n  an MOU.')).toBe('“ISIPO has signed an MOU.”');
  });

  it('shows a quote with quotation marks of its own as it is, never with doubled marks', () => {
    const q = '“Foodstuff and rugs were among the most exported commodities,” Mosaheb told IRNA.';
    expect(quoted(q)).toBe(q);
  });
});

describe('formatDate', () => {
  it('writes a day, a month or a year as people read them', () => {
    expect(formatDate('2021-07-13')).toBe('13 July 2021');
    expect(formatDate('2021-07')).toBe('July 2021');
    expect(formatDate('2021')).toBe('2021');
  });
});

describe('renderAnswerText', () => {
  it('names each article once, with every quote from it under it', () => {
    const engine = new Engine(miniKb());
    const text = renderAnswerText(engine.answer('summarise the widgetland article'));
    expect(text.match(/Widgetland in numbers/g)).toHaveLength(2); // the heading and one source line
    expect(text).toContain('Source:\n  “Widgetland in numbers” — Widget Times, 1 May 2021 [widgets]\n    “');
    expect(text.match(/^ {4}“/gm)).toHaveLength(4);
  });

  it('gives a near miss’s refusal the source of what the material does say', () => {
    const text = renderAnswerText(
      new Engine(miniKb()).answer('how many widget factories were there in 2019?'),
    );
    expect(text).toMatch(/What it does say/);
    expect(text).toMatch(/Source:\n.*Widget Times/);
  });
});
