import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiErrorBody, AuditEntry, Page, ServerEvent, Source, SourceHealth } from '@hamgam/shared';
import { SyncEventsService } from '../../../src/sync/events/sync-events.service';
import { startTestApp, triggerRun, waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';

// A command source whose script fails while a flag file exists, so one source can fail and recover.
const SCRIPT = `
const { existsSync } = require('node:fs');
if (existsSync(process.env.FLAKY_FLAG)) { console.error('upstream down'); process.exit(3); }
console.log('Total records: 7');
`;

describe('source health', () => {
  let t: TestApp;
  let dir: string;
  let flag: string;
  const healthEvents: { sourceId: string; health: SourceHealth }[] = [];

  const sourceOf = async (id: string) => (await t.http().get(`/api/sources/${id}`).expect(200)).body as Source;
  const runFlaky = async () => waitForRunEnd(t, (await triggerRun(t, 'flaky')).id);
  const eventWith = (state: SourceHealth['state']) => waitFor(() => healthEvents.find((event) => event.sourceId === 'flaky' && event.health.state === state));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-health-'));
    flag = join(dir, 'fail');
    writeFileSync(
      join(dir, 'commands.json'),
      JSON.stringify([
        { id: 'flaky', executable: process.execPath, args: ['-e', SCRIPT], cwd: dir, countPattern: 'Total records: (\\d+)', env: { FLAKY_FLAG: flag } },
      ]),
    );
    t = await startTestApp({ env: { COMMAND_SOURCES_FILE: join(dir, 'commands.json') } });
    t.app
      .get(SyncEventsService)
      .stream()
      .subscribe((event: ServerEvent) => {
        if (event.type === 'source.health') healthEvents.push({ sourceId: event.sourceId, health: event.health });
      });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should list every source with its health, never when no run succeeded yet', async () => {
    const sources = (await t.http().get('/api/sources').expect(200)).body as Source[];
    expect(sources.length).toBeGreaterThan(1);
    for (const source of sources) {
      expect(source.freshness).toEqual({ maxAgeSeconds: null });
      expect(source.health).toMatchObject({ state: 'never', lastSuccessAt: null, reason: 'no_success' });
    }
  });

  it.each([
    ['a negative max age', { maxAgeSeconds: -1 }],
    ['a max age that is not a number', { maxAgeSeconds: 'an hour' }],
    ['a fractional max age', { maxAgeSeconds: 1.5 }],
    ['an unknown freshness field', { graceSeconds: 5 }],
  ])('should answer 400 naming the field when freshness has %s', async (_label, freshness) => {
    const response = await t.http().patch('/api/sources/flaky').send({ freshness }).expect(400);
    const fields = Object.keys((response.body as ApiErrorBody).fields ?? {});
    expect(fields.some((field) => field.startsWith('freshness.'))).toBe(true);
    expect((await sourceOf('flaky')).freshness.maxAgeSeconds).toBeNull();
  });

  it('should save an explicit max age, audit it with its diff, and clear it with null', async () => {
    const saved = (
      await t
        .http()
        .patch('/api/sources/flaky')
        .send({ freshness: { maxAgeSeconds: 3600 } })
        .expect(200)
    ).body as Source;
    expect(saved.freshness).toEqual({ maxAgeSeconds: 3600 });
    await t
      .http()
      .patch('/api/sources/flaky')
      .send({ freshness: { maxAgeSeconds: null } })
      .expect(200);
    const audit = ((await t.http().get('/api/audit?pageSize=10').expect(200)).body as Page<AuditEntry>).items;
    const changes = audit.filter((entry) => entry.action === 'settings.changed').map((entry) => entry.details?.changes);
    expect(changes.slice(0, 2)).toEqual([
      { 'freshness.maxAgeSeconds': { before: 3600, after: null } },
      { 'freshness.maxAgeSeconds': { before: null, after: 3600 } },
    ]);
  });

  it('should turn fresh after a success, late past its max age with an event, failing after a failed run, and fresh on recovery', async () => {
    // Auto-sync on (daily, so it never fires here) with a max age of 2 s.
    await t
      .http()
      .patch('/api/sources/flaky')
      .send({ autoSync: { enabled: true, every: 1, unit: 'days' }, freshness: { maxAgeSeconds: 2 } })
      .expect(200);
    expect((await runFlaky()).status).toBe('success');
    const fresh = await sourceOf('flaky');
    expect(fresh.health).toMatchObject({ state: 'fresh', reason: 'within_expected_age' });
    expect(fresh.health.lastSuccessAt).toBe(fresh.lastRun?.finishedAt);

    const late = await eventWith('late');
    expect(late.health).toMatchObject({ reason: 'max_age_exceeded', lastSuccessAt: fresh.health.lastSuccessAt });
    expect(new Date(late.health.since ?? '').getTime()).toBe(new Date(fresh.health.lastSuccessAt ?? '').getTime() + 2000);
    expect((await sourceOf('flaky')).health.state).toBe('late');

    writeFileSync(flag, '');
    const failed = await runFlaky();
    expect(failed.status).toBe('failed');
    await eventWith('failing');
    expect((await sourceOf('flaky')).health).toMatchObject({ state: 'failing', since: failed.finishedAt, reason: 'last_run_failed' });

    if (existsSync(flag)) unlinkSync(flag);
    healthEvents.length = 0;
    await t
      .http()
      .patch('/api/sources/flaky')
      .send({ freshness: { maxAgeSeconds: 3600 } })
      .expect(200);
    const recovered = await runFlaky();
    expect(recovered.status).toBe('success');
    const event = await eventWith('fresh');
    expect(event.health.lastSuccessAt).toBe(recovered.finishedAt);
    expect(healthEvents.map((e) => e.health.state)).toContain('running');
  });

  it('should be paused when auto-sync is switched off while a max age is set', async () => {
    const source = (
      await t
        .http()
        .patch('/api/sources/flaky')
        .send({ autoSync: { enabled: false } })
        .expect(200)
    ).body as Source;
    expect(source.health).toMatchObject({ state: 'paused', reason: 'auto_sync_off' });
  });
});
