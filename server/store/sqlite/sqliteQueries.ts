// The SQLite dialect of the shared query definitions: compiled with `?` placeholders, run by
// better-sqlite3 synchronously (all/get below), so the reads keep their synchronous path.
import type Database from 'better-sqlite3';
import { DummyDriver, Kysely, sql, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type InferResult } from 'kysely';
import type { QueryDialect } from '../queries/QueryDialect';
import type { StoreTables } from '../queries/StoreTables';

export const sqliteQueries: QueryDialect = {
  db: new Kysely<StoreTables>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  contains: (column, text) => sql<boolean>`${column} LIKE ${`%${text}%`}`,
  jsonString: (column, key) => {
    const path = sql.lit(`$.${key}`);
    return sql<string | null>`CASE WHEN json_type(${column}, ${path}) = 'text' THEN json_extract(${column}, ${path}) END`;
  },
};

export function all<Q extends Compilable>(db: Database.Database, query: Q): InferResult<Q> {
  const { sql: text, parameters } = query.compile();
  return db.prepare(text).all(...parameters) as InferResult<Q>;
}

export function get<Q extends Compilable>(db: Database.Database, query: Q): InferResult<Q>[number] | undefined {
  const { sql: text, parameters } = query.compile();
  return db.prepare(text).get(...parameters) as InferResult<Q>[number] | undefined;
}
