// logicToCondition: an existing visibility rule shown in the condition builder, when it fits the
// model: a field compared with a constant, one of several constants, an option contained or not,
// empty or not, joined by one and/or. The seeds' own ways of saying "filled" ({"!!": {"var": "A8"}},
// {"!": {"missing": ["A53"]}}) and vars with [] or 0 as default are read too. Anything else (a
// function of a field, a comparison of two fields, nested and/or) gives null.
import { lookupTable } from '../ownValue';
import { ruleLimit } from '../rules/ruleLimit';
import { argsOf, operatorOf } from '../formula/formulaNodes';
import type { FormulaScope } from '../formula/types';
import { clauseField } from './clauseField';
import { conditionToLogic } from './conditionToLogic';
import type { Clause, ClauseOp, Condition } from './types';

function isConstant(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

type Field = { key: string; type: string };

/** The field a var reads, with the defaults the engine's seeds put on lists ([]) and numbers (0). */
function fieldOf(node: unknown, scope: FormulaScope, relational = false): Field | null {
  if (operatorOf(node) !== 'var') return null;
  const [path, fallback, ...rest] = argsOf(node, 'var');
  if (typeof path !== 'string' || rest.length > 0) return null;
  const found = clauseField(path, scope);
  if (!found.ok || found.ref.path !== path) return null;
  const type = found.ref.info.type;
  const defaultFits = fallback === undefined
    || (Array.isArray(fallback) && fallback.length === 0 && type === 'list')
    || (fallback === 0 && type === 'number' && relational);
  return defaultFits ? { key: found.key, type } : null;
}

function missingPath(node: unknown, scope: FormulaScope): Field | null {
  if (operatorOf(node) !== 'missing') return null;
  let paths = argsOf(node, 'missing');
  if (Array.isArray(paths[0])) paths = paths[0];
  return paths.length === 1 && typeof paths[0] === 'string' ? fieldOf({ var: paths[0] }, scope) : null;
}

const FLIP = lookupTable<ClauseOp>({ '>': 'lt', '<': 'gt', '>=': 'lte', '<=': 'gte' });
const SAME = lookupTable<ClauseOp>({ '>': 'gt', '<': 'lt', '>=': 'gte', '<=': 'lte' });
const TEXTUAL = new Set(['string', 'date', 'list']);

function clauseOf(logic: unknown, scope: FormulaScope): Clause | null {
  const op = operatorOf(logic);
  if (op === null) return null;
  const args = argsOf(logic, op);
  const clause = (field: Field, clauseOp: ClauseOp, value?: unknown): Clause => (value === undefined ? { field: field.key, op: clauseOp } : { field: field.key, op: clauseOp, value });

  if (op === 'var') {
    const field = fieldOf(logic, scope);
    return field?.type === 'boolean' ? clause(field, 'is', true) : field && TEXTUAL.has(field.type) ? clause(field, 'isNotEmpty') : null;
  }
  if (op === '!' || op === '!!') {
    const [inner] = args;
    const negated = op === '!';
    const field = fieldOf(inner, scope);
    if (field) {
      if (field.type === 'boolean') return clause(field, negated ? 'isNot' : 'is', true);
      return TEXTUAL.has(field.type) ? clause(field, negated ? 'isEmpty' : 'isNotEmpty') : null;
    }
    const missing = missingPath(inner, scope);
    if (missing) return clause(missing, negated ? 'isNotEmpty' : 'isEmpty');
    if (negated && operatorOf(inner) === 'in') {
      const positive = clauseOf(inner, scope);
      if (positive?.op === 'is') return { ...positive, op: 'isNot' };
      if (positive?.op === 'contains') return { ...positive, op: 'notContains' };
    }
    return null;
  }
  if (op === 'missing') {
    const missing = missingPath(logic, scope);
    return missing ? clause(missing, 'isEmpty') : null;
  }
  if (args.length !== 2) return null;
  const [a, b] = args;
  if (op === 'in') {
    const oneOf = fieldOf(a, scope);
    if (oneOf && Array.isArray(b) && b.length > 0 && b.every(isConstant)) return clause(oneOf, 'is', b);
    const container = fieldOf(b, scope);
    if (container && typeof a === 'string' && (container.type === 'list' || container.type === 'string')) return clause(container, 'contains', a);
    return null;
  }
  const equality = op === '==' || op === '===' || op === '!=' || op === '!==';
  const relational = Boolean(SAME[op]);
  if (!equality && !relational) return null;
  const left = fieldOf(a, scope, relational);
  const right = left ? null : fieldOf(b, scope, relational);
  const field = left ?? right;
  const value = left ? b : a;
  if (!field) return null;
  if (equality) {
    const positive = op === '==' || op === '===';
    if (value === null) return clause(field, positive ? 'isEmpty' : 'isNotEmpty');
    return isConstant(value) ? clause(field, positive ? 'is' : 'isNot', value) : null;
  }
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  return clause(field, left ? SAME[op]! : FLIP[op]!, value);
}

export function logicToCondition(logic: unknown, scope: FormulaScope): Condition | null {
  if (ruleLimit(logic)) return null;
  const op = operatorOf(logic);
  const join = op === 'and' || op === 'or' ? op : null;
  const parts = join ? argsOf(logic, join) : [logic];
  if (parts.length === 0) return null;
  const clauses: Clause[] = [];
  for (const part of parts) {
    const clause = clauseOf(part, scope);
    if (!clause) return null;
    clauses.push(clause);
  }
  const condition: Condition = { join: join ?? 'and', clauses };
  // Shown in the builder only if the builder could save it again as it stands.
  return conditionToLogic(condition, scope).ok ? condition : null;
}
