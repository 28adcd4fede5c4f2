import type Database from 'better-sqlite3';
import type { SqlDb } from './sql-db';

/**
 * Runs `work` in one write transaction and answers its result. In a dry run the transaction is rolled back after
 * `work` ran, so what it counted is exact (the same statements ran) and nothing is stored. Each batch stays its own
 * short transaction, as in a real run: the API process keeps writing the run row meanwhile.
 */
export function runWriteTransaction<T>(db: SqlDb, isDryRun: boolean, work: (tx: SqlDb) => Promise<T>): Promise<T> {
  return db.transaction(work, { rollback: isDryRun });
}

class DryRunRollback<T> extends Error {
  constructor(readonly value: T) {
    super('dry run: rolled back');
  }
}

/** `runWriteTransaction` for a repository still on better-sqlite3 itself (SQLite only; see `legacySqlite`). */
export function runSqliteWriteTransaction<T>(db: Database.Database, isDryRun: boolean, work: () => T): T {
  const transaction = db.transaction(() => {
    const value = work();
    if (isDryRun) throw new DryRunRollback(value);
    return value;
  });
  try {
    return transaction.immediate();
  } catch (error) {
    if (error instanceof DryRunRollback) return error.value as T;
    throw error;
  }
}
