import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findTodos } from '../../src/knowledge/todos.ts';
import { TemplateError, writeFacts, writeMetadata } from '../../src/knowledge/templates.ts';

/** A folder holding these templates. */
function templates(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'templates-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const ARTICLE = `# Notes on this template: not written.

# Metadata for {id}.
id: '{id}'
title: 'TODO: a title' # TODO: no headline
date: null # TODO: no date
# TODO: if undated, say so:
# impliedDate: YYYY-MM-DD

# TODO: the outlet
outlet: 'TODO: the outlet'
credits: [] # TODO: none of {agencies}
---
title: '{headline}'
date: '{date}' # the text has "{dateText}"
credits: '{credits}' # TODO: check
`;

const FACTS = `# Notes on this template: not written.

# {drafts} draft(s) of {id}.
article: '{id}'
facts:
  - status: draft # TODO: review
    gives: [] # TODO: any of {answerTypes}
`;

const DIR = templates({ 'article.yaml': ARTICLE, 'facts.yaml': FACTS });
const VALUES = { id: 'widget-boom', agencies: ['IRNA', 'ISNA'] };

describe('writeMetadata', () => {
  it('writes each field as the first part gives it when the text does not tell it', () => {
    expect(writeMetadata(VALUES, {}, DIR)).toBe(
      [
        '# Metadata for widget-boom.',
        'id: widget-boom',
        "title: 'TODO: a title' # TODO: no headline",
        'date: null # TODO: no date',
        '# TODO: if undated, say so:',
        '# impliedDate: YYYY-MM-DD',
        '# TODO: the outlet',
        "outlet: 'TODO: the outlet'",
        'credits: [] # TODO: none of IRNA, ISNA',
        '',
      ].join('\n'),
    );
  });

  it('writes a field the text tells as the second part gives it, a list placeholder as the list', () => {
    const yaml = writeMetadata({ ...VALUES, credits: ['IRNA', 'Mehr'] }, { credits: 2 }, DIR);
    expect(yaml).toMatch(/^credits: \[IRNA, Mehr\] # TODO: check$/m);
    expect(parse(yaml).credits).toEqual(['IRNA', 'Mehr']);
  });

  it('writes the comment lines set off by a blank line only with the field above them', () => {
    const dated = { ...VALUES, date: '2021-07-13', dateText: 'date 2021-07-13' };
    const yaml = writeMetadata(dated, { date: true }, DIR);
    expect(yaml).toMatch(/^date: 2021-07-13 # the text has "date 2021-07-13"\n# TODO: the outlet\n/m);
    expect(yaml).not.toContain('impliedDate');
  });

  it('names the template, the field and a placeholder that has no value', () => {
    expect(() => writeMetadata({ id: 'x' }, {}, DIR)).toThrow(TemplateError);
    expect(() => writeMetadata({ id: 'x' }, {}, DIR)).toThrow(
      /article\.yaml: field credits: \{agencies\} is not known here/,
    );
  });

  it('names a template that does not parse or is missing', () => {
    const broken = templates({ 'article.yaml': "id: '{id}\n" });
    expect(() => writeMetadata(VALUES, {}, broken)).toThrow(/article\.yaml does not parse/);
    expect(() => writeMetadata(VALUES, {}, templates({}))).toThrow(/article\.yaml does not read \(ENOENT\)/);
  });

  it('leaves a TODO on each field of the project’s template that the text does not tell', () => {
    const yaml = writeMetadata({ id: 'x', source: 'x.txt', agencies: ['IRNA'] }, {});
    const fields = new Set(findTodos(parseDocument(yaml)).map((t) => t.field));
    for (const field of ['title', 'date', 'dateNote', 'outlet', 'outletNote', 'credits', 'dateline'])
      expect(fields, field).toContain(field);
  });
});

describe('writeFacts', () => {
  const facts = [
    { id: 'widget-boom-draft-1', status: 'draft', gives: ['count'], quote: 'Widgets rose by 12 percent.' },
    { id: 'widget-boom-draft-2', status: 'draft', gives: ['date'], quote: 'It was in the year 2019.' },
  ];
  const values = { id: 'widget-boom', drafts: 2, answerTypes: ['count', 'date'] };

  it('writes the header above `article` and the comments of the template’s draft on every draft', () => {
    expect(writeFacts(facts, values, DIR)).toBe(
      [
        '# 2 draft(s) of widget-boom.',
        'article: widget-boom',
        'facts:',
        '  - id: widget-boom-draft-1',
        '    status: draft # TODO: review',
        '    gives: [count] # TODO: any of count, date',
        '    quote: >-',
        '      Widgets rose by 12 percent.',
        '',
        '  - id: widget-boom-draft-2',
        '    status: draft # TODO: review',
        '    gives: [date] # TODO: any of count, date',
        '    quote: >-',
        '      It was in the year 2019.',
        '',
      ].join('\n'),
    );
  });

  it('names a facts template without its `article` and its one draft', () => {
    const dir = templates({ 'facts.yaml': FACTS.replace('article:', 'articles:') });
    expect(() => writeFacts(facts, values, dir)).toThrow(/facts\.yaml: expected `article` and `facts`/);
  });

  it('writes the project’s template as YAML that reads back as the drafts', () => {
    const yaml = writeFacts(facts, { ...values, sentences: 3 });
    expect(parse(yaml)).toEqual({ article: 'widget-boom', facts });
    expect(findTodos(parseDocument(yaml)).map((t) => t.field)).toContain('facts.0.status');
  });
});
