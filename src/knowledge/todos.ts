/**
 * The `TODO`s left in a YAML file: in its values and in its comments. `kb:add` marks what a curator
 * must still fill in with them; `kb:check` reports every one left in article metadata or a reviewed
 * fact, naming the field, so the bot never cites "TODO: the outlet".
 */
import { isDocument, isMap, isPair, isScalar, isSeq } from 'yaml';

export interface Todo {
  /** The field it is in or above, as a dotted path ("outlet", "figures.0.unit"); '' for the file. */
  field: string;
  /** The value or the comment that says TODO, trimmed. */
  text: string;
}

const TODO = /\bTODO\b/;

interface Commented {
  commentBefore?: string | null | undefined;
  comment?: string | null | undefined;
}

/** The lines of a node's comments that say TODO. */
function commentTodos(node: unknown, field: string, out: Todo[]): void {
  if (node === null || typeof node !== 'object') return;
  for (const c of [(node as Commented).commentBefore, (node as Commented).comment]) {
    if (!c || !TODO.test(c)) continue;
    // A comment block may run over several lines: report the lines that say TODO.
    for (const line of c.split('\n')) if (TODO.test(line)) out.push({ field, text: `# ${line.trim()}` });
  }
}

function walk(node: unknown, path: readonly string[], out: Todo[]): void {
  const field = path.join('.');
  commentTodos(node, field, out);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      commentTodos(pair.key, [...path, key].join('.'), out);
      walk(pair.value, [...path, key], out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, String(i)], out));
  } else if (isScalar(node) && typeof node.value === 'string' && TODO.test(node.value)) {
    out.push({ field, text: node.value.trim() });
  }
}

/** Every TODO in a parsed YAML document or node (a map, a list item), with its field. */
export function findTodos(node: unknown): Todo[] {
  const out: Todo[] = [];
  if (isDocument(node)) {
    commentTodos(node, '', out);
    walk(node.contents, [], out);
  } else walk(node, [], out);
  return out;
}
