import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { Readiness } from '@hamgam/shared';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from '../helpers/test-app';

const TOKEN = 'metrics-test-token-5f1c2e9a';

/** The value of one series in Prometheus text, 0 when the series is absent. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics and readiness', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;
  let dir: string;

  const env = () => ({
    GOLESTAN_BASE_URL: gateway.url,
    GOLESTAN_USERNAME: gateway.username,
    GOLESTAN_PASSWORD: gateway.password,
    COMMAND_SOURCES_FILE: join(dir, 'commands.json'),
    METRICS_TOKEN: TOKEN,
  });
  const scrape = async () => {
    const response = await t.anonymous().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.text;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-metrics-'));
    writeFileSync(
      join(dir, 'commands.json'),
      JSON.stringify([{ id: 'broken', executable: process.execPath, args: ['-e', 'process.exit(3)'], cwd: dir, countPattern: 'Total: (\\d+)' }]),
    );
    gateway = await startGolestanStandIn({ facultyCount: 12, seed: 4 });
    t = await startTestApp({ env: env() });
  });

  afterAll(async () => {
    await t.close();
    await gateway.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'Bearer metrics-test-token-00000000'],
    ['a session instead of the token', undefined],
  ])('should answer 401 with %s when METRICS_TOKEN is set', async (label, authorization) => {
    const request = (label.includes('session') ? t.http() : t.anonymous()).get('/metrics');
    const response = await (authorization ? request.set('Authorization', authorization) : request).expect(401);
    expect(response.text).not.toContain('hamgam_');
  });

  it('should list the sync metrics and the process metrics', async () => {
    const text = await scrape();
    for (const name of [
      'hamgam_sync_runs_total',
      'hamgam_sync_run_duration_seconds',
      'hamgam_sync_records_total',
      'hamgam_source_last_success_timestamp_seconds',
      'hamgam_source_state',
      'hamgam_sync_running',
      'hamgam_notifications_total',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toContain('# TYPE hamgam_sync_run_duration_seconds histogram');
    expect(valueOf(text, 'hamgam_source_state{source="faculty",state="never"}')).toBe(1);
    expect(valueOf(text, 'hamgam_sync_running{source="faculty"}')).toBe(0);
  });

  it('should move the counters with runs and keep them after a restart', async () => {
    const before = await scrape();
    const ok = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    const failed = await waitForRunEnd(t, (await triggerRun(t, 'broken')).id);
    expect([ok.status, failed.status]).toEqual(['success', 'failed']);

    const after = await scrape();
    const delta = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(delta('hamgam_sync_runs_total{source="faculty",trigger="api",status="success"}')).toBe(1);
    expect(delta('hamgam_sync_runs_total{source="broken",trigger="api",status="failed"}')).toBe(1);
    expect(delta('hamgam_sync_run_duration_seconds_count{source="faculty",status="success"}')).toBe(1);
    expect(delta('hamgam_sync_run_duration_seconds_bucket{source="faculty",status="success",le="+Inf"}')).toBe(1);
    expect(valueOf(after, 'hamgam_sync_run_duration_seconds_sum{source="faculty",status="success"}')).toBeCloseTo((ok.durationMs ?? 0) / 1000, 3);
    expect(delta('hamgam_sync_records_total{source="faculty",outcome="inserted"}')).toBe(ok.counts.inserted);
    expect(ok.counts.inserted).toBeGreaterThan(0);
    expect(valueOf(after, 'hamgam_source_last_success_timestamp_seconds{source="faculty"}')).toBe(new Date(ok.finishedAt ?? '').getTime() / 1000);
    expect(valueOf(after, 'hamgam_source_state{source="faculty",state="fresh"}')).toBe(1);
    expect(valueOf(after, 'hamgam_source_state{source="faculty",state="never"}')).toBe(0);
    expect(valueOf(after, 'hamgam_source_state{source="broken",state="failing"}')).toBe(1);

    await t.close({ keepData: true });
    t = await startTestApp({ dataDir: t.dataDir, env: env() });
    const restarted = await scrape();
    for (const series of [
      'hamgam_sync_runs_total{source="faculty",trigger="api",status="success"}',
      'hamgam_sync_records_total{source="faculty",outcome="inserted"}',
      'hamgam_source_last_success_timestamp_seconds{source="faculty"}',
    ]) {
      expect(valueOf(restarted, series)).toBe(valueOf(after, series));
    }
  });

  it('should answer ready when the database answers and a worker can start', async () => {
    const response = await t.anonymous().get('/api/health/ready').expect(200);
    expect(response.body as Readiness).toEqual({
      status: 'ready',
      checks: { database: 'ok', worker: 'ok' },
      replica: t.config.replicaId,
      databaseKind: t.dialect,
    });
  });
});

describe('GET /metrics without a token, and readiness without a worker', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { WORKER_ENTRY: '/nonexistent/worker-entry.js' } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should serve loopback clients and refuse a request a proxy forwarded', async () => {
    const text = (await t.anonymous().get('/metrics').expect(200)).text;
    expect(text).toContain('# TYPE hamgam_sync_runs_total counter');
    await t.anonymous().get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
  });

  it('should answer 503 naming the worker when no worker can start', async () => {
    const response = await t.anonymous().get('/api/health/ready').expect(503);
    expect(response.body as Readiness).toMatchObject({ status: 'unavailable', checks: { database: 'ok', worker: 'failed' } });
    await t.anonymous().get('/api/health').expect(200);
  });
});
