// Refuses a rule before it can run: operations outside the allow-list (json-logic-js's
// `method`, `log`, anything unknown), objects that are neither data nor one operation, computed
// var paths, paths through __proto__/constructor/prototype, and rules too deep or too large.
import type { DefinitionProblem } from '../types';
import { escapePointer } from './collectVarRefs';
import {
  ALLOWED_OPERATIONS, argumentsOf, FORBIDDEN_SEGMENTS, MAX_RULE_DEPTH, MAX_RULE_NODES, operatorOf,
} from './operators';

export function checkRuleSyntax(rule: unknown, pointer: string): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const counter = { nodes: 0, tooLarge: false };
  walk(rule, pointer, 0, problems, counter);
  return problems;
}

function problem(path: string, message: string): DefinitionProblem {
  return { path, message, severity: 'error' };
}

function walk(
  node: unknown,
  pointer: string,
  depth: number,
  problems: DefinitionProblem[],
  counter: { nodes: number; tooLarge: boolean },
): void {
  counter.nodes += 1;
  if (counter.nodes > MAX_RULE_NODES) {
    if (!counter.tooLarge) problems.push(problem(pointer, `规则过大：超过 ${MAX_RULE_NODES} 个节点`));
    counter.tooLarge = true;
    return;
  }
  if (depth > MAX_RULE_DEPTH) {
    problems.push(problem(pointer, `规则嵌套过深：超过 ${MAX_RULE_DEPTH} 层`));
    return;
  }
  if (node === null || typeof node !== 'object') {
    if (typeof node === 'number' && !Number.isFinite(node)) problems.push(problem(pointer, '规则中的数字无效'));
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => { walk(item, `${pointer}/${i}`, depth + 1, problems, counter); });
    return;
  }
  const op = operatorOf(node);
  if (op === null) {
    problems.push(problem(pointer, '规则中的对象必须恰好包含一个运算（如 {"var": "A28"}）'));
    return;
  }
  const base = `${pointer}/${escapePointer(op)}`;
  if (!ALLOWED_OPERATIONS.has(op)) {
    problems.push(problem(base, `不允许的运算 "${op}"：规则只能使用允许列表中的运算`));
    return;
  }
  const args = argumentsOf(node, op);
  if (op === 'var') {
    checkVar(args, base, problems);
    args.slice(1).forEach((arg, i) => { walk(arg, `${base}/${i + 1}`, depth + 1, problems, counter); });
    return;
  }
  if ((op === 'sum' || op === 'duplicates') && args.length > 1 && (typeof args[1] !== 'string' || FORBIDDEN_SEGMENTS.has(args[1]))) {
    problems.push(problem(`${base}/1`, `${op} 的第二个参数应为列名（文字）`));
  }
  const argPointer = (i: number) => (Array.isArray((node as Record<string, unknown>)[op]) ? `${base}/${i}` : base);
  args.forEach((arg, i) => { walk(arg, argPointer(i), depth + 1, problems, counter); });
}

function checkVar(args: unknown[], base: string, problems: DefinitionProblem[]): void {
  const path = args[0];
  if (path !== undefined && path !== null && typeof path !== 'string' && typeof path !== 'number') {
    problems.push(problem(base, 'var 的路径必须是文字，不能由其他运算计算得出'));
    return;
  }
  if (args.length > 2) problems.push(problem(base, 'var 最多两个参数：路径和缺省值'));
  if (typeof path === 'string') {
    for (const segment of path.split('.')) {
      if (FORBIDDEN_SEGMENTS.has(segment)) {
        problems.push(problem(base, `var 路径不能包含 "${segment}"`));
        return;
      }
    }
  }
}
