// The condition builder's model: "show when [field] [is/is not/contains/>/<…] [value]", clauses
// joined by and/or, as the form builder edits it without writing JSON. Types, and the clause names.
import { lookupTable } from '../ownValue';

export type ClauseOp = 'is' | 'isNot' | 'contains' | 'notContains' | 'gt' | 'lt' | 'gte' | 'lte' | 'isEmpty' | 'isNotEmpty';

/**
 * One test on one field. `field` is the field's key ("A1", "address.county"), a column of the
 * rule's table ("members.A14" or "A14", read on the current row), or "$household.kind". `value`
 * is an option's value (not its label), a number, a date ("2021-09-30", "2021-09"), 是/否 as
 * true/false; for is/isNot it may be a list: "is one of" / "is none of".
 */
export interface Clause {
  field: string;
  op: ClauseOp;
  value?: unknown;
}

export interface Condition {
  join: 'and' | 'or';
  clauses: Clause[];
}

/** A problem with one clause (its index in `clauses`; -1 for the condition as a whole), in Chinese. */
export interface ConditionError {
  clause: number;
  message: string;
}

export type ConditionResult = { ok: true; logic: unknown } | { ok: false; errors: ConditionError[] };

export const CLAUSE_OPS = lookupTable<string>({
  is: '是', isNot: '不是', contains: '包含', notContains: '不包含', gt: '大于', lt: '小于', gte: '大于等于', lte: '小于等于',
  isEmpty: '为空', isNotEmpty: '不为空',
}) as Readonly<Record<ClauseOp, string>>;
