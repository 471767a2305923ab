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

/** Every TODO in a parsed YAML document or node (a map, a list item), with its field. */
export function findTodos(node: unknown, path: readonly string[] = []): Todo[] {
  const out: Todo[] = [];
  if (isDocument(node)) {
    for (const c of [node.commentBefore, node.comment])
      for (const line of c?.split('\n') ?? [])
        if (TODO.test(line)) out.push({ field: '', text: `# ${line.trim()}` });
    return [...out, ...findTodos(node.contents, path)];
  }
  const field = path.join('.');
  const comments = (n: unknown, at: string) => {
    if (n === null || typeof n !== 'object') return;
    for (const c of [(n as Commented).commentBefore, (n as Commented).comment]) {
      // A comment block may run over several lines: report the lines that say TODO.
      for (const line of c?.split('\n') ?? [])
        if (TODO.test(line)) out.push({ field: at, text: `# ${line.trim()}` });
    }
  };
  comments(node, field);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      comments(pair.key, [...path, key].join('.'));
      out.push(...findTodos(pair.value, [...path, key]));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => out.push(...findTodos(item, [...path, String(i)])));
  } else if (isScalar(node) && typeof node.value === 'string' && TODO.test(node.value)) {
    out.push({ field, text: node.value.trim() });
  }
  return out;
}
