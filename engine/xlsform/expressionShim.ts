// TEMPORARY stand-in for H3's XLSForm expression language (engine/xlsform/index.ts), with the same
// signatures, so the workbook import and export can be built and tested before it lands; deleted
// when h-xexpr is merged. It reads "${A28} + ${A29}" and "." by handing the builder's formula
// language the names without "${}", and prints JSON-Logic as a builder formula.
import { compileFormula } from '../formula/compileFormula';
import { formulaOf } from '../formula/formulaOf';
import type { FormulaResult, FormulaScope } from '../formula/types';

export function compileXlsExpression(text: string, scope: FormulaScope, options?: {
  self?: string;
  choiceValue?: (field: string, name: string) => unknown;
}): FormulaResult {
  let formula = text.replace(/\$\{([^}]*)\}/g, (_, name: string) => name.trim()).replace(/!=/g, '<>');
  if (options?.self) formula = formula.replace(/(^|[^\w.\d])\.(?![\w\d])/g, (_, before: string) => `${before}${options.self}`);
  return compileFormula(formula, scope);
}

export function printXlsExpression(logic: unknown, scope: FormulaScope, _options?: { self?: string }): string | null {
  return formulaOf(logic, scope);
}
