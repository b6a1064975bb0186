// One SQL dialect as the shared query definitions (queries/*.ts) use it: a Kysely instance that
// only compiles (its driver is Kysely's DummyDriver, so nothing here touches a database; each
// store runs the compiled SQL and parameters its own way, SQLite synchronously), and the few
// expressions the two dialects write differently.
import type { Expression, Kysely, RawBuilder, SqlBool } from 'kysely';
import type { StoreTables } from './StoreTables';

export interface QueryDialect {
  db: Kysely<StoreTables>;
  /** `text` occurs in the column: SQLite's LIKE (ASCII letters in either case, no escape character) in both. */
  contains(column: Expression<string>, text: string): RawBuilder<SqlBool>;
  /** A JSON column's member `key` when it is a string, else NULL. */
  jsonString(column: Expression<unknown>, key: string): RawBuilder<string | null>;
}
