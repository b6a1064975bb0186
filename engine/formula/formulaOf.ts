// formulaOf: a JSON-Logic rule back to a formula an administrator can read and edit, or null when
// the rule says something the formula language cannot (a map over computed values, reduce, an
// empty amount read as empty where the formula would read 0…). The text is checked by compiling
// it again in the same scope, so what comes back always compiles.
import { ruleLimit } from '../rules/ruleLimit';
import { compileFormula } from './compileFormula';
import { Decompiler } from './decompile';
import { printFormula } from './printFormula';
import type { FormulaScope } from './types';

/** With scope.expect = 'boolean' the rule is read as a condition, where only truthiness counts. */
export function formulaOf(logic: unknown, scope: FormulaScope): string | null {
  if (ruleLimit(logic)) return null;
  const node = new Decompiler(scope).read(logic, scope.expect === 'boolean' ? 'truthy' : 'value');
  if (!node) return null;
  const text = printFormula(node);
  return compileFormula(text, { ...scope, expect: undefined }).ok ? text : null;
}
