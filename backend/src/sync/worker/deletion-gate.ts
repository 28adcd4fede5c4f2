import type Database from 'better-sqlite3';
import type { DeletionGuard } from '@hamgam/shared';
import { exceedsDeletionGuard } from '../deletions/deletion-guard';
import type { DeletionGate, HeldRecord } from '../source-definition';

const MAX_VALUE_LENGTH = 500;

/**
 * The worker's side of the deletion guard: a source asks whether its deletions pass the guard and, when they do,
 * hands them over instead of deleting. The held records are written to `held_deletions` in one transaction (not in a
 * dry run, which only counts them); the parent sees their count in the run's final message.
 */
export function createDeletionGate(db: Database.Database, runId: string, guard: DeletionGuard | null, dryRun: boolean): DeletionGate {
  let held = 0;
  return {
    exceeds: (count, live) => exceedsDeletionGuard(guard, count, live),
    hold(records: readonly HeldRecord[]) {
      held += records.length;
      if (dryRun || records.length === 0) return;
      const insert = db.prepare(
        `INSERT OR REPLACE INTO held_deletions (run_id, record_table, record_key, last_seen_run_id, record_values)
         VALUES (@runId, @table, @key, @lastSeenRunId, @values)`,
      );
      db.transaction(() => {
        for (const record of records) {
          insert.run({
            runId: Number(runId),
            table: record.table,
            key: record.key,
            lastSeenRunId: record.lastSeenRunId,
            values: JSON.stringify(clipValues(record.values)),
          });
        }
      }).immediate();
    },
    heldCount: () => held,
  };
}

function clipValues(values: HeldRecord['values']): HeldRecord['values'] {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? value.slice(0, MAX_VALUE_LENGTH) : value]));
}
