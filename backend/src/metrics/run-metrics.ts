import type { DataSource } from 'typeorm';
import { COUNT_KEYS, FINAL_RUN_STATUSES, HEALTH_STATES, type HealthState } from '@hamgam/shared';

export type MetricType = 'counter' | 'gauge' | 'histogram';
export type MetricValue = { value: number; labels: Record<string, string>; metricName?: string };

/** A metric whose values are read from the database at each scrape. */
export type DerivedMetric = { name: string; help: string; type: MetricType; read: () => Promise<MetricValue[]> };

/** Upper bounds (seconds) of the run-duration histogram: a second up to two hours. */
export const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200] as const;

/** What `data_syncs` counts per record outcome (`fetched` is a step, not an outcome). */
export const RECORD_OUTCOMES = COUNT_KEYS.filter((key) => key !== 'fetched');

// PostgreSQL answers COUNT and SUM as bigint/numeric, which its driver gives as strings: every count goes through Number().
const FINAL = FINAL_RUN_STATUSES.map((status) => `'${status}'`).join(', ');

type RunCountRow = { source_id: string; trigger: string; status: string; n: number };
type DurationRow = { source_id: string; status: string; n: number; total_ms: number; [bucket: `b${number}`]: number };
type RecordsRow = { source_id: string } & Record<(typeof RECORD_OUTCOMES)[number], number>;
type LastSuccessRow = { source_id: string; finished_at: string };

export async function runCounts(db: DataSource): Promise<MetricValue[]> {
  const rows: RunCountRow[] = await db.query(`SELECT source_id, trigger, status, COUNT(*) AS n FROM data_syncs WHERE status IN (${FINAL}) GROUP BY 1, 2, 3`);
  return rows.map((row) => ({ value: Number(row.n), labels: { source: row.source_id, trigger: row.trigger, status: row.status } }));
}

export async function runDurations(db: DataSource, name: string): Promise<MetricValue[]> {
  const buckets = DURATION_BUCKETS.map((le, i) => `SUM(CASE WHEN duration_ms <= ${le * 1000} THEN 1 ELSE 0 END) AS b${i}`).join(', ');
  const rows: DurationRow[] = await db.query(
    `SELECT source_id, status, COUNT(*) AS n, SUM(duration_ms) AS total_ms, ${buckets} FROM data_syncs WHERE status IN (${FINAL}) AND duration_ms IS NOT NULL GROUP BY 1, 2`,
  );
  return rows.flatMap((row) => {
    const labels = { source: row.source_id, status: row.status };
    return [
      ...DURATION_BUCKETS.map((le, i) => ({ metricName: `${name}_bucket`, value: Number(row[`b${i}`]), labels: { ...labels, le: String(le) } })),
      { metricName: `${name}_bucket`, value: Number(row.n), labels: { ...labels, le: '+Inf' } },
      { metricName: `${name}_sum`, value: Number(row.total_ms) / 1000, labels },
      { metricName: `${name}_count`, value: Number(row.n), labels },
    ];
  });
}

export async function recordCounts(db: DataSource): Promise<MetricValue[]> {
  const sums = RECORD_OUTCOMES.map((outcome) => `SUM(${outcome}) AS ${outcome}`).join(', ');
  const rows: RecordsRow[] = await db.query(`SELECT source_id, ${sums} FROM data_syncs WHERE status IN (${FINAL}) AND NOT dry_run GROUP BY 1`);
  return rows.flatMap((row) => RECORD_OUTCOMES.map((outcome) => ({ value: Number(row[outcome]), labels: { source: row.source_id, outcome } })));
}

export async function lastSuccesses(db: DataSource): Promise<MetricValue[]> {
  const rows: LastSuccessRow[] = await db.query(
    `SELECT source_id, MAX(finished_at) AS finished_at FROM data_syncs WHERE status IN ('success', 'awaiting_approval') AND NOT dry_run AND finished_at IS NOT NULL GROUP BY 1`,
  );
  return rows.map((row) => ({ value: new Date(row.finished_at).getTime() / 1000, labels: { source: row.source_id } }));
}

export async function runningSources(db: DataSource): Promise<MetricValue[]> {
  const rows: { id: string; n: number }[] = await db.query(
    `SELECT s.id, (SELECT COUNT(*) FROM data_syncs r WHERE r.source_id = s.id AND r.status IN ('pending', 'running')) AS n FROM sources s ORDER BY s.id`,
  );
  return rows.map((row) => ({ value: Number(row.n) > 0 ? 1 : 0, labels: { source: row.id } }));
}

/** Deliveries that ended (sent or failed after their last try), from `notification_deliveries`, so a restart loses none. */
export async function notificationCounts(db: DataSource): Promise<MetricValue[]> {
  const rows: { kind: string; status: string; n: number }[] = await db.query(
    `SELECT channel_kind AS kind, status, COUNT(*) AS n FROM notification_deliveries WHERE status IN ('sent', 'failed') GROUP BY 1, 2`,
  );
  return rows.map((row) => ({ value: Number(row.n), labels: { kind: row.kind, status: row.status } }));
}

/** One series per source and state: 1 for the state the source is in, 0 for the others. */
export function stateValues(states: { sourceId: string; state: HealthState }[]): MetricValue[] {
  return states.flatMap(({ sourceId, state }) =>
    HEALTH_STATES.map((candidate) => ({ value: candidate === state ? 1 : 0, labels: { source: sourceId, state: candidate } })),
  );
}
