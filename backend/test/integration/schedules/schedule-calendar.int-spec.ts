import type { ApiErrorBody, AuditEntry, Page, SchedulePreview, SettingChange } from '@hamgam/shared';
import { formatJalali, gregorianToJalali } from '../../../src/common/jalali';
import { wallClock } from '../../../src/common/zoned-time';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { getSource } from './schedule-helpers';

/** The Jalali day (`YYYY-MM-DD`) an instant falls on in Tehran. */
function tehranDay(iso: string): string {
  const wall = wallClock(new Date(iso), 'Asia/Tehran');
  return formatJalali(gregorianToJalali(wall.year, wall.month, wall.day));
}

describe('schedules that follow the academic calendar', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: 'http://127.0.0.1:9' } });
  });

  afterAll(async () => {
    await t.close();
  });

  const patch = (autoSync: Record<string, unknown>) => t.http().patch('/api/sources/faculty').send({ autoSync });
  const settingsChanges = async (): Promise<Record<string, SettingChange>> => {
    const page = (await t.http().get('/api/audit?action=settings.changed&pageSize=1').expect(200)).body as Page<AuditEntry>;
    return (page.items[0].details as { changes: Record<string, SettingChange> }).changes;
  };

  it('should store skip closures and the in-term interval, answer them and audit them when PATCH sends them', async () => {
    await patch({ enabled: true, every: 1, unit: 'days', skipClosures: true, inTerm: { every: 2, unit: 'hours' } }).expect(200);
    expect((await getSource(t)).autoSync).toMatchObject({ skipClosures: true, inTerm: { every: 2, unit: 'hours' }, nextRunReason: 'regular' });
    expect(await settingsChanges()).toMatchObject({
      'autoSync.skipClosures': { before: false, after: true },
      'autoSync.inTerm.every': { before: null, after: 2 },
      'autoSync.inTerm.unit': { before: null, after: 'hours' },
    });

    await patch({ inTerm: null }).expect(200);
    expect((await getSource(t)).autoSync).toMatchObject({ skipClosures: true, inTerm: null });
  });

  it.each([
    ['an in-term interval under 5 minutes', { inTerm: { every: 2, unit: 'minutes' } }, 'autoSync.inTerm.every', 'intervalTooShort'],
    ['an in-term interval over 30 days', { inTerm: { every: 31, unit: 'days' } }, 'autoSync.inTerm.every', 'intervalTooLong'],
    ['an in-term unit that does not exist', { inTerm: { every: 2, unit: 'weeks' } }, 'autoSync.inTerm.unit', undefined],
    ['skip closures that is not a boolean', { skipClosures: 'yes' }, 'autoSync.skipClosures', undefined],
  ])('should answer 400 naming the field and change nothing when PATCH has %s', async (_label, body, field, code) => {
    const before = await getSource(t);
    const error = (await patch(body).expect(400)).body as ApiErrorBody;
    expect(error.fields?.[field]?.length).toBeGreaterThan(0);
    if (code) expect(error.problems?.[field]?.[0]?.code).toBe(code);
    expect(await getSource(t)).toEqual(before);
  });

  it('should move the next run past a closure covering its day when the calendar is saved, and the preview alike', async () => {
    await patch({ enabled: true, every: 1, unit: 'days', skipClosures: true, inTerm: null }).expect(200);
    const regular = (await getSource(t)).autoSync.nextRunAt!;
    const day = tehranDay(regular);

    await t
      .http()
      .put('/api/calendar')
      .send({ terms: [], closures: [{ name: 'تعطیلی آزمون', start: day, end: day }] })
      .expect(200);

    const moved = (await getSource(t)).autoSync;
    expect(moved.nextRunReason).toBe('closure:تعطیلی آزمون');
    // The midnight after the closed day, in Tehran.
    expect(new Date(moved.nextRunAt!).getTime()).toBeGreaterThan(new Date(regular).getTime());
    expect(wallClock(new Date(moved.nextRunAt!), 'Asia/Tehran')).toMatchObject({ hour: 0, minute: 0 });
    expect(tehranDay(new Date(new Date(moved.nextRunAt!).getTime() - 60_000).toISOString())).toBe(day);

    const preview = (await t.http().get('/api/schedules/preview').query({ every: 1, unit: 'days', skipClosures: 'true' }).expect(200)).body as SchedulePreview;
    expect(preview.reasons[0]).toBe('closure:تعطیلی آزمون');
    expect(preview.fireTimes[0]).toBe(moved.nextRunAt);
    const plain = (await t.http().get('/api/schedules/preview').query({ every: 1, unit: 'days' }).expect(200)).body as SchedulePreview;
    expect(plain.reasons).toEqual(['regular', 'regular', 'regular']);

    // Closures no longer skipped: the regular time again.
    await patch({ skipClosures: false }).expect(200);
    expect((await getSource(t)).autoSync).toMatchObject({ nextRunAt: regular, nextRunReason: 'regular' });
  });

  it('should answer 400 on inTerm.every when the previewed in-term interval is under the floor', async () => {
    const error = (await t.http().get('/api/schedules/preview').query({ every: 1, unit: 'days', inTermEvery: 1, inTermUnit: 'minutes' }).expect(400))
      .body as ApiErrorBody;
    expect(error.problems?.['inTerm.every']).toEqual([{ code: 'intervalTooShort', params: { seconds: 300 } }]);
  });
});
