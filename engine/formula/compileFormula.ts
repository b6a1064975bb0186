// compileFormula: a formula as an administrator writes it in Excel ("A28 + A29 + A30 + A31 - A32",
// "ROUND(A33 / COUNT(members), 2)", "IF(A34 < 收入线, …)") to the JSON-Logic the engine runs, with
// its type, or every problem found in Chinese at the offsets to underline.
//
// The language, as an administrator reads it:
//   numbers 12, 6000.5, 5% · text "因病" (“因病” too; "" means blank) · 是/否 (TRUE/FALSE)
//   fields by code: A28, A27_other, divisionCode; a table's column: members.A17; in a rule on a
//   column, that row's columns by code: A16 · campaign parameters by title or name: 收入线,
//   incomeLine, [监测收入线（元/人·年）] · household fields: 户.kind, $household.kind, 户.members
//   + - * / (empty amounts count 0), & joins text, = <> < > <= >= compare (6 <= x <= 16 too),
//   x = "" is ISBLANK(x) · {"a", "b"} a list, for CONTAINS({"a", "b"}, A14)
//   functions (see functions.ts): SUM COUNT COUNTIF COUNTIFS SUMIF ROUND MIN MAX ABS MOD IF IFS AND
//   OR NOT ISBLANK ISEMPTY CONTAINS MONTHS DAYS AGE GENDER LEN (compared with a whole number only)
//   LEFT RIGHT MID CONCAT DUPLICATES. Full-width punctuation (，（）＝) and 、 × ÷ ≥ ≤ ≠ are read as typed.
import { checkFormula } from './checkFormula';
import { parseFormula } from './parseFormula';
import { TYPE_NAMES } from './valueInfo';
import type { FormulaResult, FormulaScope } from './types';

export function compileFormula(text: string, scope: FormulaScope): FormulaResult {
  const parsed = parseFormula(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const { typed, errors } = checkFormula(parsed.node, scope, text);
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.start - b.start) };
  const type = typed.type === 'table' || typed.type === 'column' ? 'unknown' : typed.type;
  const expect = scope.expect;
  if (expect && expect !== 'unknown' && type !== 'unknown' && type !== expect && !(expect === 'date' && type === 'string')) {
    const what = expect === 'boolean' ? '是/否（条件）' : TYPE_NAMES[expect];
    return { ok: false, errors: [{ message: `公式的结果是${TYPE_NAMES[type]}，这里需要${what}`, start: typed.node.start, end: typed.node.end }] };
  }
  return { ok: true, logic: typed.logic, type };
}
