import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** The advisory-lock key every replica takes around its migrations on PostgreSQL ("hamgam" as a number). */
export const MIGRATION_LOCK_KEY = 0x68616d67616d;
// How long a replica waits on SQLite for another one's migrations (each try waits BUSY_TIMEOUT_MS inside SQLite).
const SQLITE_LOCK_WAIT_MS = 120_000;

const logger = new Logger('Migrations');

/** Opens the database and brings its schema up to date, one replica at a time (see `runMigrationsLocked`). */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource({ ...options, migrationsRun: false }).initialize();
  try {
    await runMigrationsLocked(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * Runs the pending migrations while no other process can: two replicas booting at once on a fresh database would
 * otherwise both find every migration pending. PostgreSQL: a session-level advisory lock, released with the session
 * if the process dies. SQLite: the file's write lock (`BEGIN IMMEDIATE`) held across the check and the migrations,
 * which then run in that one transaction.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const started = Date.now();
  const ran = dataSource.options.type === 'postgres' ? await underAdvisoryLock(dataSource) : await underSqliteWriteLock(dataSource);
  if (ran > 0) logger.log(`ran ${ran} migration(s) in ${Date.now() - started} ms`);
}

async function underAdvisoryLock(dataSource: DataSource): Promise<number> {
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return (await dataSource.runMigrations({ transaction: 'all' })).length;
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

async function underSqliteWriteLock(dataSource: DataSource): Promise<number> {
  // better-sqlite3: one connection, one query runner, shared with the migration executor.
  const runner = dataSource.createQueryRunner();
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  for (;;) {
    try {
      await runner.query('BEGIN IMMEDIATE');
      break;
    } catch (error) {
      if (!/SQLITE_BUSY|database is locked/i.test(String(error)) || Date.now() > deadline) throw error;
    }
  }
  try {
    const ran = await dataSource.runMigrations({ transaction: 'none' });
    await runner.query('COMMIT');
    return ran.length;
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
