/** Writes a small, valid knowledge base folder to a temp dir, for loader and CLI tests to break. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ARTICLE_TEXT = `Widgetland has 120 widget factories.

Jane Doe is the head of the Widget Council.

The council meets every spring in the capital city.`;

export const FACTS_YAML = `article: widgets
facts:
  - id: widget-factories
    answer: Widgetland had 120 widget factories in 2021.
    questions: [How many widget factories are there?]
    figures: [{ value: 120, unit: factories, asOf: 2021 }]
    gives: [count]
    places: [Widgetland]
    period: ['2021']
    quote: Widgetland has 120 widget factories.
  - id: jane-doe
    answer: Jane Doe is the head of the Widget Council.
    questions: [Who is Jane Doe?]
    gives: [person, role]
    people: [{ name: Jane Doe, role: head of the Widget Council }]
    places: []
    quote: Jane Doe is the head of the Widget Council.
`;

export function writeKbDir(overrides: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  mkdirSync(join(dir, 'articles'));
  mkdirSync(join(dir, 'facts'));
  const files: Record<string, string> = {
    'articles/widgets.txt': ARTICLE_TEXT,
    'articles/widgets.yaml': `id: widgets
source: widgets.txt
title: Widgetland in numbers
titleIsHeadline: true
date: 2021-05-01
dateNote: Dated 1 May 2021.
outlet: Widget Times
credits: [WNA]
dateline: WIDGETVILLE
`,
    'facts/widgets.yaml': FACTS_YAML,
    'topics.yaml': 'topics: []\n',
    'aliases.yaml': 'groups:\n  - canonical: mou\n    variants: [memorandum]\n',
    'about.yaml': `homeCountry: Widgetland\nsubject: Widgetland's widget industry\n`,
    ...overrides,
  };
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  return dir;
}
