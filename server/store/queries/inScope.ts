// Limits rows to a user's scope: division codes starting with one of the prefixes, as
// index-friendly ranges (PostgreSQL's columns use the "C" collation, so both dialects compare
// byte by byte alike). No prefix: no row.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';

export function inScope<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: Expression<string>, prefixes: string[]): Expression<SqlBool> {
  return eb.or(prefixes.map((p) => eb.and([eb(column, '>=', p), eb(column, '<', `${p}\uffff`)])));
}

/** The user's scope, narrowed to one division when one is chosen. */
export function inArea<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>, column: Expression<string>, area: { scope: string[]; division?: string },
): Expression<SqlBool> {
  return eb.and([inScope(eb, column, area.scope), ...(area.division ? [inScope(eb, column, [area.division])] : [])]);
}
