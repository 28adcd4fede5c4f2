import { startMoodleStandIn, type MoodleDataset, type MoodleStandIn, type MoodleStandInOptions } from '@hamgam/stand-ins';
import type { RunLog } from '@hamgam/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';

export type MoodleTestBed = { moodle: MoodleStandIn; t: TestApp };

/** A stand-in Moodle and the app pointed at it by MOODLE_* settings, with small pages and fast retries. */
export async function startMoodleTestBed(
  site: MoodleStandInOptions,
  options: Record<string, unknown> = {},
  env: Record<string, string> = {},
): Promise<MoodleTestBed> {
  const moodle = await startMoodleStandIn(site);
  const t = await startTestApp({ env: { MOODLE_BASE_URL: moodle.url, MOODLE_TOKEN: moodle.token, ...env } });
  await t.sql.run(`UPDATE sources SET options = ? WHERE id = 'moodle'`, [
    JSON.stringify({ enrolmentPageSize: 7, concurrency: 3, retryBaseMs: 20, requestTimeoutMs: 3000, ...options }),
  ]);
  return { moodle, t };
}

/** Rows read through the test app's connection (SQLite or PostgreSQL); `?` placeholders. */
export function query<T>(t: TestApp, sql: string, ...params: (string | number | null)[]): Promise<T[]> {
  return t.sql.all<T>(sql, params);
}

type ColumnInfo = { name: string; notnull: number; dflt_value: unknown };

/** Inserts a row with only the given columns, filling other NOT NULL columns without default with ''. */
export async function insertRow(t: TestApp, table: string, values: Record<string, string>): Promise<void> {
  const columns =
    t.dialect === 'postgres'
      ? await t.sql.all<ColumnInfo>(
          `SELECT column_name AS name, CASE WHEN is_nullable = 'NO' AND is_identity = 'NO' THEN 1 ELSE 0 END AS notnull, column_default AS dflt_value
           FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
          [table],
        )
      : await t.sql.all<ColumnInfo>('SELECT name, "notnull", dflt_value FROM pragma_table_info(?)', [table]);
  const row: Record<string, string> = { ...values };
  for (const column of columns) {
    if (column.notnull && column.dflt_value === null && !(column.name in row)) row[column.name] = '';
  }
  const names = Object.keys(row);
  await t.sql.run(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`, row);
}

/** What a correct full run must store, computed from the stand-in's site without the connector's code. */
export function expectedSite(data: MoodleDataset, activeMin = 5) {
  const enrolments = [...data.enrolments.values()].flat();
  const users = new Set(enrolments.map((e) => e.userid));
  const levels = new Map(
    data.courses.map((course) => {
      const teaching = course.sections
        .filter((s) => s.visible)
        .flatMap((s) => s.modules.filter((m) => m.visible && !(s.section === 0 && m.modname === 'forum'))).length;
      return [course.id, teaching === 0 ? 'empty' : teaching < activeMin ? 'light' : 'active'];
    }),
  );
  return { categories: data.categories.length, courses: data.courses.length, enrolments: enrolments.length, users: users.size, levels };
}

export async function runLog(t: TestApp, runId: string): Promise<string> {
  const log = (await t.http().get(`/api/runs/${runId}/log`).expect(200)).body as RunLog;
  return log.lines.map((line) => `${line.level}: ${line.message}`).join('\n');
}
