import type { DeletionApplier } from '../../sync/source-definition';
import { legacyApplier } from '../../sync/legacy-sqlite';
import { TABLES } from './crm.repository';

/**
 * Applies approved deletions in the API process: soft-deletes each held contact or interaction still live that no
 * run has seen since it was held (a record the feed sent again is kept).
 */
export const applyCrmDeletions: DeletionApplier = legacyApplier('the CRM source', (db, records, runId, now) => {
  const statements = Object.fromEntries(
    Object.entries(TABLES).map(([id, table]) => [
      id,
      db.prepare(
        `UPDATE ${table} SET deleted_at = @now, updated_at = @now, sync_version = sync_version + 1, last_run_id = @runId
         WHERE id = @key AND deleted_at IS NULL AND last_seen_run_id IS @lastSeenRunId`,
      ),
    ]),
  );
  let deleted = 0;
  for (const record of records) {
    const statement = Object.hasOwn(statements, record.table) ? statements[record.table] : undefined;
    if (statement) deleted += statement.run({ key: record.key, lastSeenRunId: record.lastSeenRunId, runId, now }).changes;
  }
  return deleted;
});
