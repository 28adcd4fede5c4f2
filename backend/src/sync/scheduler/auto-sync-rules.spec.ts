import type { AutoSyncSettings } from '@hamgam/shared';
import { issueMessages } from '../../common/field-issues';
import { DEFAULT_AUTO_SYNC, allowedUnits, describeSeconds, mergeAutoSync, validateAutoSync, validateQuietWindow } from './auto-sync-rules';

const NOW = new Date('2026-11-23T07:00:00Z');
const LIMITS = { minIntervalSeconds: 300, timeZone: 'Asia/Tehran' };

function check(patch: Partial<AutoSyncSettings>, current: AutoSyncSettings = DEFAULT_AUTO_SYNC, options: { min?: number; modes?: ('full' | 'recent')[] } = {}) {
  const limits = { ...LIMITS, minIntervalSeconds: options.min ?? LIMITS.minIntervalSeconds };
  return issueMessages(validateAutoSync(patch, mergeAutoSync(current, patch), { limits, modes: options.modes ?? [], now: NOW }));
}

describe('validateAutoSync', () => {
  it('should accept an interval when it is between 5 minutes and 30 days', () => {
    expect(check({ enabled: true, every: 6, unit: 'hours' })).toEqual({});
    expect(check({ enabled: true, every: 5, unit: 'minutes' })).toEqual({});
    expect(check({ enabled: true, every: 30, unit: 'days' })).toEqual({});
  });

  it('should name the floor when the interval is shorter than 5 minutes', () => {
    expect(check({ enabled: true, every: 2, unit: 'minutes' })).toEqual({ 'autoSync.every': ['the interval must be at least 5 minutes'] });
  });

  it('should name the ceiling when the interval is longer than 30 days', () => {
    expect(check({ every: 31, unit: 'days' })).toEqual({ 'autoSync.every': ['the interval must be at most 30 days'] });
  });

  it('should refuse seconds when the floor is the default and accept them when MIN_SYNC_INTERVAL_SECONDS lowers it', () => {
    expect(check({ every: 600, unit: 'seconds' })['autoSync.unit']).toEqual(['unit must be one of minutes, hours, days']);
    expect(check({ every: 2, unit: 'seconds' }, DEFAULT_AUTO_SYNC, { min: 1 })).toEqual({});
    expect(allowedUnits({ ...LIMITS, minIntervalSeconds: 1 })).toContain('seconds');
  });

  it('should accept a cron expression and drop the interval when a cron is sent', () => {
    const patch = { enabled: true, cron: '0 2 * * *' };
    expect(check(patch)).toEqual({});
    expect(mergeAutoSync(DEFAULT_AUTO_SYNC, patch)).toMatchObject({ cron: '0 2 * * *', every: null, unit: null });
  });

  it('should drop the cron expression when an interval is sent', () => {
    const cron = mergeAutoSync(DEFAULT_AUTO_SYNC, { cron: '0 2 * * *' });
    expect(mergeAutoSync(cron, { every: 6, unit: 'hours' })).toMatchObject({ cron: null, every: 6, unit: 'hours' });
  });

  it('should explain the error when the cron expression is invalid', () => {
    expect(check({ cron: '61 * * * *' })['autoSync.cron'][0]).toMatch(/^the cron expression is not valid: /);
  });

  it('should refuse a cron expression when it fires more often than the floor', () => {
    expect(check({ cron: '* * * * *' })).toEqual({ 'autoSync.cron': ['the cron expression fires more often than every 5 minutes'] });
    expect(check({ cron: '0,1 2 * * *' })['autoSync.cron']).toHaveLength(1);
  });

  it('should refuse an interval and a cron expression when both are sent', () => {
    expect(check({ every: 6, unit: 'hours', cron: '0 2 * * *' })).toEqual({
      'autoSync.cron': ['give either an interval (every and unit) or a cron expression, not both'],
    });
  });

  it('should ask for a timing when auto-sync is turned on without one', () => {
    const none = { ...DEFAULT_AUTO_SYNC, every: null, unit: null };
    expect(check({ enabled: true }, none)).toEqual({ 'autoSync.every': ['set an interval (every and unit) or a cron expression'] });
  });

  it('should let an old schedule be turned off when it breaks a floor raised since', () => {
    const old = { ...DEFAULT_AUTO_SYNC, enabled: true, every: 1, unit: 'minutes' as const };
    expect(check({ enabled: false }, old)).toEqual({});
  });

  it('should refuse a mode when the source has no modes or not that one', () => {
    expect(check({ mode: 'full' })).toEqual({ 'autoSync.mode': ['this source has no modes'] });
    expect(check({ mode: 'recent' }, DEFAULT_AUTO_SYNC, { modes: ['full'] })).toEqual({ 'autoSync.mode': ['mode must be one of full'] });
    expect(check({ mode: 'recent' }, DEFAULT_AUTO_SYNC, { modes: ['full', 'recent'] })).toEqual({});
  });

  it('should refuse a quiet window when it ends when it starts', () => {
    expect(Object.keys(check({ quietWindow: { start: '08:00', end: '08:00', days: [6] } }))).toEqual(['autoSync.quietWindow.end']);
  });
});

describe('validateQuietWindow', () => {
  it('should refuse a window with a code when it leaves scheduled runs under an hour a day', () => {
    const refused = [{ code: 'quietWindowNoTime', params: { seconds: 3600 }, message: expect.stringMatching(/at least 1 hour a day/) as unknown }];
    expect(validateQuietWindow({ start: '22:00', end: '22:00' })).toEqual(refused);
    expect(validateQuietWindow({ start: '00:00', end: '23:59' })).toEqual(refused);
    // Crossing midnight: 06:00 to 05:30 the next day leaves 30 minutes.
    expect(validateQuietWindow({ start: '06:00', end: '05:30' })).toEqual(refused);
  });

  it('should accept a window when it leaves an hour or more, whether or not it crosses midnight', () => {
    expect(validateQuietWindow({ start: '22:00', end: '06:00' })).toEqual([]);
    expect(validateQuietWindow({ start: '00:00', end: '23:00' })).toEqual([]);
    expect(validateQuietWindow({ start: '06:00', end: '05:00' })).toEqual([]);
  });
});

describe('describeSeconds', () => {
  it('should use the largest whole unit when describing a span', () => {
    expect([1, 90, 300, 3600, 86_400 * 30].map(describeSeconds)).toEqual(['1 second', '90 seconds', '5 minutes', '1 hour', '30 days']);
  });
});
