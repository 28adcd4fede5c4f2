import { jalaliDateTime, localDateTime } from './local-time';

describe('export timestamps', () => {
  it('should print the Jalali new year in Tehran when the instant is 2025-03-20 20:30 UTC', () => {
    expect(jalaliDateTime('2025-03-20T20:30:00Z', 'Asia/Tehran')).toBe('1404/01/01 00:00:00');
    expect(localDateTime('2025-03-20T20:30:00Z', 'Asia/Tehran')).toBe('2025-03-21 00:00:00');
  });

  it('should print an empty cell when there is no time', () => {
    expect(jalaliDateTime(null, 'Asia/Tehran')).toBe('');
  });
});
