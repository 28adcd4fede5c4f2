import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AuditEntry, Page, RunRejection, SyncRun } from '@hamgam/shared';
import { describeDatabase } from '../../../src/config/config';
import { startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';
import { testPostgresUrl } from '../helpers/test-database';

// Waits for its stop signal: a command run that stays active as long as the test needs.
const WAIT_SCRIPT = `process.on('SIGTERM', () => process.exit(143)); setInterval(() => undefined, 1000); console.log('waiting');`;

/** What only PostgreSQL shows: the integration tier's other files run on both databases. */
describe('PostgreSQL as the database', () => {
  let t: TestApp;
  let configDir: string;
  let db: Client;

  beforeAll(async () => {
    if (!testPostgresUrl()) throw new Error('this file runs on PostgreSQL only: set TEST_POSTGRES_URL (scripts/test.mjs does)');
    configDir = mkdtempSync(join(tmpdir(), 'hamgam-pg-'));
    writeFileSync(join(configDir, 'wait.js'), WAIT_SCRIPT);
    writeFileSync(
      join(configDir, 'commands.json'),
      JSON.stringify([
        {
          id: 'waits',
          name: 'Waits',
          executable: process.execPath,
          args: [join(configDir, 'wait.js')],
          cwd: configDir,
          timeoutSeconds: 120,
          countPattern: 'Total records: (\\d+)',
        },
      ]),
    );
    t = await startTestApp({ env: { COMMAND_SOURCES_FILE: join(configDir, 'commands.json') } });
    db = new Client({ connectionString: t.config.databaseUrl! });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await t?.close();
    rmSync(configDir, { recursive: true, force: true });
  });

  it('should run every committed migration on PostgreSQL and name the database without its credentials', async () => {
    expect(t.dialect).toBe('postgres');
    const { rows } = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp');
    expect(rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['CreateSyncCore1764000000000', 'ScheduleCalendar1765400000700', 'CreateCrmOutbox1764000000410']),
    );
    const { rows: extensions } = await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    expect(extensions).toHaveLength(1);
    expect(describeDatabase({ databasePath: '', databaseUrl: 'postgres://hamgam:s3cret@db.example:5432/hamgam' })).toBe('postgresql://db.example:5432/hamgam');
  });

  it('should run a command source and answer 409 with the active run when a second trigger comes', async () => {
    const first = await triggerRun(t, 'waits');
    await waitFor(async () => ((await t.http().get(`/api/runs/${first.id}`).expect(200)).body as SyncRun).status === 'running');
    const second = await t.http().post('/api/sources/waits/runs').send({}).expect(409);
    expect(JSON.stringify(second.body)).toContain(first.id);
    // The partial unique index holds on PostgreSQL too, whatever the API checks first.
    await expect(
      db.query(`INSERT INTO data_syncs (source_id, trigger, status, created_at) VALUES ('waits', 'api', 'pending', $1)`, [new Date().toISOString()]),
    ).rejects.toThrow(/ux_data_syncs_active/);
    await t.http().post(`/api/runs/${first.id}/cancel`).send({ reason: 'wrong term' }).expect(202);
    expect(await waitForRunEnd(t, first.id)).toMatchObject({ status: 'cancelled', cancelledBy: 'admin', cancelReason: 'wrong term' });
    const [entry] = ((await t.http().get('/api/audit?action=run.cancelled').expect(200)).body as Page<AuditEntry>).items;
    expect(entry).toMatchObject({ actor: 'admin', target: `run:${first.id}`, details: { reason: 'wrong term' } });
  });

  it('should group, search and page a run’s rejected records on PostgreSQL', async () => {
    const [{ id }] = await t.query<{ id: number }>(
      `INSERT INTO data_syncs (source_id, trigger, status, created_at) VALUES ('faculty', 'manual', 'failed', ?) RETURNING id`,
      [new Date().toISOString()],
    );
    const rows = [
      ['4001', 'invalid national code', 'invalid_national_code', '{"value":"ABC-12"}', '4021'],
      ['4001', 'invalid national code', 'invalid_national_code', '{"value":"ABC-12"}', '4022'],
      ['4002', 'an old reason before codes', null, null, null],
      ['4003', 'a list, not an object', 'odd_params', '["x"]', null],
    ];
    for (const row of rows)
      await t.query(`INSERT INTO run_rejections (run_id, record_key, reason, code, params, term) VALUES (?, ?, ?, ?, ?, ?)`, [id, ...row]);
    const keys = async (q?: string) =>
      (
        (
          await t
            .http()
            .get(`/api/runs/${id}/rejections`)
            .query(q ? { q } : {})
            .expect(200)
        ).body as Page<RunRejection>
      ).items.map((item) => [item.key, item.terms]);
    expect(await keys()).toEqual([
      ['4001', ['4021', '4022']],
      ['4002', []],
      ['4003', []],
    ]);
    // A parameter's value, whatever its case; an old reason's text (the search folds spaces away, as on SQLite).
    expect(await keys('abc-1')).toEqual([['4001', ['4021', '4022']]]);
    expect(await keys('REASON')).toEqual([['4002', []]]);
  });

  it('should count the runs in the metrics, read from PostgreSQL', async () => {
    // Not configured here: the faculty run fails at once.
    expect(await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id)).toMatchObject({ status: 'failed' });
    const text = (await t.anonymous().get('/metrics').expect(200)).text;
    const valueOf = (series: string) =>
      Number(
        text
          .split('\n')
          .find((line) => line.startsWith(`${series} `))
          ?.slice(series.length + 1),
      );
    expect(valueOf('hamgam_sync_runs_total{source="faculty",trigger="api",status="failed"}')).toBe(1);
    expect(valueOf('hamgam_sync_runs_total{source="waits",trigger="api",status="cancelled"}')).toBe(1);
    expect(valueOf('hamgam_sync_run_duration_seconds_count{source="waits",status="cancelled"}')).toBe(1);
    expect(valueOf('hamgam_sync_running{source="waits"}')).toBe(0);
  });

  it('should find runs by any part of their error text, Persian or of another case, through the trigram index of their messages', async () => {
    const at = new Date().toISOString();
    for (const message of ['اتصال به درگاه گلستان قطع شد', 'Gateway TIMEOUT after 30 s', 'نام کاربری نادرست است']) {
      await db.query(
        `INSERT INTO data_syncs (source_id, trigger, status, created_at, finished_at, error_kind, error_message) VALUES ('faculty', 'api', 'failed', $1, $1, 'network', $2)`,
        [at, message],
      );
    }
    const search = async (q: string) => ((await t.http().get('/api/runs').query({ q }).expect(200)).body as Page<SyncRun>).items.map((run) => run.errorMessage);
    expect(await search('درگاه گلستان')).toEqual(['اتصال به درگاه گلستان قطع شد']);
    expect(await search('timeout')).toEqual(['Gateway TIMEOUT after 30 s']);
    expect(await search('100%')).toEqual([]);
    // The text is looked up among the runs' distinct messages (PostgresHistoryIndexes1765500001100), kept by a trigger.
    const { rows } = await db.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_run_messages_trgm'`);
    expect(rows[0]?.indexdef).toContain('gin_trgm_ops');
    const messages = await db.query(`SELECT text FROM run_messages WHERE folded LIKE '%timeout%'`);
    expect(messages.rows).toEqual([{ text: 'Gateway TIMEOUT after 30 s' }]);
  });
});
