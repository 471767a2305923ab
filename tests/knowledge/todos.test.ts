import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findTodos } from '../../src/knowledge/todos.ts';

describe('findTodos', () => {
  it('finds a TODO in a value and names its field', () => {
    const doc = parseDocument('title: Widgets\noutlet: "TODO: the outlet"\n');
    expect(findTodos(doc.contents)).toEqual([{ field: 'outlet', text: 'TODO: the outlet' }]);
  });

  it('finds a TODO in a comment beside or above a field', () => {
    const doc = parseDocument(
      'title: Widgets\ndate: null # TODO: no date found\n# TODO: say what the text implies\ndateNote: Undated.\n',
    );
    expect(findTodos(doc.contents)).toEqual([
      { field: 'date', text: '# TODO: no date found' },
      { field: 'dateNote', text: '# TODO: say what the text implies' },
    ]);
  });

  it('finds a TODO in the comments that open or close a document', () => {
    const doc = parseDocument('# TODO: fill this in\n\ntitle: Widgets\n\n# TODO: and this\n');
    expect(findTodos(doc)).toEqual([
      { field: '', text: '# TODO: fill this in' },
      { field: '', text: '# TODO: and this' },
    ]);
  });

  it('names the field inside lists and maps', () => {
    const doc = parseDocument('figures:\n  - value: 3\n    unit: TODO unit\n');
    expect(findTodos(doc.contents)).toEqual([{ field: 'figures.0.unit', text: 'TODO unit' }]);
  });

  it('finds nothing in a file without TODOs, nor in words that only contain the letters', () => {
    const doc = parseDocument('title: Todos and TODOS of Widgetland # a comment\n');
    expect(findTodos(doc.contents)).toEqual([]);
  });
});
