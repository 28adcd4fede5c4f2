import { openSqlite } from './open-sqlite';
import { PostgresDb } from './postgres-db';
import type { SqlConnection } from './sql-db';
import { SqliteDb } from './sqlite-db';

/** A worker's own connection: PostgreSQL when the server runs on `DATABASE_URL`, else the SQLite file. */
export async function openWorkerDb(target: { databasePath: string; databaseUrl: string | null }): Promise<SqlConnection> {
  if (target.databaseUrl) return PostgresDb.connect(target.databaseUrl);
  return new SqliteDb(openSqlite(target.databasePath));
}
