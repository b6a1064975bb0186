// Whether a rule handed to the engine from outside a checked definition (compileRule, formulaOf,
// logicToCondition) is small enough to walk recursively, measured without recursion. The caps
// are checkRuleSyntax's, counted in JSON containers (an operation and its argument list are two).
import { measureJson } from '../budget/measureJson';
import { MAX_RULE_DEPTH, MAX_RULE_NODES } from './operators';

const LIMITS = { depth: 2 * MAX_RULE_DEPTH + 2, nodes: 3 * MAX_RULE_NODES, size: Infinity };

/** The Chinese reason a rule is too deep or too large to walk, or null. */
export function ruleLimit(rule: unknown): string | null {
  const measure = measureJson(rule, LIMITS);
  if (measure.ok) return null;
  return measure.exceeded === 'depth' ? `规则嵌套过深：超过 ${MAX_RULE_DEPTH} 层` : `规则过大：超过 ${MAX_RULE_NODES} 个节点`;
}
