import type { QuietWindow } from '@hamgam/shared';
import { backoffFactor, cronFireTimes, failureStateAfter, nextRunAt, quietWindowEnd, upcomingRuns, type PlanInput } from './auto-sync-plan';
import { wallClock, zonedTime } from '../../common/zoned-time';

const TZ = 'Asia/Tehran';
const HOUR = 3600_000;
/** A wall-clock time in Tehran as a Date. */
const tehran = (year: number, month: number, day: number, hour = 0, minute = 0) => zonedTime({ year, month, day, hour, minute }, TZ);

const plan = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  timing: { intervalSeconds: 6 * 3600 },
  timeZone: TZ,
  lastRunAt: null,
  since: tehran(2026, 11, 1),
  failures: 0,
  quietWindow: null,
  ...overrides,
});

// 1405 weekdays in Iran run Saturday to Wednesday; 2026-11-21 is a Saturday.
const WEEKDAY_MORNINGS: QuietWindow = { start: '08:00', end: '14:00', days: [6, 0, 1, 2, 3] };

describe('nextRunAt with an interval', () => {
  it('should be one interval after the last run when the last run started after the schedule was set', () => {
    const lastRunAt = tehran(2026, 11, 23, 10, 0);
    expect(nextRunAt(plan({ lastRunAt }), tehran(2026, 11, 23, 11, 0))).toEqual(tehran(2026, 11, 23, 16, 0));
  });

  it('should count from the manual run when a manual run started since the last scheduled one', () => {
    const scheduled = plan({ lastRunAt: tehran(2026, 11, 23, 10, 0) });
    const afterManualRun = { ...scheduled, lastRunAt: tehran(2026, 11, 23, 13, 30) };
    expect(nextRunAt(afterManualRun, tehran(2026, 11, 23, 14, 0))).toEqual(tehran(2026, 11, 23, 19, 30));
  });

  it('should count from when the schedule was set when it was set after the last run', () => {
    const input = plan({ lastRunAt: tehran(2026, 11, 20), since: tehran(2026, 11, 23, 9, 15) });
    expect(nextRunAt(input, tehran(2026, 11, 23, 9, 15))).toEqual(tehran(2026, 11, 23, 15, 15));
  });

  it('should be due now once, not once per missed slot, when the server was down for many intervals', () => {
    const now = tehran(2026, 11, 25, 9, 0);
    const overdue = plan({ lastRunAt: tehran(2026, 11, 23, 10, 0) });

    expect(nextRunAt(overdue, now)).toEqual(now);
    // The catch-up run is the new last run: the next one is a whole interval later.
    expect(nextRunAt({ ...overdue, lastRunAt: now }, new Date(now.getTime() + 1000))).toEqual(new Date(now.getTime() + 6 * HOUR));
  });

  it('should wait 1, 2, 4 … intervals after the last run when scheduled runs keep failing', () => {
    const lastRunAt = tehran(2026, 11, 23, 10, 0);
    const waits = [1, 2, 3, 4, 5, 6, 7].map((failures) => (nextRunAt(plan({ lastRunAt, failures }), lastRunAt).getTime() - lastRunAt.getTime()) / (6 * HOUR));
    expect(waits).toEqual([1, 2, 4, 8, 16, 24, 24]);
  });
});

describe('backoffFactor', () => {
  it('should double per failure and stop at 24 when failures pile up', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10, 100].map(backoffFactor)).toEqual([1, 1, 2, 4, 8, 16, 24, 24, 24]);
  });
});

