import { execFileSync } from 'node:child_process';
import { startCrmStandIn, type CrmStandIn, type CrmStandInOptions } from '@hamgam/stand-ins';
import type { SyncRun } from '@hamgam/shared';
import { startTestApp, waitForRunEnd, type TestApp } from '../helpers/test-app';

export type CrmTestBed = { crm: CrmStandIn; t: TestApp };

/** A stand-in CRM and the app pointed at it by CRM_* settings, with small pages and fast retries. */
export async function startCrmTestBed(site: CrmStandInOptions, options: Record<string, unknown> = {}): Promise<CrmTestBed> {
  const crm = await startCrmStandIn(site);
  const t = await startTestApp({ env: { CRM_BASE_URL: crm.url, CRM_USERNAME: crm.username, CRM_PASSWORD: crm.password } });
  await t.sql.run(`UPDATE sources SET options = ? WHERE id = 'crm'`, [JSON.stringify({ pageSize: 25, retryBaseMs: 20, requestTimeoutMs: 3000, ...options })]);
  return { crm, t };
}

/** Rows read through the test app's connection (SQLite or PostgreSQL); `?` placeholders. */
export function query<T>(t: TestApp, sql: string, ...params: (string | number | null)[]): Promise<T[]> {
  return t.sql.all<T>(sql, params);
}

export async function startRun(t: TestApp, mode?: 'full' | 'recent'): Promise<SyncRun> {
  const response = await t
    .http()
    .post('/api/sources/crm/runs')
    .send(mode ? { mode } : {})
    .expect(202);
  return response.body as SyncRun;
}

export async function runToEnd(t: TestApp, mode?: 'full' | 'recent'): Promise<SyncRun> {
  return waitForRunEnd(t, (await startRun(t, mode)).id);
}

export const watermark = async (t: TestApp): Promise<string | null> =>
  (await query<{ server_updated_at: string | null }>(t, 'SELECT server_updated_at FROM crm_watermark WHERE id = 1'))[0]?.server_updated_at ?? null;

/** Ids of the rows stored live, sorted, by table: what must equal the CRM's live set after a complete run. */
export async function localLive(t: TestApp): Promise<{ contacts: string[]; interactions: string[] }> {
  // Sorted here as upstreamLive sorts: PostgreSQL may collate text otherwise.
  const ids = async (table: string) => (await query<{ id: string }>(t, `SELECT id FROM ${table} WHERE deleted_at IS NULL`)).map((row) => row.id).sort();
  return { contacts: await ids('crm_contacts'), interactions: await ids('crm_interactions') };
}

export function upstreamLive(crm: CrmStandIn): { contacts: string[]; interactions: string[] } {
  const ids = (table: 'contacts' | 'interactions') => [...crm.store.live(table).keys()].sort();
  return { contacts: ids('contacts'), interactions: ids('interactions') };
}

/** Every record's server time as stored and as the CRM has it: equal after a complete run, deleted ones included. */
export async function serverTimes(t: TestApp, crm: CrmStandIn): Promise<{ local: Record<string, string>; upstream: Record<string, string> }> {
  const local = Object.fromEntries(
    (
      await query<{ id: string; server_updated_at: string }>(
        t,
        `SELECT id, server_updated_at FROM crm_contacts UNION ALL SELECT id, server_updated_at FROM crm_interactions`,
      )
    ).map((row) => [row.id, row.server_updated_at]),
  );
  const upstream = Object.fromEntries(crm.store.list().map((record) => [record.id, new Date(record.updatedAt).toISOString()]));
  return { local, upstream };
}

/** Kills the run's worker (a child of this test process) with SIGKILL, as a crash or the OOM killer would. */
export function killWorker(): void {
  const pids = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'worker-entry'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean);
  if (pids.length !== 1) throw new Error(`expected one worker process, found ${pids.length}`);
  process.kill(Number(pids[0]), 'SIGKILL');
}

/** Stores students with only their numbers (other NOT NULL columns without a default empty), so links have someone to point at. */
export async function insertStudents(t: TestApp, numbers: readonly string[]): Promise<void> {
  const columns =
    t.dialect === 'postgres'
      ? await t.sql.all<{ name: string; notnull: number; dflt_value: unknown }>(
          `SELECT column_name AS name, CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END AS notnull, column_default AS dflt_value
           FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'students'`,
        )
      : await t.sql.all<{ name: string; notnull: number; dflt_value: unknown }>(`PRAGMA table_info(students)`);
  const filled = columns.filter((c) => Number(c.notnull) === 1 && c.dflt_value === null && c.name !== 'student_number').map((c) => c.name);
  const insert = `INSERT INTO students (student_number${filled.map((c) => `, ${c}`).join('')}) VALUES (?${filled.map(() => ", ''").join('')})`;
  for (const number of numbers) await t.sql.run(insert, [number]);
}

export async function updateStudent(t: TestApp, studentNumber: string, fields: Record<string, string>): Promise<void> {
  const set = Object.keys(fields).map((name) => `${name} = @${name}`);
  await t.sql.run(`UPDATE students SET ${set.join(', ')} WHERE student_number = @studentNumber`, { ...fields, studentNumber });
}
