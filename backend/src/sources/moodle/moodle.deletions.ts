import type { DeletionApplier } from '../../sync/source-definition';
import { legacyApplier } from '../../sync/legacy-sqlite';
import { COLUMNS, MOODLE_TABLES, type MoodleTable } from './moodle.repository';

/**
 * Applies approved deletions in the API process: soft-deletes each held row (key: its key columns joined by `/`)
 * still live that no run has seen since it was held (a course Moodle lists again is kept).
 */
export const applyMoodleDeletions: DeletionApplier = legacyApplier('the Moodle source', (db, records, runId, now) => {
  const statements = new Map(
    MOODLE_TABLES.map((name) => {
      const { table, keys } = COLUMNS[name];
      const where = keys.map((key, index) => `${key} = @k${index}`).join(' AND ');
      return [
        name as string,
        db.prepare(
          `UPDATE ${table} SET deleted_at = @now, updated_at = @now, last_run_id = @runId
           WHERE ${where} AND deleted_at IS NULL AND last_seen_run_id IS @lastSeenRunId`,
        ),
      ] as const;
    }),
  );
  let deleted = 0;
  for (const record of records) {
    const statement = statements.get(record.table);
    if (!statement) continue;
    const parts = record.key.split('/');
    const keys = COLUMNS[record.table as MoodleTable].keys;
    if (parts.length !== keys.length) continue;
    const params = Object.fromEntries(parts.map((part, index) => [`k${index}`, Number(part)]));
    deleted += statement.run({ ...params, lastSeenRunId: record.lastSeenRunId, runId, now }).changes;
  }
  return deleted;
});
