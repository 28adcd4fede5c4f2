import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { ApiErrorBody, RunLog, Source } from '@hamgam/shared';
import { RunSupervisor } from '../../src/sync/runner/run-supervisor.service';
import { startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from './helpers/test-app';

const FAKE_LEGACY = join(__dirname, '../fixtures/fake-legacy-sync.mjs');
// Command sources are configured by the operator, one per behaviour of the fake script.
const SCRIPTS = { 'script-ok': [], 'script-fail': ['--fail'], 'script-hang': ['--hang'], 'script-echo': ['--echo-secret'] };

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the run supervisor', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  const connection = () => ({ baseUrl: gateway.url, username: gateway.username, password: gateway.password });
  const runRow = async (id: string) =>
    (await t.sql.get<{ exit_code: number | null; exit_signal: string | null }>('SELECT exit_code, exit_signal FROM data_syncs WHERE id = ?', [Number(id)]))!;
  // `untilRunning: false` for a run whose time limit may pass before the worker reports (a loaded machine).
  const slowGateway = async ({ untilRunning = true } = {}) => {
    gateway.setFaults({ delayMs: 60_000 });
    const run = await triggerRun(t, 'faculty');
    const supervisor = t.app.get(RunSupervisor);
    const pid = await waitFor(() => supervisor.pidOf(Number(run.id)));
    if (untilRunning) await waitFor(async () => (await t.http().get(`/api/runs/${run.id}`)).body.status === 'running');
    return { run, pid };
  };

  let configDir: string;

  beforeAll(() => {
    configDir = mkdtempSync(join(tmpdir(), 'hamgam-commands-'));
    const sources = Object.entries(SCRIPTS).map(([id, args]) => ({
      id,
      executable: process.execPath,
      args: [FAKE_LEGACY, ...args],
      cwd: '.',
      countPattern: 'Total records: (\\d+)',
    }));
    writeFileSync(join(configDir, 'commands.json'), JSON.stringify(sources));
  });

  afterAll(() => rmSync(configDir, { recursive: true, force: true }));

  beforeEach(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 30, seed: 3 });
    t = await startTestApp({
      env: {
        GOLESTAN_BASE_URL: gateway.url,
        GOLESTAN_USERNAME: gateway.username,
        GOLESTAN_PASSWORD: gateway.password,
        COMMAND_SOURCES_FILE: join(configDir, 'commands.json'),
      },
      standIns: { 'legacy-faculty': connection(), 'script-echo': connection() },
    });
  });

  afterEach(async () => {
    await t.close();
    await gateway.close();
  });

  it('should answer 409 with the active run when a second trigger arrives', async () => {
    const { run } = await slowGateway();

    const response = await t.http().post('/api/sources/faculty/runs').send({}).expect(409);

    expect((response.body as ApiErrorBody).activeRun?.id).toBe(run.id);
    await t.http().post(`/api/runs/${run.id}/cancel`).expect(202);
    await waitForRunEnd(t, run.id);
  });

  it('should kill the child and close the run failed/timeout when the time limit passes', async () => {
    await t.http().patch('/api/sources/faculty').send({ timeoutSeconds: 1 }).expect(200);
    const { run, pid } = await slowGateway({ untilRunning: false });

    const ended = await waitForRunEnd(t, run.id);

    expect(ended).toMatchObject({ status: 'failed' });
    expect(ended.errorKind).toBe('timeout');
    expect(isAlive(pid)).toBe(false);
  });

  it('should kill the child and close the run cancelled when a user cancels', async () => {
    const { run, pid } = await slowGateway();
    await waitFor(async () => (await t.http().get(`/api/runs/${run.id}`)).body.messageKey === 'faculty.page');

    await t.http().post(`/api/runs/${run.id}/cancel`).expect(202);
    const ended = await waitForRunEnd(t, run.id);

    expect(ended).toMatchObject({ status: 'cancelled', cancelledBy: 'admin' });
    expect(ended.errorKind).toBe('cancelled');
    // "page 1 …" described the run in progress; the stopped run shows no stale progress message.
    expect(ended.messageKey).toBeNull();
    expect(isAlive(pid)).toBe(false);
    await t.http().post(`/api/runs/${run.id}/cancel`).expect(409);
  });

  it('should close the run failed with the signal when its child is killed', async () => {
    const { run, pid } = await slowGateway();

    process.kill(pid, 'SIGKILL');
    const ended = await waitForRunEnd(t, run.id);

    expect(ended).toMatchObject({ status: 'failed' });
    expect(ended.errorKind).toBe('internal');
    expect(ended.errorMessage).toContain('SIGKILL');
    expect((await runRow(run.id)).exit_signal).toBe('SIGKILL');
  });

  it('should close runs left running by a previous process when the app starts', async () => {
    const stale = await t.sql.get<{ id: number }>(
      `INSERT INTO data_syncs (source_id, trigger, status, created_at, started_at) VALUES ('faculty', 'manual', 'running', ?, ?) RETURNING id`,
      [new Date().toISOString(), new Date().toISOString()],
    );
    await t.close({ keepData: true });

    t = await startTestApp({ dataDir: t.dataDir, env: { GOLESTAN_BASE_URL: gateway.url } });
    const run = (await t.http().get(`/api/runs/${stale!.id}`).expect(200)).body;

    expect(run).toMatchObject({ status: 'failed' });
    expect(run.errorKind).toBe('interrupted');
    expect(run.finishedAt).not.toBeNull();
  });

  describe('command sources', () => {
    it('should record the output and the count when the script succeeds', async () => {
      const run = await waitForRunEnd(t, (await triggerRun(t, 'script-ok')).id);

      expect(run).toMatchObject({ status: 'success', errorMessage: null });
      expect(run.counts.fetched).toBe(42);
      const log = (await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog;
      expect(log.lines.map((line) => line.message)).toEqual(expect.arrayContaining(['page 2: 14 records', 'Total records: 42']));
      expect(log.lines.find((line) => line.message.startsWith('warning'))?.level).toBe('warn');
    });

    it('should fail with the exit code and the last error line when the script fails', async () => {
      const run = await waitForRunEnd(t, (await triggerRun(t, 'script-fail')).id);

      expect(run).toMatchObject({ status: 'failed' });
      expect(run.errorMessage).toContain('code 3');
      expect(run.errorMessage).toContain('gateway answered 500');
    });

    it('should kill the script at its time limit when it hangs', async () => {
      await t.http().patch('/api/sources/script-hang').send({ timeoutSeconds: 1 }).expect(200);

      const run = await waitForRunEnd(t, (await triggerRun(t, 'script-hang')).id);

      expect(run).toMatchObject({ status: 'failed' });
      expect(run.errorKind).toBe('timeout');
    });

    it('should cancel a hanging script when a user cancels', async () => {
      const run = await triggerRun(t, 'script-hang');
      await waitFor(async () => ((await t.http().get(`/api/runs/${run.id}/log`)).body as RunLog).lines.length > 1);

      await t.http().post(`/api/runs/${run.id}/cancel`).expect(202);

      expect((await waitForRunEnd(t, run.id)).status).toBe('cancelled');
    });

    it('should refuse a dry run with 400, start nothing, and offer none when the source is a command', async () => {
      const response = await t.http().post('/api/sources/script-ok/runs').send({ dryRun: true }).expect(400);

      expect(response.body.fields).toHaveProperty('dryRun');
      const runs = (await t.http().get('/api/runs?sourceId=script-ok').expect(200)).body as { total: number };
      expect(runs.total).toBe(0);
      const source = (await t.http().get('/api/sources/script-ok').expect(200)).body as Source;
      expect(source).toMatchObject({ canDryRun: false, deletionGuard: null });
    });

    it('should redact the password when the script prints it', async () => {
      const run = await waitForRunEnd(t, (await triggerRun(t, 'script-echo')).id);

      const log = JSON.stringify((await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body);
      expect(log).toContain('connecting with password ***');
      expect(log).not.toContain(gateway.password);
    });

    it('should run the legacy python script against the stand-in gateway when it is configured', async () => {
      const sources = (await t.http().get('/api/sources').expect(200)).body as Source[];
      expect(sources.find((source) => source.id === 'legacy-faculty')?.command?.executable).toBe('python3');

      const run = await waitForRunEnd(t, (await triggerRun(t, 'legacy-faculty')).id);

      expect(run).toMatchObject({ status: 'success', errorMessage: null });
      expect(run.counts.fetched).toBe(30);
    });
  });
});
