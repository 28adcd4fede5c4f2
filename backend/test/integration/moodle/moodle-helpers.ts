import Database from 'better-sqlite3';
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
  const db = new Database(t.config.databasePath);
  db.prepare(`UPDATE sources SET options = ? WHERE id = 'moodle'`).run(
    JSON.stringify({ enrolmentPageSize: 7, concurrency: 3, retryBaseMs: 20, requestTimeoutMs: 3000, ...options }),
  );
  db.close();
  return { moodle, t };
}

export function query<T>(t: TestApp, sql: string, ...params: unknown[]): T[] {
  const db = new Database(t.config.databasePath, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Inserts a row with only the given columns, filling other NOT NULL columns without default with ''. */
export function insertRow(t: TestApp, table: string, values: Record<string, string>): void {
  const db = new Database(t.config.databasePath);
  try {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; dflt_value: unknown; pk: number }[];
    const row: Record<string, string> = { ...values };
    for (const column of columns) {
      if (column.notnull && column.dflt_value === null && !(column.name in row)) row[column.name] = '';
    }
    const names = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
  } finally {
    db.close();
  }
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
