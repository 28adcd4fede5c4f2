import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { ApiErrorBody, Page, RunLog, SourceStats, SyncRun } from '@hamgam/shared';
import { sharedDatabase, startReplica, waitUntil, type Replica, type SharedDatabase } from './replica-process';

const FAKE_LEGACY = join(__dirname, '../../fixtures/fake-legacy-sync.mjs');
const LEASE_SECONDS = 3;

/**
 * Two backend processes (`node dist/main.js`) on one database, as two replicas behind a load balancer: the
 * database is the only thing they share: a SQLite file in the SQLite pass, a throwaway PostgreSQL database in the
 * PostgreSQL pass (`TEST_POSTGRES_URL`), so the slow schedule test runs once per dialect.
 */
describe('two replicas on one database', () => {
  let gateway: GolestanStandIn;
  let dir: string;
  let database: SharedDatabase;
  let env: Record<string, string>;
  let a: Replica;
  let b: Replica;

  const runOf = async (replica: Replica, id: string) => (await replica.api<SyncRun>('GET', `/api/runs/${id}`)).body;
  const waitForStatus = (replica: Replica, id: string, statuses: string[], timeoutMs = 20_000) =>
    waitUntil(
      async () => {
        const run = await runOf(replica, id);
        return statuses.includes(run.status) ? run : undefined;
      },
      timeoutMs,
      `run ${id} to be ${statuses.join(' or ')}`,
    );
  const trigger = async (replica: Replica, sourceId: string) => {
    const response = await replica.api<SyncRun>('POST', `/api/sources/${sourceId}/runs`, {});
    expect(response.status).toBe(202);
    return response.body;
  };

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 30, seed: 5 });
    dir = mkdtempSync(join(tmpdir(), 'hamgam-replicas-'));
    const commands = [
      { id: 'script-ok', executable: process.execPath, args: [FAKE_LEGACY], cwd: '.', countPattern: 'Total records: (\\d+)' },
      { id: 'script-hang', executable: process.execPath, args: [FAKE_LEGACY, '--hang'], cwd: '.', countPattern: 'Total records: (\\d+)' },
    ];
    writeFileSync(join(dir, 'commands.json'), JSON.stringify(commands));
    database = await sharedDatabase(join(dir, 'data'));
    env = {
      ...database.env,
      COMMAND_SOURCES_FILE: join(dir, 'commands.json'),
      GOLESTAN_BASE_URL: gateway.url,
      GOLESTAN_USERNAME: gateway.username,
      GOLESTAN_PASSWORD: gateway.password,
      HAMGAM_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      RUN_LEASE_SECONDS: String(LEASE_SECONDS),
      MIN_SYNC_INTERVAL_SECONDS: '1',
      LOGIN_MAX_TRIES: '4',
    };
    // One after the other: the first runs the migrations.
    a = await startReplica('replica-a', env);
    b = await startReplica('replica-b', env);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await gateway?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should name each replica and its database on /api/health/ready', async () => {
    const ready = (await a.api<{ replica: string; databaseKind: string }>('GET', '/api/health/ready')).body;
    expect({ replica: ready.replica, databaseKind: ready.databaseKind }).toEqual({ replica: 'replica-a', databaseKind: database.dialect });
    expect((await b.api<{ replica: string }>('GET', '/api/health/ready')).body.replica).toBe('replica-b');
  });

  it('should count failed sign-ins on both replicas together', async () => {
    const login = (replica: Replica) =>
      fetch(`${replica.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'guesser', password: 'not-the-password-1' }),
      });
    for (const replica of [a, b, a]) expect((await login(replica)).status).toBe(401);
    // The fourth failure (on B) locks the pair, which A sees: each replica alone saw two.
    expect((await login(b)).status).toBe(401);
    const locked = await login(a);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('should answer 409 with the active run to a trigger on the other replica, and let the other replica cancel it', async () => {
    const run = await trigger(a, 'script-hang');
    await waitForStatus(a, run.id, ['running']);

    const second = await b.api<ApiErrorBody>('POST', '/api/sources/script-hang/runs', {});
    expect(second.status).toBe(409);
    expect(second.body.activeRun?.id).toBe(run.id);

    expect((await b.api('POST', `/api/runs/${run.id}/cancel`)).status).toBe(202);
    const ended = await waitForStatus(b, run.id, ['cancelled', 'failed']);
    expect(ended).toMatchObject({ status: 'cancelled', errorKind: 'cancelled', cancelledBy: 'admin' });
    // The owner stopped the script: its process ended by the signal it sent.
    expect(ended.errorMessage).toBe('cancelled by admin');
  });

  it('should fire each slot of a 2 s schedule once across both replicas over 30 s', async () => {
    expect((await a.api('PATCH', '/api/sources/script-ok', { autoSync: { enabled: true, every: 2, unit: 'seconds' } })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    expect((await b.api('PATCH', '/api/sources/script-ok', { autoSync: { enabled: false } })).status).toBe(200);
    await waitUntil(async () => (await a.api<SyncRun[]>('GET', '/api/runs/active')).body.length === 0 || undefined, 10_000, 'no active run');

    const page = (await a.api<Page<SyncRun>>('GET', '/api/runs?sourceId=script-ok&pageSize=100')).body;
    const scheduled = page.items.filter((run) => run.trigger === 'schedule').reverse();
    expect(scheduled.length).toBeGreaterThanOrEqual(6);
    expect(scheduled.every((run) => run.status === 'success')).toBe(true);
    // Two starts of one slot would sit milliseconds apart; each slot is 2 s after the run before it.
    const gaps = scheduled.slice(1).map((run, index) => new Date(run.createdAt).getTime() - new Date(scheduled[index].createdAt).getTime());
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1500);
    // Both replicas' timers came due; the one that lost a slot said so.
    expect([...a.lines, ...b.lines].some((line) => /another replica claimed the run due|is due but run \d+ is/.test(line))).toBe(true);
    const db = await database.open();
    const claims = await db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM schedule_claims WHERE source_id = 'script-ok'`);
    await db.close();
    expect(claims?.n).toBe(scheduled.length);
  }, 75_000);

  it('should close the run of a replica killed mid-run as failed/interrupted within the lease, its data intact', async () => {
    const first = await trigger(a, 'faculty');
    expect(await waitForStatus(a, first.id, ['success', 'failed'])).toMatchObject({ status: 'success' });
    const stored = (await b.api<SourceStats>('GET', '/api/sources/faculty/stats')).body;
    expect(stored.tables.reduce((sum, table) => sum + table.live, 0)).toBeGreaterThanOrEqual(25);

    gateway.setFaults({ delayMs: 60_000 });
    const run = await trigger(a, 'faculty');
    await waitForStatus(a, run.id, ['running']);
    // 'running' comes with the worker's first message, its log lines after it: under load the kill could come
    // between them, leaving the closing line alone in the log.
    await waitUntil(
      async () => (await a.api<RunLog>('GET', `/api/runs/${run.id}/log`)).body.lines.length > 0 || undefined,
      20_000,
      "the owner's first log line",
    );
    await a.stop('SIGKILL');

    const closed = await waitForStatus(b, run.id, ['failed', 'success', 'cancelled'], 4 * LEASE_SECONDS * 1000);
    expect(closed).toMatchObject({ status: 'failed', errorKind: 'interrupted' });
    expect(closed.errorMessage).toContain('replica-a');
    // The closing line follows the owner's last one in the run's log.
    const log = (await b.api<RunLog>('GET', `/api/runs/${run.id}/log`)).body;
    expect(log.lines.length).toBeGreaterThan(1);
    expect(log.lines.at(-1)).toMatchObject({ seq: log.lines.length, level: 'error', message: closed.errorMessage });
    expect((await b.api<SourceStats>('GET', '/api/sources/faculty/stats')).body).toEqual(stored);
    gateway.setFaults({});
  }, 60_000);

  it("should never close the other replica's live run when one restarts, and cancel it from the restarted one", async () => {
    const run = await trigger(b, 'script-hang');
    await waitForStatus(b, run.id, ['running']);

    if (a.child.exitCode === null && a.child.signalCode === null) await a.stop();
    a = await startReplica('replica-a', env);
    await new Promise((resolve) => setTimeout(resolve, 2 * LEASE_SECONDS * 1000));
    expect((await runOf(a, run.id)).status).toBe('running');

    expect((await a.api('POST', `/api/runs/${run.id}/cancel`)).status).toBe(202);
    expect(await waitForStatus(a, run.id, ['cancelled', 'failed'])).toMatchObject({ status: 'cancelled', errorKind: 'cancelled' });
  }, 60_000);
});
