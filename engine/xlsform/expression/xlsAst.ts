// The syntax tree of an XLSForm expression as written in a spreadsheet cell ("${A28} + ${A29}",
// "selected(${A27}, '其他')", ". >= 0", "count(${members}[A8 = '户主'])"), every node with the
// offsets [start, end) of its text. It is lowered to the formula language's tree (lowerXls.ts),
// so the builder's checker types it and writes the JSON-Logic.

export type XlsOperator = 'or' | 'and' | '=' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type XlsNode =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  /** ${name}: a question (field), a repeat (table), or a column of one. */
  | { kind: 'ref'; name: string; start: number; end: number }
  /** ".": the question a constraint is on. */
  | { kind: 'self'; start: number; end: number }
  /** A bare name: a column of the rows filtered, inside a predicate [A8 = '户主']. */
  | { kind: 'bare'; name: string; start: number; end: number }
  | { kind: 'call'; name: string; nameEnd: number; args: XlsNode[]; start: number; end: number }
  | { kind: 'binary'; op: XlsOperator; left: XlsNode; right: XlsNode; start: number; end: number }
  | { kind: 'negate'; operand: XlsNode; start: number; end: number }
  /** ${members}[A8 = '户主']: the rows for which the predicate holds. */
  | { kind: 'filter'; base: XlsNode; predicate: XlsNode; start: number; end: number };

/** Binding strength, XPath's order from loose to tight. */
export const XLS_PRECEDENCE: Record<XlsOperator, number> = {
  or: 1, and: 2, '=': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, div: 6, mod: 6,
};
