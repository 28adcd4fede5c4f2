import type Database from 'better-sqlite3';

class DryRunRollback<T> extends Error {
  constructor(readonly value: T) {
    super('dry run: rolled back');
  }
}

/**
 * Runs `work` in one IMMEDIATE transaction and answers its result. In a dry run the transaction is rolled back
 * after `work` ran, so what it counted is exact (the same statements ran) and nothing is stored. Each batch stays
 * its own short transaction, as in a real run: the API process keeps writing the run row meanwhile.
 */
export function runWriteTransaction<T>(db: Database.Database, isDryRun: boolean, work: () => T): T {
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
