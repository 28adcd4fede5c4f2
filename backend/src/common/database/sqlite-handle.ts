import { NotImplementedException } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SyncError } from '../sync-error';
import type { SqlDb } from './sql-db';
import { SqliteDb } from './sqlite-db';
import { TypeOrmSqlDb } from './typeorm-sql-db';

/** Said when code not yet ported to `SqlDb` meets PostgreSQL. */
export function postgresNotYet(what: string): string {
  return `${what} does not support PostgreSQL yet (DATABASE_URL is set): it still writes through better-sqlite3`;
}

/**
 * The better-sqlite3 connection under a `SqlDb`, for code not yet written against `SqlDb`. On PostgreSQL it throws
 * a clear error naming `what` (a failed run, or a 500 in the API) instead of crashing.
 */
export function legacySqlite(db: SqlDb, what: string): Database.Database {
  if (db instanceof SqliteDb) return db.handle;
  if (db instanceof TypeOrmSqlDb && db.dialect === 'sqlite') {
    return (db.dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  }
  // In the API process a clear 501; in a worker the run fails with the sentence.
  if (db instanceof TypeOrmSqlDb) throw new NotImplementedException({ message: postgresNotYet(what) });
  throw new SyncError('internal', postgresNotYet(what));
}
