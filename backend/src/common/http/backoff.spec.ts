import { backoffDelayMs, retryAfterMs } from './backoff';

const highest = () => 0.999999;

describe('backoffDelayMs', () => {
  it('should stay within zero and the exponential ceiling when jitter is random', () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelayMs(attempt, { baseMs: 100, maxMs: 10_000 });
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(10_000, 100 * 2 ** (attempt - 1)));
      }
    }
  });

  it('should double the ceiling when each attempt fails', () => {
    const ceilings = [1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, { baseMs: 500, maxMs: 60_000, random: highest }));
    expect(ceilings).toEqual([499, 999, 1999, 3999]);
  });

  it('should never exceed maxMs when attempts keep growing', () => {
    expect(backoffDelayMs(30, { baseMs: 500, maxMs: 30_000, random: highest })).toBe(29_999);
    expect(backoffDelayMs(5000, { baseMs: 500, maxMs: 30_000, random: highest })).toBe(29_999);
  });

  it('should return zero when the random draw is zero', () => {
    expect(backoffDelayMs(3, { baseMs: 500, maxMs: 30_000, random: () => 0 })).toBe(0);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2025-11-25T08:00:00Z');

  it('should read delay-seconds when the header is a number', () => {
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('should read an HTTP date when the header is a date', () => {
    expect(retryAfterMs('Tue, 25 Nov 2025 08:00:30 GMT', now)).toBe(30_000);
  });

  it('should return zero when the date is in the past', () => {
    expect(retryAfterMs('Tue, 25 Nov 2025 07:59:00 GMT', now)).toBe(0);
  });

  it('should return null when the header is missing or unreadable', () => {
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-3', now)).toBeNull();
  });
});
