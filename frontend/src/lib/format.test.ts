import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatNumber, formatRelative, localizeDigits, toPersianDigits } from './format';

// Local wall-clock times (the suite runs in Asia/Tehran), built without a zone so the test is zone-proof.
const local = (year: number, month: number, day: number, hour = 0, minute = 0) => new Date(year, month - 1, day, hour, minute).toISOString();

describe('formatDateTime', () => {
  it('should print the Jalali new year with Persian digits when the language is fa', () => {
    expect(formatDateTime(local(2025, 3, 21, 9, 5), 'fa')).toBe('۱۴۰۴/۰۱/۰۱ ۰۹:۰۵');
  });

  it('should print 2 Azar 1405 when the date is 2026-11-23 and the language is fa', () => {
    expect(formatDateTime(local(2026, 11, 23, 10, 30), 'fa')).toBe('۱۴۰۵/۰۹/۰۲ ۱۰:۳۰');
  });

  it('should print the Gregorian date with Latin digits when the language is en', () => {
    expect(formatDateTime(local(2026, 11, 25, 10, 30), 'en')).toBe('2026-11-25 10:30');
  });

  it('should add seconds when asked to', () => {
    expect(formatDateTime(new Date(2026, 10, 23, 10, 30, 7).toISOString(), 'en', { seconds: true })).toBe('2026-11-23 10:30:07');
  });

  it('should treat a regional language tag like its base language when given fa-IR', () => {
    expect(formatDateTime(local(2025, 3, 21), 'fa-IR')).toBe('۱۴۰۴/۰۱/۰۱ ۰۰:۰۰');
  });
});

describe('formatDuration', () => {
  it('should read minutes and seconds in Persian when the language is fa', () => {
    expect(formatDuration(125_000, 'fa')).toBe('۲ دقیقه و ۵ ثانیه');
  });

  it('should read minutes and seconds in short English when the language is en', () => {
    expect(formatDuration(125_000, 'en')).toBe('2 min 5 s');
  });

  it('should drop a zero part when the duration is whole minutes or hours', () => {
    expect(formatDuration(120_000, 'en')).toBe('2 min');
    expect(formatDuration(3_600_000, 'fa')).toBe('۱ ساعت');
  });

  it('should show hours and minutes when the run took over an hour', () => {
    expect(formatDuration(3_725_000, 'en')).toBe('1 h 2 min');
    expect(formatDuration(3_725_000, 'fa')).toBe('۱ ساعت و ۲ دقیقه');
  });

  it('should say less than a second when the run took under a second', () => {
    expect(formatDuration(420, 'en')).toBe('less than a second');
    expect(formatDuration(42_000, 'fa')).toBe('۴۲ ثانیه');
  });
});

describe('formatNumber', () => {
  it('should use Persian digits and separators when the language is fa', () => {
    expect(formatNumber(1234, 'fa')).toBe('۱٬۲۳۴');
  });

  it('should use Latin digits when the language is en', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});

describe('digits', () => {
  it('should convert every Latin digit when converting to Persian', () => {
    expect(toPersianDigits('run 0123456789')).toBe('run ۰۱۲۳۴۵۶۷۸۹');
  });

  it('should leave digits alone when the language is en', () => {
    expect(localizeDigits('42', 'en')).toBe('42');
    expect(localizeDigits('42', 'fa')).toBe('۴۲');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('should say how long ago in the largest whole unit, in Persian digits for fa', () => {
    expect(formatRelative('2026-11-23T09:00:00Z', 'fa', now)).toBe('۳ ساعت پیش');
    expect(formatRelative('2026-11-23T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-23T11:58:30Z', 'en', now)).toBe('1 minute ago');
    expect(formatRelative('2026-11-20T12:00:00Z', 'en', now)).toBe('3 days ago');
  });

  it('should say how soon when the time is ahead', () => {
    expect(formatRelative('2026-11-23T12:05:00Z', 'en', now)).toBe('in 5 minutes');
    expect(formatRelative('2026-11-23T12:05:00Z', 'fa', now)).toBe('۵ دقیقه بعد');
  });
});
