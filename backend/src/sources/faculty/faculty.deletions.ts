import { nullSafeEquals } from '../../common/database/sql-dialect';
import type { DeletionApplier } from '../../sync/source-definition';

/**
 * Applies approved deletions in the API process: soft-deletes each held member still live whose last sighting is
 * the one it was held with (a member a later run saw again is kept). Returns how many were deleted.
 */
export const applyFacultyDeletions: DeletionApplier = async (db, records, runId, now) => {
  const softDelete = `UPDATE faculty_members SET deleted_at = @now, updated_at = @now, last_run_id = @runId
     WHERE national_code = @key AND deleted_at IS NULL AND last_seen_run_id ${nullSafeEquals(db.dialect)} @lastSeenRunId`;
  let deleted = 0;
  for (const record of records) {
    if (record.table !== 'members') continue;
    deleted += (await db.run(softDelete, { key: record.key, lastSeenRunId: record.lastSeenRunId, runId, now })).changes;
  }
  return deleted;
};
