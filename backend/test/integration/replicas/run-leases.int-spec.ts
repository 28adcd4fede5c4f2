import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunSupervisor } from '../../../src/sync/runner/run-supervisor.service';
import { startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';

const FAKE_LEGACY = join(__dirname, '../../fixtures/fake-legacy-sync.mjs');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One replica's side of the leases: it owns and renews its runs, and lets go of one another replica closed. */
describe('run leases', () => {
  let dir: string;
  let t: TestApp;
  const row = async (id: string) =>
    (await t.sql.get<{ owner_replica: string; lease_expires_at: string; status: string }>(
      'SELECT owner_replica, lease_expires_at, status FROM data_syncs WHERE id = ?',
      [Number(id)],
    ))!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-leases-'));
    const commands = [{ id: 'script-hang', executable: process.execPath, args: [FAKE_LEGACY, '--hang'], cwd: '.', countPattern: 'Total records: (\\d+)' }];
    writeFileSync(join(dir, 'commands.json'), JSON.stringify(commands));
    t = await startTestApp({
      env: {
        COMMAND_SOURCES_FILE: join(dir, 'commands.json'),
        RUN_LEASE_SECONDS: '2',
        REPLICA_ID: 'lease-test',
        HAMGAM_SECRET_KEY: Buffer.alloc(32, 3).toString('base64'),
      },
    });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should own its run and renew the lease while the process lives', async () => {
    const run = await triggerRun(t, 'script-hang');
    const first = await row(run.id);
    expect(first.owner_replica).toBe('lease-test');
    const renewed = await waitFor(async () => {
      const now = await row(run.id);
      return now.lease_expires_at > first.lease_expires_at ? now : undefined;
    });
    expect(renewed.status).toBe('running');

    await t.http().post(`/api/runs/${run.id}/cancel`).expect(202);
    await waitForRunEnd(t, run.id);
  });

  it('should stop the process of a run another replica closed after its lease ran out', async () => {
    const run = await triggerRun(t, 'script-hang');
    const pid = await waitFor(() => t.app.get(RunSupervisor).pidOf(Number(run.id)));
    await waitFor(async () => (await t.http().get(`/api/runs/${run.id}`)).body.status === 'running');

    // What another replica's sweep writes when it finds the lease run out.
    await t.sql.run(`UPDATE data_syncs SET status = 'failed', error_kind = 'interrupted', finished_at = ? WHERE id = ?`, [
      new Date().toISOString(),
      Number(run.id),
    ]);

    await waitFor(() => !isAlive(pid) || undefined);
    await waitFor(() => !t.app.get(RunSupervisor).isActive(Number(run.id)) || undefined);
    // The first outcome stays: the owner's stop does not rewrite the run.
    expect((await t.http().get(`/api/runs/${run.id}`)).body).toMatchObject({ status: 'failed', errorKind: 'interrupted' });
  });
});
