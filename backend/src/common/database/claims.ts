import type { DataSource } from 'typeorm';

/** `?` on SQLite, `$n` on PostgreSQL: the same statement text for both dialects. */
export function parameterList(dataSource: DataSource, count: number, from = 1): string[] {
  const isPostgres = dataSource.options.type === 'postgres';
  return Array.from({ length: count }, (_, index) => (isPostgres ? `$${from + index}` : '?'));
}

/**
 * Claims something that must happen once across replicas by inserting its key: the first insert wins, every other
 * replica's insert meets the primary key and inserts nothing. `INSERT … ON CONFLICT DO NOTHING RETURNING` reads the
 * same on SQLite (3.35+) and PostgreSQL, and needs no lock held between replicas.
 */
async function claimRow(dataSource: DataSource, table: string, columns: string[], values: string[]): Promise<boolean> {
  const params = parameterList(dataSource, values.length);
  const rows = (await dataSource.query(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${params.join(', ')}) ON CONFLICT DO NOTHING RETURNING ${columns[0]}`,
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
  const [source, due] = parameterList(dataSource, 2);
  const rows = (await dataSource.query(`SELECT replica_id FROM schedule_claims WHERE source_id = ${source} AND due_at = ${due}`, key)) as {
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
  const [param] = parameterList(dataSource, 1);
  await dataSource.query(`DELETE FROM schedule_claims WHERE due_at < ${param}`, [before.toISOString()]);
  await dataSource.query(`DELETE FROM job_claims WHERE day < ${param}`, [before.toISOString().slice(0, 10)]);
}
