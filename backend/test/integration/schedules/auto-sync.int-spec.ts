import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import { openWorkerDb } from '../../../src/common/database/open-worker-db';
import { startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';
import { autoSyncTimers, getSource, msBetween, runsOf, scheduledRunsOf, setAutoSync, waitForScheduledRuns } from './schedule-helpers';

// Integration tests may use seconds: the floor is an environment setting.
const FAST = { MIN_SYNC_INTERVAL_SECONDS: '1' };

jest.setTimeout(60_000);

describe('automatic sync', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  const start = (env: Record<string, string> = {}, dataDir?: string) =>
    startTestApp({
      dataDir,
      env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password, ...FAST, ...env },
    });

  beforeEach(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 30, seed: 11 });
    t = await start();
  });

  afterEach(async () => {
    await t.close();
    await gateway.close();
  });

  it('should start a real run with trigger schedule when the interval passes', async () => {
    const source = await setAutoSync(t, { enabled: true, every: 1, unit: 'seconds' });
    expect(source.autoSync).toMatchObject({ enabled: true, every: 1, unit: 'seconds', cron: null, isAllowed: true, failures: 0 });
    expect(msBetween(new Date().toISOString(), source.autoSync.nextRunAt!)).toBeLessThanOrEqual(1000);

    const [scheduled] = await waitForScheduledRuns(t, 1);
    await setAutoSync(t, { enabled: false });
    const ended = await waitForRunEnd(t, scheduled.id);

    expect(ended).toMatchObject({ trigger: 'schedule', triggeredBy: 'scheduler', status: 'success' });
    expect(ended.counts.fetched).toBe(30);
  });

  it('should replace the timer without a restart when the interval changes', async () => {
    const hourly = await setAutoSync(t, { enabled: true, every: 1, unit: 'hours' });
    expect(msBetween(new Date().toISOString(), hourly.autoSync.nextRunAt!)).toBeGreaterThan(3590_000);
    expect(autoSyncTimers(t)).toEqual(['auto-sync:faculty']);

    const fast = await setAutoSync(t, { every: 2, unit: 'seconds' });

    expect(msBetween(new Date().toISOString(), fast.autoSync.nextRunAt!)).toBeLessThanOrEqual(2000);
    expect(autoSyncTimers(t)).toEqual(['auto-sync:faculty']);
    const [scheduled] = await waitForScheduledRuns(t, 1);
    expect(msBetween(fast.updatedAt, scheduled.createdAt)).toBeGreaterThanOrEqual(1900);
    await setAutoSync(t, { enabled: false });
    expect(autoSyncTimers(t)).toEqual([]);
    await waitForRunEnd(t, scheduled.id);
  });

  it('should not start a second run and start it once the active one ends when a run is due while one is active', async () => {
    gateway.setFaults({ delayMs: 60_000 });
    const manual = await triggerRun(t, 'faculty');
    await waitFor(async () => (await t.http().get(`/api/runs/${manual.id}`)).body.status === 'running');

    await setAutoSync(t, { enabled: true, every: 1, unit: 'seconds' });
    await waitFor(() => t.logger.lines.some((line) => line.includes(`auto-sync of faculty is due but run ${manual.id} is running`)));
    expect((await runsOf(t)).map((run) => run.id)).toEqual([manual.id]);

    gateway.setFaults({});
    await t.http().post(`/api/runs/${manual.id}/cancel`).expect(202);
    const cancelled = await waitForRunEnd(t, manual.id);
    const [scheduled] = await waitForScheduledRuns(t, 1);
    await setAutoSync(t, { enabled: false });

    expect(msBetween(cancelled.finishedAt!, scheduled.createdAt)).toBeGreaterThanOrEqual(0);
    expect(await scheduledRunsOf(t)).toHaveLength(1);
    await waitForRunEnd(t, scheduled.id);
  });

  it('should rebuild the schedule from the database and not fire at boot when the app restarts before the next run is due', async () => {
    await setAutoSync(t, { enabled: true, every: 4, unit: 'seconds' });
    const [first] = await waitForScheduledRuns(t, 1);
    await waitForRunEnd(t, first.id);
    const stored = (await getSource(t)).autoSync.nextRunAt!;
    await t.close({ keepData: true });

    t = await start({}, t.dataDir);

    expect(autoSyncTimers(t)).toEqual(['auto-sync:faculty']);
    expect((await getSource(t)).autoSync.nextRunAt! >= stored).toBe(true);
    const [, second] = await waitForScheduledRuns(t, 2);
    await setAutoSync(t, { enabled: false });
    expect(msBetween(first.createdAt, second.createdAt)).toBeGreaterThanOrEqual(3950);
    await waitForRunEnd(t, second.id);
  });

  it('should run once, not once per missed slot, when the app comes back after a long downtime', async () => {
    await setAutoSync(t, { enabled: true, every: 2, unit: 'seconds' });
    await t.close({ keepData: true });
    // A week down: thousands of 2-second slots were missed.
    const db = await openWorkerDb(t.config);
    await db.run(`UPDATE source_schedules SET since = ? WHERE source_id = 'faculty'`, [new Date(Date.now() - 7 * 86_400_000).toISOString()]);
    await db.close();

    t = await start({}, t.dataDir);
    const [first, second] = await waitForScheduledRuns(t, 2);
    await setAutoSync(t, { enabled: false });

    expect(msBetween(first.createdAt, second.createdAt)).toBeGreaterThanOrEqual(1950);
    await waitForRunEnd(t, second.id);
  });

  it('should back off, then pause itself when scheduled runs keep failing', async () => {
    await t.close();
    t = await start({ AUTO_SYNC_MAX_FAILURES: '2' });
    gateway.setFaults({ loginFails: true });

    await setAutoSync(t, { enabled: true, every: 1, unit: 'seconds' });
    const paused = await waitFor(async () => {
      const source = await getSource(t);
      return source.autoSync.pausedAt ? source : undefined;
    });

    expect(paused.autoSync).toMatchObject({ failures: 2, backoffFactor: 2, nextRunAt: null });
    expect((await scheduledRunsOf(t)).map((run) => run.status)).toEqual(['failed', 'failed']);
    expect(autoSyncTimers(t)).toEqual([]);

    gateway.setFaults({});
    const cleared = (await t.http().post('/api/sources/faculty/auto-sync/clear-back-off').expect(200)).body;
    expect(cleared.autoSync).toMatchObject({ failures: 0, backoffFactor: 1, pausedAt: null });
    expect(cleared.autoSync.nextRunAt).not.toBeNull();
    await setAutoSync(t, { enabled: false });
  });

  it('should fire nothing and say so when AUTO_SYNC_ENABLED is false', async () => {
    await t.close();
    t = await start({ AUTO_SYNC_ENABLED: 'false' });

    const source = await setAutoSync(t, { enabled: true, every: 1, unit: 'seconds' });

    expect(source.autoSync).toMatchObject({ enabled: true, isAllowed: false, nextRunAt: null });
    expect(autoSyncTimers(t)).toEqual([]);
    expect((await t.http().get('/api/schedules/config').expect(200)).body).toMatchObject({ isAllowed: false });
  });
});
