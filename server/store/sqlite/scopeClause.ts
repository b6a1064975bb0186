// A WHERE fragment limiting rows to a user's scope: division codes starting with one of the
// prefixes, as index-friendly ranges. No prefix: no row.
export interface Clause {
  sql: string;
  params: unknown[];
}

export function scopeClause(column: string, prefixes: string[]): Clause {
  if (prefixes.length === 0) return { sql: '0', params: [] };
  return {
    sql: `(${prefixes.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`,
    params: prefixes.flatMap((p) => [p, `${p}\uffff`]),
  };
}

/** ANDs clauses together, skipping empty ones. */
export function where(clauses: Clause[]): Clause {
  const used = clauses.filter((c) => c.sql !== '');
  if (used.length === 0) return { sql: '', params: [] };
  return { sql: `WHERE ${used.map((c) => c.sql).join(' AND ')}`, params: used.flatMap((c) => c.params) };
}
