import { nullSafeEquals } from '../../common/database/sql-dialect';
import type { DeletionApplier } from '../../sync/source-definition';
import { COLUMNS, type MoodleTable } from './moodle-tables';

/**
 * Applies approved deletions in the API process: soft-deletes each held row (key: its key columns joined by `/`)
 * still live that no run has seen since it was held (a course Moodle lists again is kept).
 */
export const applyMoodleDeletions: DeletionApplier = async (db, records, runId, now) => {
  let deleted = 0;
  for (const record of records) {
    if (!Object.hasOwn(COLUMNS, record.table)) continue;
    const { table, keys } = COLUMNS[record.table as MoodleTable];
    const parts = record.key.split('/');
    if (parts.length !== keys.length || parts.some((part) => !/^\d+$/.test(part))) continue;
    const where = keys.map((key, index) => `${key} = @k${index}`).join(' AND ');
    const params = Object.fromEntries(parts.map((part, index) => [`k${index}`, Number(part)]));
    const result = await db.run(
      `UPDATE ${table} SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE ${where} AND deleted_at IS NULL AND last_seen_run_id ${nullSafeEquals(db.dialect)} @lastSeenRunId`,
      { ...params, lastSeenRunId: record.lastSeenRunId, runId, now },
    );
    deleted += result.changes;
  }
  return deleted;
};
