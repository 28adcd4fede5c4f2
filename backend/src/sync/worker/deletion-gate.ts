import type { DeletionGuard } from '@hamgam/shared';
import { insertRows } from '../../common/database/insert-rows';
import type { SqlDb } from '../../common/database/sql-db';
import { exceedsDeletionGuard } from '../deletions/deletion-guard';
import type { DeletionGate, HeldRecord } from '../source-definition';

const MAX_VALUE_LENGTH = 500;
const COLUMNS = ['run_id', 'record_table', 'record_key', 'last_seen_run_id', 'record_values'];

/**
 * The worker's side of the deletion guard: a source asks whether its deletions pass the guard and, when they do,
 * hands them over instead of deleting. The held records are written to `held_deletions` in one transaction (not in a
 * dry run, which only counts them); the parent sees their count in the run's final message.
 */
export function createDeletionGate(db: SqlDb, runId: string, guard: DeletionGuard | null, dryRun: boolean): DeletionGate {
  let held = 0;
  return {
    exceeds: (count, live) => exceedsDeletionGuard(guard, count, live),
    async hold(records: readonly HeldRecord[]) {
      held += records.length;
      if (dryRun || records.length === 0) return;
      const rows = records.map((record) => [Number(runId), record.table, record.key, record.lastSeenRunId, JSON.stringify(clipValues(record.values))]);
      await db.transaction((tx) =>
        insertRows(
          tx,
          'held_deletions',
          COLUMNS,
          rows,
          `ON CONFLICT (run_id, record_table, record_key) DO UPDATE SET last_seen_run_id = excluded.last_seen_run_id, record_values = excluded.record_values`,
        ),
      );
    },
    heldCount: () => held,
  };
}

function clipValues(values: HeldRecord['values']): HeldRecord['values'] {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' ? value.slice(0, MAX_VALUE_LENGTH) : value]));
}
