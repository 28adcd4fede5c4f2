import type { ApiErrorBody, AutoSyncConfig, SchedulePreview, Source } from '@hamgam/shared';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { getSource } from './schedule-helpers';

// The default floor (5 minutes) and the default zone (Asia/Tehran): what admins get.
describe('the auto-sync API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: 'http://127.0.0.1:9' } });
  });

  afterAll(async () => {
    await t.close();
  });

  const patch = (autoSync: Record<string, unknown>) => t.http().patch('/api/sources/faculty').send({ autoSync });

  it('should return the defaults, off, when a source never had a schedule', async () => {
    expect((await getSource(t)).autoSync).toEqual({
      enabled: false,
      every: 1,
      unit: 'days',
      cron: null,
      mode: null,
      quietWindow: null,
      skipClosures: false,
      inTerm: null,
      nextRunAt: null,
      nextRunReason: null,
      failures: 0,
      backoffFactor: 1,
      pausedAt: null,
      isAllowed: true,
    });
  });

  it('should store an interval and answer the same shape with nextRunAt when PATCH turns it on', async () => {
    const before = Date.now();
    const source = (await patch({ enabled: true, every: 6, unit: 'hours' }).expect(200)).body as Source;

    expect(source.autoSync).toMatchObject({ enabled: true, every: 6, unit: 'hours', cron: null });
    const due = new Date(source.autoSync.nextRunAt!).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 6 * 3600_000);
    expect(due).toBeLessThan(Date.now() + 6 * 3600_000 + 1000);
    expect((await t.http().get('/api/sources').expect(200)).body.find((item: Source) => item.id === 'faculty').autoSync).toEqual(source.autoSync);
  });

  it('should replace the interval and keep the rest when a cron expression and a quiet window are sent', async () => {
    const source = (await patch({ cron: '0 2 * * *', quietWindow: { start: '08:00', end: '14:00', days: [6, 0, 1, 2, 3] } }).expect(200)).body as Source;

    expect(source.autoSync).toMatchObject({ enabled: true, every: null, unit: null, cron: '0 2 * * *', quietWindow: { days: [0, 1, 2, 3, 6] } });
    // 02:00 in Tehran is 22:30 UTC.
    expect(source.autoSync.nextRunAt).toMatch(/T22:30:00\.000Z$/);
    await patch({ enabled: false, quietWindow: null }).expect(200);
  });

  it.each([
    ['an interval under 5 minutes', { enabled: true, every: 2, unit: 'minutes' }, 'autoSync.every', 'the interval must be at least 5 minutes'],
    ['seconds while the floor is the default', { every: 600, unit: 'seconds' }, 'autoSync.unit', 'unit must be one of minutes, hours, days'],
    ['a cron expression that is not one', { cron: 'every day' }, 'autoSync.cron', undefined],
    ['a cron expression firing every minute', { cron: '* * * * *' }, 'autoSync.cron', 'the cron expression fires more often than every 5 minutes'],
    ['both an interval and a cron expression', { every: 6, unit: 'hours', cron: '0 2 * * *' }, 'autoSync.cron', undefined],
    ['a mode the source does not have', { mode: 'recent' }, 'autoSync.mode', 'this source has no modes'],
    ['a unit that does not exist', { every: 2, unit: 'weeks' }, 'autoSync.unit', undefined],
    ['a fractional interval', { every: 1.5, unit: 'hours' }, 'autoSync.every', 'every must be a whole number'],
    ['enabled set to null', { enabled: null }, 'autoSync.enabled', 'enabled must be a boolean value'],
    ['an empty cron expression', { cron: '' }, 'autoSync.cron', 'cron must not be empty'],
    ['a null interval', { every: null }, 'autoSync.every', 'set an interval (every and unit) or a cron expression'],
    ['a quiet window with a bad time', { quietWindow: { start: '8am', end: '14:00', days: [6] } }, 'autoSync.quietWindow.start', undefined],
    ['a quiet window without days', { quietWindow: { start: '08:00', end: '14:00', days: [] } }, 'autoSync.quietWindow.days', 'choose at least one day'],
    ['a quiet window ending when it starts', { quietWindow: { start: '22:00', end: '22:00', days: [6] } }, 'autoSync.quietWindow.end', undefined],
    ['a quiet window leaving under an hour', { quietWindow: { start: '06:00', end: '05:30', days: [6] } }, 'autoSync.quietWindow.end', undefined],
  ])('should answer 400 naming the field and change nothing when PATCH has %s', async (_label, body, field, message) => {
    const before = await getSource(t);

    const error = (await patch(body).expect(400)).body as ApiErrorBody;

    expect(error.fields?.[field]?.length).toBeGreaterThan(0);
    if (message) expect(error.fields?.[field]).toContain(message);
    expect(await getSource(t)).toEqual(before);
  });

  it('should describe the limits when the dialog asks for the config', async () => {
    const config = (await t.http().get('/api/schedules/config').expect(200)).body as AutoSyncConfig;
    expect(config).toEqual({
      isAllowed: true,
      timeZone: 'Asia/Tehran',
      minIntervalSeconds: 300,
      maxIntervalSeconds: 2_592_000,
      units: ['minutes', 'hours', 'days'],
      maxFailures: 10,
    });
  });

  it('should list the next three fire times in Tehran time when a cron expression is previewed', async () => {
    const preview = (await t.http().get('/api/schedules/preview').query({ cron: '30 6 * * 6' }).expect(200)).body as SchedulePreview;

    expect(preview.timeZone).toBe('Asia/Tehran');
    expect(preview.fireTimes).toHaveLength(3);
    // 06:30 on Saturdays in Tehran is 03:00 UTC on Saturdays, a week apart.
    expect(preview.fireTimes.map((time) => [new Date(time).getUTCDay(), time.slice(11)])).toEqual(Array(3).fill([6, '03:00:00.000Z']));
  });

  it('should answer 400 on the cron field when the previewed expression is invalid', async () => {
    const error = (await t.http().get('/api/schedules/preview').query({ cron: '99 * * * *' }).expect(400)).body as ApiErrorBody;
    expect(error.fields?.cron?.[0]).toMatch(/^the cron expression is not valid/);
    expect(error.problems?.cron).toEqual([{ code: 'cronInvalid' }]);
  });

  it('should list the next three runs of an interval held back by the quiet window when an interval is previewed', async () => {
    const query = { every: 6, unit: 'hours', quietStart: '00:00', quietEnd: '23:00', quietDays: '0,1,2,3,4,5,6' };
    const preview = (await t.http().get('/api/schedules/preview').query(query).expect(200)).body as SchedulePreview;

    // Only 23:00–00:00 Tehran (19:30–20:30 UTC) is open: every run starts in it, the last two at the window's end.
    expect(preview.fireTimes).toHaveLength(3);
    for (const time of preview.fireTimes) expect(time.slice(11, 16) >= '19:30' && time.slice(11, 16) < '20:30').toBe(true);
    expect(preview.fireTimes.slice(1).map((time) => time.slice(11))).toEqual(['19:30:00.000Z', '19:30:00.000Z']);
  });

  it('should answer 400 with a code the UI translates when the previewed quiet window leaves no time', async () => {
    const query = { every: 6, unit: 'hours', quietStart: '22:00', quietEnd: '22:00' };
    const error = (await t.http().get('/api/schedules/preview').query(query).expect(400)).body as ApiErrorBody;
    expect(error.problems?.['quietWindow.end']).toEqual([{ code: 'quietWindowNoTime', params: { seconds: 3600 } }]);
  });

  it('should answer 400 with the limit as a value when PATCH sends an interval under the floor', async () => {
    const error = (await patch({ enabled: true, every: 2, unit: 'minutes' }).expect(400)).body as ApiErrorBody;
    expect(error.problems?.['autoSync.every']).toEqual([{ code: 'intervalTooShort', params: { seconds: 300 } }]);
  });

  it('should answer 404 when the back-off of an unknown source is cleared', async () => {
    await t.http().post('/api/sources/nope/auto-sync/clear-back-off').expect(404);
  });
});
