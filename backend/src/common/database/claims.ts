import { placeholders } from './sql-db';
import type { DataSource } from 'typeorm';

/**
 * Claims something that must happen once across replicas by inserting its key: the first insert wins, every other
 * replica's insert meets the primary key and inserts nothing. `INSERT … ON CONFLICT DO NOTHING RETURNING` reads the
 * same on SQLite (3.35+) and PostgreSQL, and needs no lock held between replicas.
 */
async function claimRow(dataSource: DataSource, table: string, columns: string[], values: string[]): Promise<boolean> {
  const rows = (await dataSource.query(
    placeholders(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING RETURNING ${columns[0]}`,
      dataSource,
    ),
    values,
  )) as unknown[];
  return Array.isArray(rows) && rows.length > 0;
}

/**
 * One replica wins a schedule's due slot; the others skip it. The winner may claim it again (a start that failed
 * before its run was stored is retried by the same replica, never by another).
 */
export async function claimScheduleSlot(dataSource: DataSource, sourceId: string, dueAt: Date, replicaId: string): Promise<boolean> {
  const key = [sourceId, dueAt.toISOString()];
  if (await claimRow(dataSource, 'schedule_claims', ['source_id', 'due_at', 'replica_id', 'claimed_at'], [...key, replicaId, new Date().toISOString()])) {
    return true;
  }
  const rows = (await dataSource.query(placeholders('SELECT replica_id FROM schedule_claims WHERE source_id = ? AND due_at = ?', dataSource), key)) as {
    replica_id: string;
  }[];
  return rows[0]?.replica_id === replicaId;
}

/** One replica wins a daily job (`day` as YYYY-MM-DD); the others skip it that day. */
export function claimDailyJob(dataSource: DataSource, job: string, day: string, replicaId: string): Promise<boolean> {
  return claimRow(dataSource, 'job_claims', ['job', 'day', 'replica_id', 'claimed_at'], [job, day, replicaId, new Date().toISOString()]);
}

/** Claims of slots and days before `before` are only history: the daily job drops them. */
export async function dropOldClaims(dataSource: DataSource, before: Date): Promise<void> {
  await dataSource.query(placeholders('DELETE FROM schedule_claims WHERE due_at < ?', dataSource), [before.toISOString()]);
  await dataSource.query(placeholders('DELETE FROM job_claims WHERE day < ?', dataSource), [before.toISOString().slice(0, 10)]);
}
