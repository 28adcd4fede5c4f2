import type { AuditEntry, Page, SettingChange } from '@hamgam/shared';
import { startTestApp, type TestApp } from './helpers/test-app';

// Every kind of settings change goes through PATCH /api/sources/:id and one diff: each must leave its
// before/after in the trail, and a save that changes nothing leaves no row at all.
describe('settings changes in the audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: 'http://127.0.0.1:9', GOLESTAN_USERNAME: 'sync', GOLESTAN_PASSWORD: 'First-Secret-1' } });
  });

  afterAll(async () => {
    await t.close();
  });

  const entries = async (): Promise<AuditEntry[]> => ((await t.http().get('/api/audit?pageSize=200').expect(200)).body as Page<AuditEntry>).items;

  /** Sends the PATCH and answers the changes of the one `settings.changed` row it added. */
  const changesOf = async (sourceId: string, body: Record<string, unknown>): Promise<Record<string, SettingChange>> => {
    const count = (await entries()).length;
    await t.http().patch(`/api/sources/${sourceId}`).send(body).expect(200);
    const now = await entries();
    const added = now.slice(0, now.length - count);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'settings.changed', actor: 'admin', target: `source:${sourceId}` });
    return (added[0].details as { changes: Record<string, SettingChange> }).changes;
  };

  it('should record auto-sync switched on with its interval when a schedule is turned on', async () => {
    expect(await changesOf('faculty', { autoSync: { enabled: true, every: 6, unit: 'hours' } })).toEqual({
      'autoSync.enabled': { before: false, after: true },
      'autoSync.every': { before: 1, after: 6 },
      'autoSync.unit': { before: 'days', after: 'hours' },
    });
  });

  it('should record the interval before and after when only the interval changes', async () => {
    expect(await changesOf('faculty', { autoSync: { every: 12 } })).toEqual({ 'autoSync.every': { before: 6, after: 12 } });
  });

  it('should record the interval cleared and the cron set when a cron expression replaces the interval', async () => {
    expect(await changesOf('faculty', { autoSync: { cron: '0 2 * * *' } })).toEqual({
      'autoSync.cron': { before: null, after: '0 2 * * *' },
      'autoSync.every': { before: 12, after: null },
      'autoSync.unit': { before: 'hours', after: null },
    });
  });

  it('should record the mode of scheduled runs when it changes', async () => {
    expect(await changesOf('students', { autoSync: { mode: 'recent' } })).toEqual({ 'autoSync.mode': { before: null, after: 'recent' } });
  });

  it('should record the quiet window set, changed and removed, with its days as added and removed', async () => {
    expect(await changesOf('faculty', { autoSync: { quietWindow: { start: '08:00', end: '14:00', days: [6, 0] } } })).toEqual({
      'autoSync.quietWindow.start': { before: null, after: '08:00' },
      'autoSync.quietWindow.end': { before: null, after: '14:00' },
      'autoSync.quietWindow.days': { added: [0, 6], removed: [] },
    });
    expect(await changesOf('faculty', { autoSync: { quietWindow: { start: '08:00', end: '16:30', days: [0, 1] } } })).toEqual({
      'autoSync.quietWindow.end': { before: '14:00', after: '16:30' },
      'autoSync.quietWindow.days': { added: [1], removed: [6] },
    });
    expect(await changesOf('faculty', { autoSync: { enabled: false, quietWindow: null } })).toEqual({
      'autoSync.enabled': { before: true, after: false },
      'autoSync.quietWindow.start': { before: '08:00', after: null },
      'autoSync.quietWindow.end': { before: '16:30', after: null },
      'autoSync.quietWindow.days': { added: [], removed: [0, 1] },
    });
  });

  it('should record the time limit and the enabled flag when they change', async () => {
    expect(await changesOf('faculty', { timeoutSeconds: 1200, enabled: false })).toEqual({
      timeoutSeconds: { before: 3600, after: 1200 },
      enabled: { before: true, after: false },
    });
    await t.http().patch('/api/sources/faculty').send({ enabled: true }).expect(200);
  });

  it('should record a number option before and after when an option changes', async () => {
    const before = (await t.http().get('/api/sources/faculty').expect(200)).body.options.pageSize as number;
    expect(await changesOf('faculty', { options: { pageSize: before + 10 } })).toEqual({ 'options.pageSize': { before, after: before + 10 } });
  });

  it("should record the students' campuses as the lines added and removed when the list changes", async () => {
    const campuses = (await t.http().get('/api/sources/students').expect(200)).body.options.campuses as { code: string; name: string }[];
    const [first, ...rest] = campuses;
    const added = { code: '9901', name: 'پردیس تازه' };
    expect(await changesOf('students', { options: { campuses: [...rest, added] } })).toEqual({ 'options.campuses': { added: [added], removed: [first] } });
  });

  it('should record the address and user name before and after, and the password only as changed', async () => {
    const changes = await changesOf('faculty', { connection: { baseUrl: 'http://127.0.0.1:10', username: 'hamgam', password: 'Second-Secret-2' } });
    expect(changes).toEqual({
      'connection.baseUrl': { before: 'http://127.0.0.1:9', after: 'http://127.0.0.1:10' },
      'connection.username': { before: 'sync', after: 'hamgam' },
      'connection.password': 'changed',
    });
    expect(await changesOf('faculty', { connection: { password: '' } })).toEqual({ 'connection.password': 'changed' });
    const everything = JSON.stringify(await entries());
    expect(everything).not.toMatch(/First-Secret-1|Second-Secret-2|v1:/);
  });

  it('should record no row at all when a PATCH changes nothing', async () => {
    const source = (await t.http().get('/api/sources/faculty').expect(200)).body;
    const count = (await entries()).length;
    await t
      .http()
      .patch('/api/sources/faculty')
      .send({ timeoutSeconds: source.timeoutSeconds, enabled: source.enabled, autoSync: { enabled: false }, options: { pageSize: source.options.pageSize } })
      .expect(200);
    expect(await entries()).toHaveLength(count);
  });
});