describe('nextRunAt with a cron expression', () => {
  it('should fire at 02:00 Tehran time every day of a year when the expression is 0 2 * * *', () => {
    const times = cronFireTimes('0 2 * * *', TZ, tehran(2026, 1, 1, 12, 0), 365);

    for (const time of times) expect(wallClock(time, TZ)).toMatchObject({ hour: 2, minute: 0 });
    // Iran has had no daylight saving time since 2022: every gap is exactly one day, Nowruz and September included.
    const gaps = new Set(times.slice(1).map((time, i) => time.getTime() - times[i].getTime()));
    expect([...gaps]).toEqual([24 * HOUR]);
    expect(times[0].toISOString()).toBe('2026-01-01T22:30:00.000Z');
    expect(times.find((time) => time.toISOString().startsWith('2026-06-21'))?.toISOString()).toBe('2026-06-21T22:30:00.000Z');
  });

  it('should fire at the next cron time after the last run when it is ahead', () => {
    const input = plan({ timing: { cron: '0 2 * * *' }, lastRunAt: tehran(2026, 11, 23, 2, 0) });
    expect(nextRunAt(input, tehran(2026, 11, 23, 9, 0))).toEqual(tehran(2026, 11, 24, 2, 0));
  });

  it('should run once now when cron times were missed while the server was down', () => {
    const input = plan({ timing: { cron: '0 2 * * *' }, lastRunAt: tehran(2026, 11, 20, 2, 0) });
    const now = tehran(2026, 11, 23, 9, 0);
    expect(nextRunAt(input, now)).toEqual(now);
    expect(nextRunAt({ ...input, lastRunAt: now }, now)).toEqual(tehran(2026, 11, 24, 2, 0));
  });

  it('should skip to the fourth cron time after the last run when three scheduled runs failed in a row', () => {
    const input = plan({ timing: { cron: '0 2 * * *' }, lastRunAt: tehran(2026, 11, 23, 2, 0), failures: 3 });
    expect(nextRunAt(input, tehran(2026, 11, 23, 3, 0))).toEqual(tehran(2026, 11, 27, 2, 0));
  });
});

describe('quiet windows', () => {
  it('should move a due time to the window end when it falls inside the window on a weekday', () => {
    const input = plan({ lastRunAt: tehran(2026, 11, 21, 3, 0), quietWindow: WEEKDAY_MORNINGS });
    expect(nextRunAt(input, tehran(2026, 11, 21, 4, 0))).toEqual(tehran(2026, 11, 21, 14, 0));
  });

  it('should leave the due time alone when the window is not on that day', () => {
    // 2026-11-26 is a Thursday.
    const input = plan({ lastRunAt: tehran(2026, 11, 26, 3, 0), quietWindow: WEEKDAY_MORNINGS });
    expect(nextRunAt(input, tehran(2026, 11, 26, 4, 0))).toEqual(tehran(2026, 11, 26, 9, 0));
  });

  it('should hold an overdue run until the window ends when the server comes back inside the window', () => {
    const input = plan({ lastRunAt: tehran(2026, 11, 18), quietWindow: WEEKDAY_MORNINGS });
    expect(nextRunAt(input, tehran(2026, 11, 22, 12, 59))).toEqual(tehran(2026, 11, 22, 14, 0));
  });

  it('should end the next morning when the window crosses midnight', () => {
    const overnight: QuietWindow = { start: '22:00', end: '02:00', days: [6] };
    expect(quietWindowEnd(tehran(2026, 11, 21, 23, 0), overnight, TZ)).toEqual(tehran(2026, 11, 22, 2, 0));
    expect(quietWindowEnd(tehran(2026, 11, 22, 1, 59), overnight, TZ)).toEqual(tehran(2026, 11, 22, 2, 0));
    expect(quietWindowEnd(tehran(2026, 11, 22, 2, 0), overnight, TZ)).toBeNull();
    expect(quietWindowEnd(tehran(2026, 11, 21, 1, 0), overnight, TZ)).toBeNull();
  });

  it('should treat the end as outside the window when the due time is exactly the end', () => {
    expect(quietWindowEnd(tehran(2026, 11, 21, 14, 0), WEEKDAY_MORNINGS, TZ)).toBeNull();
    expect(quietWindowEnd(tehran(2026, 11, 21, 8, 0), WEEKDAY_MORNINGS, TZ)).toEqual(tehran(2026, 11, 21, 14, 0));
  });

  it('should read the window in the university time zone when the server runs in UTC', () => {
    // 08:30 in Tehran is 05:00 UTC.
    expect(quietWindowEnd(new Date('2026-11-21T05:00:00Z'), WEEKDAY_MORNINGS, TZ)?.toISOString()).toBe('2026-11-21T10:30:00.000Z');
  });
});

