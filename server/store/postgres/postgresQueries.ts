// The PostgreSQL dialect of the shared query definitions: compiled with `$n` placeholders, run on
// the pool or a transaction's connection by pg (rows below).
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type Compilable, type InferResult } from 'kysely';
import type { QueryDialect } from '../queries/QueryDialect';
import type { StoreTables } from '../queries/StoreTables';
import type { Db } from './openPool';

export const postgresQueries: QueryDialect = {
  db: new Kysely<StoreTables>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
  // ESCAPE '': no escape character, as SQLite's LIKE.
  contains: (column, text) => sql<boolean>`${column} ILIKE ${`%${text}%`} ESCAPE ''`,
  jsonString: (column, key) => sql<string | null>`CASE WHEN jsonb_typeof(${column}->${sql.lit(key)}) = 'string' THEN ${column}->>${sql.lit(key)} END`,
};

export async function rows<Q extends Compilable>(db: Db, query: Q): Promise<InferResult<Q>> {
  const { sql: text, parameters } = query.compile();
  return (await db.query(text, parameters as unknown[])).rows as InferResult<Q>;
}
