// Renaming a field renames what refers to it: var paths in every rule ({"var": "A28"},
// {"var": ["A28", 0]}, "$row.A7" for a column), column names inside map/filter/some… over its
// table and in sum/duplicates, and {{A28}} placeholders in messages and help texts. Pure.
import { splitKey } from './fieldPaths';

const ITERATING = new Set(['map', 'filter', 'all', 'some', 'none', 'reduce']);
const COLUMN_OPS = new Set(['sum', 'duplicates']);

interface Rename {
  /** The field's dotted key before and after ("A28", or "members.A7"). */
  from: string;
  to: string;
}

function renamePath(path: string, r: Rename, element: string | null): string {
  const { table, name } = splitKey(r.from);
  const newName = splitKey(r.to).name;
  if (table === null) {
    if (element !== null) return path;
    if (path === r.from) return r.to;
    if (path.startsWith(`${r.from}.`)) return r.to + path.slice(r.from.length);
    return path;
  }
  if (path === `$row.${name}`) return `$row.${newName}`;
  if (element === table && path === name) return newName;
  if (path === r.from) return r.to;
  return path;
}

function walk(node: unknown, r: Rename, element: string | null): unknown {
  if (Array.isArray(node)) return node.map((n) => walk(n, r, element));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.length !== 1) return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, r, element)]));
  const [op, raw] = entries[0]!;
  if (op === 'var') {
    if (typeof raw === 'string') return { var: renamePath(raw, r, element) };
    if (Array.isArray(raw) && typeof raw[0] === 'string') return { var: [renamePath(raw[0], r, element), ...raw.slice(1)] };
    return node;
  }
  const args = Array.isArray(raw) ? raw : [raw];
  const listVar = (args[0] as { var?: unknown } | undefined)?.var;
  const list = typeof listVar === 'string' ? listVar : null;
  if (ITERATING.has(op) && Array.isArray(raw)) {
    return { [op]: raw.map((a, i) => walk(a, r, i === 1 ? (list ?? '?') : element)) };
  }
  if (COLUMN_OPS.has(op) && Array.isArray(raw) && typeof raw[1] === 'string') {
    const { table, name } = splitKey(r.from);
    const column = list === table && raw[1] === name ? splitKey(r.to).name : raw[1];
    return { [op]: [walk(raw[0], r, element), column, ...raw.slice(2).map((a) => walk(a, r, element))] };
  }
  return { [op]: Array.isArray(raw) ? raw.map((a) => walk(a, r, element)) : walk(raw, r, element) };
}

export function renameInLogic(logic: unknown, from: string, to: string): unknown {
  return walk(logic, { from, to }, null);
}

/** {{A28}} -> {{A29}}; for a column, {{$row.A7}} -> {{$row.A8}}. */
export function renameInText(text: string, from: string, to: string): string {
  const { table, name } = splitKey(from);
  const newName = splitKey(to).name;
  return text.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (whole, ref: string) => {
    if (table === null && ref === from) return `{{${to}}}`;
    if (table !== null && ref === `$row.${name}`) return `{{$row.${newName}}}`;
    return whole;
  });
}

/** Every var path a rule reads, for "which rules use this field" (column names inside iterations as table.column). */
export function readsField(logic: unknown, key: string): boolean {
  return JSON.stringify(renameInLogic(logic, key, '\u0000renamed')) !== JSON.stringify(logic);
}
