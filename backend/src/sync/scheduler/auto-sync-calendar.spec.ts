import type { AcademicCalendarInput, QuietWindow } from '@hamgam/shared';
import { nextRunAt, planRun, upcomingRuns, type CalendarPlan, type PlanInput } from './auto-sync-plan';

const TEHRAN = 'Asia/Tehran';
const DAILY = { intervalSeconds: 86_400 };
const night: QuietWindow = { start: '22:00', end: '06:00', days: [0, 1, 2, 3, 4, 5, 6] };
// 3 Azar 1405 is 2026-11-24: closed from 2026-11-23T20:30Z to 2026-11-24T20:30Z.
const closedTomorrow: AcademicCalendarInput = { terms: [], closures: [{ name: 'تعطیلی', start: '1405-09-03', end: '1405-09-03' }] };
// The autumn term 1405 starts on 1 Mehr (2026-09-23), at 2026-09-22T20:30Z.
const autumn: AcademicCalendarInput = { terms: [{ name: 'نیمسال اول', start: '1405-07-01', end: '1405-10-30' }], closures: [] };

function input(lastRunAt: string, quietWindow: QuietWindow | null = null): PlanInput {
  return { timing: DAILY, timeZone: TEHRAN, lastRunAt: new Date(lastRunAt), since: new Date('2026-01-01T00:00:00Z'), failures: 0, quietWindow };
}
const minuteAfter = (iso: string) => new Date(new Date(iso).getTime() + 60_000);
const shown = (run: { at: Date; reason: string }) => [run.at.toISOString(), run.reason];

describe('planRun (the scheduler with the academic calendar)', () => {
  it('should move a daily run past a closure covering tomorrow, naming the closure', () => {
    const plan: CalendarPlan = { calendar: closedTomorrow, rule: { skipClosures: true, inTerm: null } };
    const last = '2026-11-23T06:30:00Z';
    expect(shown(planRun(input(last), minuteAfter(last), plan))).toEqual(['2026-11-24T20:30:00.000Z', 'closure:تعطیلی']);
  });

  it('should keep the regular time when the schedule does not follow the calendar, whatever it holds', () => {
    const last = '2026-11-23T06:30:00Z';
    const plan: CalendarPlan = { calendar: closedTomorrow, rule: { skipClosures: false, inTerm: null } };
    expect(shown(planRun(input(last), minuteAfter(last), plan))).toEqual(['2026-11-24T06:30:00.000Z', 'regular']);
    expect(planRun(input(last), minuteAfter(last), null).at).toEqual(nextRunAt(input(last), minuteAfter(last)));
  });

  it('should check a run the quiet window moved against the closures again, and the closure end against the window', () => {
    // Due 2 Azar 23:00 (quiet until 3 Azar 06:00), 3 Azar is closed (until 4 Azar 00:00, quiet again): 4 Azar 06:00.
    const plan: CalendarPlan = { calendar: closedTomorrow, rule: { skipClosures: true, inTerm: null } };
    const last = '2026-11-22T19:30:00Z';
    expect(shown(planRun(input(last, night), minuteAfter(last), plan))).toEqual(['2026-11-25T02:30:00.000Z', 'closure:تعطیلی']);
  });

  it('should switch a daily schedule to its in-term interval at the term boundary in Asia/Tehran', () => {
    const plan: CalendarPlan = { calendar: autumn, rule: { skipClosures: false, inTerm: { every: 1, unit: 'hours' } } };
    // Last run 31 Shahrivar 10:00 in Tehran: outside the term the next would be 1 Mehr 10:00, but the term's hourly
    // interval applies from its first midnight, long passed by then.
    const last = '2026-09-22T06:30:00Z';
    expect(shown(planRun(input(last), minuteAfter(last), plan))).toEqual(['2026-09-22T20:30:00.000Z', 'in_term:نیمسال اول']);
    // Saved 90 minutes before the term: the first run at its first midnight, then each an hour after the one before.
    const runs = upcomingRuns({ timing: DAILY, timeZone: TEHRAN, quietWindow: null }, new Date('2026-09-22T19:00:00Z'), 3, plan);
    expect(runs.map(shown)).toEqual([
      ['2026-09-22T20:30:00.000Z', 'in_term:نیمسال اول'],
      ['2026-09-22T21:30:00.000Z', 'in_term:نیمسال اول'],
      ['2026-09-22T22:30:00.000Z', 'in_term:نیمسال اول'],
    ]);
  });

  it('should stretch the in-term interval by the back-off factor like the regular one', () => {
    const plan: CalendarPlan = { calendar: autumn, rule: { skipClosures: false, inTerm: { every: 1, unit: 'hours' } } };
    const last = '2026-10-01T06:30:00Z';
    // Three failures: the factor is 4, so four hours instead of one.
    expect(planRun({ ...input(last), failures: 3 }, minuteAfter(last), plan).at.toISOString()).toBe('2026-10-01T10:30:00.000Z');
  });
});
