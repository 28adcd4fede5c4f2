import { describe, expect, it } from 'vitest';
import { makeAutoSync, makeSource } from '../../../testing/fixtures';
import { checkForm, isFormChanged, toFormValues, toPreviewQuery, toUpdateRequest } from './schedule-form';

describe('schedule form', () => {
  const source = makeSource({ autoSync: makeAutoSync({ enabled: true, every: 6, unit: 'hours' }) });
  const initial = toFormValues(source, 'en');

  it('should send the interval, no quiet window and no time limit when only the interval was edited', () => {
    expect(toUpdateRequest({ ...initial, every: '12' }, initial, source)).toEqual({ autoSync: { every: 12, unit: 'hours', quietWindow: null } });
  });

  it('should send the cron expression instead of the interval when cron is chosen', () => {
    expect(toUpdateRequest({ ...initial, kind: 'cron', cron: ' 0 2 * * * ' }, initial, source).autoSync).toEqual({ cron: '0 2 * * *', quietWindow: null });
  });

  it('should read Persian digits when numbers are typed on a Persian keyboard', () => {
    expect(toUpdateRequest({ ...initial, every: '۱۲', timeoutMinutes: '۳۰' }, initial, source)).toEqual({
      autoSync: { every: 12, unit: 'hours', quietWindow: null },
      timeoutSeconds: 1800,
    });
  });

  it('should send the quiet window and the mode when the source has modes', () => {
    const withModes = makeSource({ modes: ['full', 'recent'] });
    const values = {
      ...toFormValues(withModes, 'en'),
      hasQuietWindow: true,
      quietStart: '22:00',
      quietEnd: '02:00',
      quietDays: [5 as const],
      mode: 'recent' as const,
    };
    expect(toUpdateRequest(values, toFormValues(withModes, 'en'), withModes).autoSync).toEqual({
      every: 1,
      unit: 'days',
      quietWindow: { start: '22:00', end: '02:00', days: [5] },
      mode: 'recent',
    });
  });

  it('should open with Persian digits and send ASCII ones when the language is fa', () => {
    const fa = toFormValues(
      makeSource({ autoSync: makeAutoSync({ every: 12, unit: 'hours', quietWindow: { start: '08:30', end: '14:00', days: [6] } }) }),
      'fa',
    );
    expect(fa).toMatchObject({ every: '۱۲', quietStart: '۰۸:۳۰', quietEnd: '۱۴:۰۰', timeoutMinutes: '۶۰' });
    expect(toUpdateRequest(fa, fa, source).autoSync).toEqual({ every: 12, unit: 'hours', quietWindow: { start: '08:30', end: '14:00', days: [6] } });
  });

  it('should send an empty interval as null so the server names the field when the interval is cleared', () => {
    expect(toUpdateRequest({ ...initial, every: ' ' }, initial, source).autoSync?.every).toBeNull();
  });

  it('should flag the time limit when it is not a whole number of minutes', () => {
    expect(checkForm({ ...initial, timeoutMinutes: '1.5' })).toEqual({ timeoutSeconds: [{ code: 'timeoutMinutes' }] });
    expect(checkForm({ ...initial, timeoutMinutes: '0' })).toEqual({ timeoutSeconds: [{ code: 'timeoutMinutes' }] });
    expect(checkForm(initial)).toEqual({});
  });

  it('should flag a bad time and a quiet window leaving under an hour, as the scheduler reads it, when the quiet window is on', () => {
    const quiet = { ...initial, hasQuietWindow: true };
    expect(checkForm({ ...quiet, quietStart: '8am', quietEnd: '۲۵:۰۰' })).toEqual({
      'autoSync.quietWindow.start': [{ code: 'time' }],
      'autoSync.quietWindow.end': [{ code: 'time' }],
    });
    const noTime = { 'autoSync.quietWindow.end': [{ code: 'quietWindowNoTime', params: { seconds: 3600 } }] };
    expect(checkForm({ ...quiet, quietStart: '22:00', quietEnd: '22:00' })).toEqual(noTime);
    expect(checkForm({ ...quiet, quietStart: '06:00', quietEnd: '05:30' })).toEqual(noTime);
    expect(checkForm({ ...quiet, quietStart: '۲۲:۰۰', quietEnd: '۰۶:۰۰' })).toEqual({});
  });

  it('should flag an interval under the server floor, and not when the floor is unknown', () => {
    const short = { ...initial, every: '2', unit: 'minutes' as const };
    expect(checkForm(short, 300)).toEqual({ 'autoSync.every': [{ code: 'intervalTooShort', params: { seconds: 300 } }] });
    expect(checkForm(short)).toEqual({});
  });

  it('should send the switch and the max age only when they were changed', () => {
    expect(toUpdateRequest({ ...initial, enabled: false, freshHours: '1.5' }, initial, source)).toEqual({
      autoSync: { enabled: false, every: 6, unit: 'hours', quietWindow: null },
      freshness: { maxAgeSeconds: 5400 },
    });
    expect(isFormChanged(initial, toFormValues(source, 'en'))).toBe(false);
  });

  it('should preview the quiet window with the interval and nothing while a time does not read', () => {
    const quiet = { ...initial, hasQuietWindow: true, quietStart: '۲۲:۰۰', quietEnd: '06:00', quietDays: [3, 0] as (0 | 3)[] };
    expect(toPreviewQuery(quiet)).toEqual({ every: 6, unit: 'hours', quietStart: '22:00', quietEnd: '06:00', quietDays: '0,3' });
    expect(toPreviewQuery({ ...quiet, quietEnd: '6' })).toBeNull();
    expect(toPreviewQuery({ ...quiet, quietEnd: '22:00' })).toBeNull();
    expect(toPreviewQuery({ ...initial, kind: 'cron', cron: ' ' })).toBeNull();
  });
});