describe('upcomingRuns', () => {
  // The process's own zone (UTC on the test machine) must not matter: the plan reads the university's wall clock.
  const tehran = (at: Date) => {
    const wall = wallClock(at, 'Asia/Tehran');
    return `${wall.weekday} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  };
  // Monday 2026-11-23 17:00 in Tehran (13:30 UTC).
  const now = new Date('2026-11-23T13:30:00Z');
  const night: QuietWindow = { start: '22:00', end: '06:00', days: [0, 1, 2, 3, 4, 5, 6] };

  it('should hold interval runs back to the quiet window end, in Tehran wall-clock time, when the server runs in another zone', () => {
    const runs = upcomingRuns({ timing: { intervalSeconds: 4 * 3600 }, timeZone: 'Asia/Tehran', quietWindow: night }, now, 3);
    // 21:00 runs; 01:00 falls in the window and waits for 06:00; then 10:00.
    expect(runs.map((run) => tehran(run.at))).toEqual(['1 21:00', '2 06:00', '2 10:00']);
  });

  it('should plan cron runs the same way when the expression fires inside the quiet window', () => {
    const runs = upcomingRuns({ timing: { cron: '0 23 * * *' }, timeZone: 'Asia/Tehran', quietWindow: night }, now, 3);
    expect(runs.map((run) => tehran(run.at))).toEqual(['2 06:00', '3 06:00', '4 06:00']);
  });
});

describe('failureStateAfter', () => {
  const NOW = new Date('2026-11-23T07:00:00Z');
  const failedScheduled = { trigger: 'schedule', status: 'failed', errorKind: 'network' };

  it('should count a failure when a scheduled run fails', () => {
    expect(failureStateAfter(failedScheduled, { failures: 2, pausedAt: null }, 10, NOW)).toEqual({ failures: 3, pausedAt: null });
  });

  it('should pause the schedule when the failures reach the limit', () => {
    expect(failureStateAfter(failedScheduled, { failures: 9, pausedAt: null }, 10, NOW)).toEqual({ failures: 10, pausedAt: NOW.toISOString() });
  });

  it('should clear the count when any run succeeds', () => {
    expect(failureStateAfter({ trigger: 'manual', status: 'success', errorKind: null }, { failures: 3, pausedAt: null }, 10, NOW)).toEqual({
      failures: 0,
      pausedAt: null,
    });
  });

  it('should clear the count when a scheduled run ends awaiting approval of its deletions', () => {
    expect(failureStateAfter({ trigger: 'schedule', status: 'awaiting_approval', errorKind: null }, { failures: 3, pausedAt: null }, 10, NOW)).toEqual({
      failures: 0,
      pausedAt: null,
    });
  });

  it('should keep a pause and its count when a run succeeds while paused', () => {
    const paused = { failures: 10, pausedAt: '2026-11-20T00:00:00.000Z' };
    expect(failureStateAfter({ trigger: 'manual', status: 'success', errorKind: null }, paused, 10, NOW)).toBe(paused);
  });

  it('should not count a failure when the run was manual, cancelled or interrupted by a restart', () => {
    const state = { failures: 1, pausedAt: null };
    expect(failureStateAfter({ trigger: 'manual', status: 'failed', errorKind: 'network' }, state, 10, NOW)).toBe(state);
    expect(failureStateAfter({ trigger: 'schedule', status: 'cancelled', errorKind: 'cancelled' }, state, 10, NOW)).toBe(state);
    expect(failureStateAfter({ trigger: 'schedule', status: 'failed', errorKind: 'interrupted' }, state, 10, NOW)).toBe(state);
  });
});
