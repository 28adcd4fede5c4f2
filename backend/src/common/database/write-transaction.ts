import type { SqlDb } from './sql-db';

/**
 * Runs `work` in one write transaction and answers its result. In a dry run the transaction is rolled back after
 * `work` ran, so what it counted is exact (the same statements ran) and nothing is stored. Each batch stays its own
 * short transaction, as in a real run: the API process keeps writing the run row meanwhile.
 */
export function runWriteTransaction<T>(db: SqlDb, isDryRun: boolean, work: (tx: SqlDb) => Promise<T>): Promise<T> {
  return db.transaction(work, { rollback: isDryRun });
}
