// A rule checked on every row of a table often asks the same household-wide question on each
// row ("is this row's ID among the household's repeated IDs?"): the aggregate over the table does
// not depend on the row. Compiled with this wrapper, such aggregates are computed once per check
// of the table (RootScope.memo) instead of once per row, turning a quadratic check linear. The
// value is the same as without it: only subtrees that read no $row are kept.
import { collectVarRefs } from './collectVarRefs';
import type { CompiledRule, RootScope, WrapOperation } from './compileRule';
import { operatorOf } from './operators';

const AGGREGATES = new Set(['duplicates', 'sum', 'count', 'map', 'filter', 'reduce', 'all', 'some', 'none', 'merge', 'min', 'max']);

function readsRow(node: unknown): boolean {
  return collectVarRefs(node).some((ref) => ref.scope.kind === 'root' && (ref.path === null || ref.path === '$row' || ref.path.startsWith('$row.')));
}

export const memoizeRowInvariant: WrapOperation = (node, compiled) => {
  if (!AGGREGATES.has(operatorOf(node)!) || readsRow(node)) return compiled;
  const key = {};
  const memoized: CompiledRule = (s: RootScope) => {
    const memo = s.memo;
    if (!memo) return compiled(s);
    if (memo.has(key)) return memo.get(key);
    const value = compiled(s);
    memo.set(key, value);
    return value;
  };
  return memoized;
};
