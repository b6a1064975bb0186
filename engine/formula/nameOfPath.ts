// How a formula names the value a var path reads: a parameter by the stem of its title (监测收入线)
// or its bracketed title, a household field as 户.kind, a row's column by its code, a field by its
// key (or 本表.key past a column of the same code). Each candidate is resolved back and kept only
// if it names the very same path.
import type { FormulaNode } from './ast';
import { name } from './formulaNodes';
import { FORM_PREFIX, resolveName, titleStem, type Resolved } from './resolveName';
import type { FormulaScope } from './types';

const NAME = /^[\p{L}_$][\p{L}\p{N}_]*$/u;
const KEYWORDS = new Set(['TRUE', 'FALSE', '是', '否']);

export interface Named {
  node: FormulaNode;
  resolved: Resolved;
}

/** How the formula names a var path, if it names it at all (checked by resolving it back). */
export function nameOfPath(path: string, scope: FormulaScope): Named | null {
  const candidates: [string, boolean][] = [];
  if (path.startsWith('$params.')) {
    const param = path.slice('$params.'.length);
    const title = Object.hasOwn(scope.parameters, param) ? scope.parameters[param]!.title : undefined;
    if (title) candidates.push([titleStem(title), false], [title, true]);
    candidates.push([param, false], [path, false]);
  } else if (path.startsWith('$household.')) {
    candidates.push([`户.${path.slice('$household.'.length)}`, false], [path, false]);
  } else if (path.startsWith('$row.')) {
    candidates.push([path.slice('$row.'.length), false], [path, false]);
  } else {
    candidates.push([path, false], [`${FORM_PREFIX}${path}`, false]);
  }
  for (const [text, bracketed] of candidates) {
    if (!bracketed && (!text.split('.').every((s) => NAME.test(s)) || KEYWORDS.has(text.toUpperCase()))) continue;
    const resolved = resolveName(text, bracketed, scope);
    const same = (resolved.kind === 'value' && resolved.ref.path === path) || (resolved.kind === 'table' && resolved.table.path === path);
    if (same) return { node: name(text, bracketed), resolved };
  }
  return null;
}
