// printXlsExpression: a rule's JSON-Logic (as the builder or the shipped forms write it) as an
// XLSForm expression for a spreadsheet, or null when it has no equivalent. The rule is read back
// by the formula language's Decompiler, written out in XLSForm's syntax (printXls), and kept only
// if it compiles again in the same scope, so what comes back always imports.
import { Decompiler } from '../../formula/decompile';
import type { FormulaScope } from '../../formula/types';
import { ruleLimit } from '../../rules/ruleLimit';
import { compileXlsExpression } from './compileXlsExpression';
import { XlsPrinter } from './printXls';

/** With scope.expect = 'boolean' the rule is read as a condition, where only truthiness counts. */
export function printXlsExpression(logic: unknown, scope: FormulaScope, options: { self?: string } = {}): string | null {
  if (ruleLimit(logic)) return null;
  const node = new Decompiler(scope).read(logic, scope.expect === 'boolean' ? 'truthy' : 'value');
  if (!node) return null;
  const text = new XlsPrinter(scope, options.self).print(node)?.text ?? null;
  if (text === null) return null;
  return compileXlsExpression(text, { ...scope, expect: undefined }, { self: options.self }).ok ? text : null;
}
