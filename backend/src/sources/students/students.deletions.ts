import type { DeletionApplier } from '../../sync/source-definition';
import { legacyApplier } from '../../sync/legacy-sqlite';

/**
 * Applies approved deletions in the API process: soft-deletes each held student still live that no page stored
 * after the hold lists (a student a later run fetched again, even one that failed part-way, is kept).
 */
export const applyStudentDeletions: DeletionApplier = legacyApplier('the students source', (db, records, runId, now) => {
  const seenSince = new Set(
    (
      db
        .prepare(
          `SELECT DISTINCT j.value AS student_number FROM student_pages p, json_each(p.student_numbers) j
           WHERE CAST(p.last_run_id AS INTEGER) > CAST(? AS INTEGER)`,
        )
        .all(runId) as { student_number: string }[]
    ).map((row) => row.student_number),
  );
  const softDelete = db.prepare(
    `UPDATE students SET deleted_at = @now, updated_at = @now, last_run_id = @runId WHERE student_number = @key AND deleted_at IS NULL`,
  );
  let deleted = 0;
  for (const record of records) {
    if (record.table !== 'students' || seenSince.has(record.key)) continue;
    deleted += softDelete.run({ key: record.key, runId, now }).changes;
  }
  return deleted;
});
