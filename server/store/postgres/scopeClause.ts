// WHERE fragments with numbered placeholders: each value is added to one shared list and named
// by its position ($1, $2...), so fragments combine in any order. scopeClause limits rows to a
// user's scope (division codes starting with one of the prefixes) as index-friendly ranges, the
// same ranges as the SQLite store: with the "C" collation they compare byte by byte alike.
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value; returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function scopeClause(column: string, prefixes: string[], params: Params): string {
  if (prefixes.length === 0) return 'FALSE';
  return `(${prefixes.map((p) => `(${column} >= ${params.add(p)} AND ${column} < ${params.add(`${p}\uffff`)})`).join(' OR ')})`;
}

/** ANDs conditions together, skipping empty ones. */
export function where(conditions: string[]): string {
  const used = conditions.filter((c) => c !== '');
  return used.length === 0 ? '' : `WHERE ${used.join(' AND ')}`;
}
