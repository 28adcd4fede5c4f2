import { nullSafeEquals } from '../../common/database/sql-dialect';
import type { DeletionApplier } from '../../sync/source-definition';
import { TABLES } from './crm.page-writer';

/**
 * Applies approved deletions in the API process: soft-deletes each held contact or interaction still live that no
 * run has seen since it was held (a record the feed sent again is kept). Returns how many were deleted.
 */
export const applyCrmDeletions: DeletionApplier = async (db, records, runId, now) => {
  let deleted = 0;
  for (const record of records) {
    const table = Object.hasOwn(TABLES, record.table) ? TABLES[record.table as keyof typeof TABLES] : undefined;
    if (!table) continue;
    const softDelete = `UPDATE ${table} SET deleted_at = @now, updated_at = @now, sync_version = sync_version + 1, last_run_id = @runId
       WHERE id = @key AND deleted_at IS NULL AND last_seen_run_id ${nullSafeEquals(db.dialect)} @lastSeenRunId`;
    deleted += (await db.run(softDelete, { key: record.key, lastSeenRunId: record.lastSeenRunId, runId, now })).changes;
  }
  return deleted;
};
