import { inKeyList, keyList } from '../../common/database/sql-dialect';
import type { DeletionApplier } from '../../sync/source-definition';
import { seenAfterRun } from './students.sql';

/**
 * Applies approved deletions in the API process: soft-deletes each held student still live that no page stored
 * after the hold lists (a student a later run fetched again, even one that failed part-way, is kept).
 */
export const applyStudentDeletions: DeletionApplier = async (db, records, runId, now) => {
  const seenSince = new Set((await db.all<{ student_number: string }>(seenAfterRun(db.dialect), [runId])).map((row) => row.student_number));
  const keys = records.filter((record) => record.table === 'students' && !seenSince.has(record.key)).map((record) => record.key);
  if (keys.length === 0) return 0;
  const sql = `UPDATE students SET deleted_at = ?, updated_at = ?, last_run_id = ? WHERE ${inKeyList(db.dialect, 'student_number')} AND deleted_at IS NULL`;
  return (await db.run(sql, [now, now, runId, keyList(db.dialect, [...new Set(keys)])])).changes;
};
