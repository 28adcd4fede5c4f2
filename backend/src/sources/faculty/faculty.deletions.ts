import type { DeletionApplier } from '../../sync/source-definition';

/**
 * Applies approved deletions in the API process: soft-deletes each held member still live whose last sighting is
 * the one it was held with (a member a later run saw again is kept). Returns how many were deleted.
 */
export const applyFacultyDeletions: DeletionApplier = (db, records, runId, now) => {
  const softDelete = db.prepare(
    `UPDATE faculty_members SET deleted_at = @now, updated_at = @now, last_run_id = @runId
     WHERE national_code = @key AND deleted_at IS NULL AND last_seen_run_id IS @lastSeenRunId`,
  );
  let deleted = 0;
  for (const record of records) {
    if (record.table !== 'members') continue;
    deleted += softDelete.run({ key: record.key, lastSeenRunId: record.lastSeenRunId, runId, now }).changes;
  }
  return deleted;
};
