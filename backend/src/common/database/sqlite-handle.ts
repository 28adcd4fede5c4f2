import { NotImplementedException } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { dialectOf } from './sql-dialect';

/**
 * The better-sqlite3 connection TypeORM uses, for the raw prepared statements of the data browsers and sources.
 * On PostgreSQL those paths are not ported yet: the request gets a clear 501 naming `what`, not a crash.
 */
export function sqliteHandle(dataSource: DataSource, what: string): Database.Database {
  if (dialectOf(dataSource) === 'postgres') {
    throw new NotImplementedException({ message: `${what} does not support PostgreSQL yet (DATABASE_URL is set): it reads the SQLite file directly` });
  }
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
}
