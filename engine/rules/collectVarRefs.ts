// Every field a rule reads, with the scope it reads it in: the base of dependency ordering
// (which computed value needs which) and of the checker's "no unknown field" test.
import { argumentsOf, ITERATORS, operatorOf } from './operators';
import { iteratedTable, literalVarPath, ROOT, type RuleScope } from './ruleScope';

export interface VarRef {
  /** Dotted path as written ("A28", "$params.incomeLine", "current.A17"); null if computed. */
  path: string | null;
  scope: RuleScope;
  /** JSON Pointer of the var node inside the rule, relative to the rule. */
  pointer: string;
}

export function collectVarRefs(rule: unknown, scope: RuleScope = ROOT, pointer = ''): VarRef[] {
  const refs: VarRef[] = [];
  walk(rule, scope, pointer, refs);
  return refs;
}

function walk(node: unknown, scope: RuleScope, pointer: string, refs: VarRef[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => { walk(item, scope, `${pointer}/${i}`, refs); });
    return;
  }
  const op = operatorOf(node);
  if (op === null) return;
  const args = argumentsOf(node as object, op);
  const base = `${pointer}/${escapePointer(op)}`;
  const argPointer = (i: number) => (Array.isArray((node as Record<string, unknown>)[op]) ? `${base}/${i}` : base);
  if (op === 'var') {
    refs.push({ path: literalVarPath(node), scope, pointer: base });
    args.slice(1).forEach((arg, i) => { walk(arg, scope, argPointer(i + 1), refs); });
    if (typeof args[0] === 'object' && args[0] !== null) walk(args[0], scope, argPointer(0), refs);
    return;
  }
  if (op === 'missing' || op === 'missing_some') {
    const keys = op === 'missing' ? (Array.isArray(args[0]) ? args[0] : args) : args[1];
    if (Array.isArray(keys)) {
      keys.forEach((key, i) => {
        if (typeof key === 'string') refs.push({ path: key, scope, pointer: `${base}/${i}` });
        else walk(key, scope, `${base}/${i}`, refs);
      });
    } else {
      walk(keys, scope, base, refs);
    }
    return;
  }
  if (ITERATORS.has(op)) {
    walk(args[0], scope, argPointer(0), refs);
    const element: RuleScope = { kind: 'element', table: iteratedTable(args[0], scope), reduce: op === 'reduce' };
    walk(args[1], element, argPointer(1), refs);
    if (op === 'reduce' && args.length > 2) walk(args[2], scope, argPointer(2), refs);
    return;
  }
  args.forEach((arg, i) => { walk(arg, scope, argPointer(i), refs); });
}

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
