// compileFormula: a formula as an administrator writes it in Excel ("A28 + A29 + A30 + A31 - A32",
// "ROUND(A33 / COUNT(members), 2)", "IF(A34 < 收入线, …)") to the JSON-Logic the engine runs, with
// its type, or every problem found, in Chinese, at the offsets to underline as they type.
//
// The language, as an administrator reads it:
//   values    12, 6000.5, 5% · text "因病" or “因病” ("" is blank) · 是/否 (TRUE/FALSE) · {"a", "b"} a list
//   names     field codes A28, A27_other, divisionCode, address.county · a table's column members.A17
//             · in a rule on a column, that row's columns by code (A16) and the form's own field of
//             the same code as 本表.A16 · campaign parameters by title or name: 收入线, 监测收入线,
//             [监测收入线（元/人·年）], incomeLine · the household: 户.kind, 户.members ($household.kind)
//   operators + - * / (empty amounts count 0; computed fields as computed), & joins text,
//             = <> < > <= >= compare (6 <= x <= 16 too; x = "" is ISBLANK(x)), Excel's precedence
//   functions SUM COUNT COUNTIF COUNTIFS SUMIF ROUND MIN MAX ABS MOD IF IFS AND OR NOT ISBLANK
//             ISEMPTY CONTAINS MONTHS DAYS AGE GENDER BIRTHDATE LEN LEFT RIGHT MID CONCAT DUPLICATES
//             (functions.ts says what each does), names in any case
//   Chinese input: ，（）＝＋ and other full-width forms, 、 × ÷ ≥ ≤ ≠ 【】 are read as typed.
import { checkRuleSyntax } from '../rules/checkRuleSyntax';
import type { FormulaNode } from './ast';
import { checkFormula } from './checkFormula';
import { parseFormula } from './parseFormula';
import { TYPE_NAMES } from './valueInfo';
import type { FormulaResult, FormulaScope } from './types';

export function compileFormula(text: string, scope: FormulaScope): FormulaResult {
  const parsed = parseFormula(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return compileFormulaNode(parsed.node, scope, text);
}

/** A syntax tree (parsed from `source`, whose offsets it carries) checked and lowered to JSON-Logic. */
export function compileFormulaNode(node: FormulaNode, scope: FormulaScope, source: string): FormulaResult {
  const { typed, errors } = checkFormula(node, scope, source);
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.start - b.start) };
  const whole = { start: typed.node.start, end: typed.node.end };
  // The engine's caps on one rule (depth, size) hold for what a formula writes too.
  const tooBig = checkRuleSyntax(typed.logic, '');
  if (tooBig.length > 0) return { ok: false, errors: [{ message: `公式太复杂：${tooBig[0]!.message}`, ...whole }] };
  const type = typed.type === 'table' || typed.type === 'column' ? 'unknown' : typed.type;
  const expect = scope.expect;
  if (expect && expect !== 'unknown' && type !== 'unknown' && type !== expect && !(expect === 'date' && type === 'string')) {
    const what = expect === 'boolean' ? '是/否（条件）' : TYPE_NAMES[expect];
    return { ok: false, errors: [{ message: `公式的结果是${TYPE_NAMES[type]}，这里需要${what}`, ...whole }] };
  }
  return { ok: true, logic: typed.logic, type };
}
