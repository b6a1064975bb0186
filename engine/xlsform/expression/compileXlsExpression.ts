// compileXlsExpression: an XLSForm expression as written in a spreadsheet's relevant, constraint
// or calculation column ("${A28} + ${A29}", "selected(${A1}, 'yes')", ". >= 0") to the same
// sandboxed JSON-Logic the builder's formulas compile to, or every problem found, in Chinese, at
// the offsets of the text concerned. The expression is parsed (parseXls), lowered to the formula
// language's tree (lowerXls, xlsFunctions) and checked by the builder's own checker.
import { compileFormulaNode } from '../../formula/compileFormula';
import type { FormulaNode } from '../../formula/ast';
import type { FormulaResult, FormulaScope } from '../../formula/types';
import { lowerNode, type LowerContext, type XlsOptions } from './lowerXls';
import { lowerCall } from './xlsFunctions';
import { xlsMessage } from './xlsMessage';
import { parseXls } from './parseXls';
import type { XlsNode } from './xlsAst';

export function compileXlsExpression(text: string, scope: FormulaScope, options: XlsOptions = {}): FormulaResult {
  const parsed = parseXls(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const ctx: LowerContext = {
    scope, options, source: text, errors: [],
    lower: (node: XlsNode): FormulaNode | null => lowerNode(node, ctx, lowerCall),
  };
  const node = ctx.lower(parsed.node);
  if (!node || ctx.errors.length > 0) return { ok: false, errors: ctx.errors.sort((a, b) => a.start - b.start) };
  const result = compileFormulaNode(node, scope, text);
  if (result.ok) return result;
  return { ok: false, errors: result.errors.map((e) => ({ ...e, message: xlsMessage(e.message) })) };
}
