import type { AcademicCalendarInput, CalendarScheduleRule } from '@hamgam/shared';
import { nextAllowedRun } from './calendar-schedule';

const TEHRAN = 'Asia/Tehran';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const iso = (run: { at: Date }) => run.at.toISOString();

/** A daily schedule whose last run was at `anchor`: due a day later, asked a minute after the run. */
function daily(anchor: string) {
  const start = at(anchor);
  return { anchor: start, candidate: new Date(start.getTime() + DAY), now: new Date(start.getTime() + 60_000) };
}

const SKIP: CalendarScheduleRule = { skipClosures: true, inTerm: null };
// Autumn term 1405: 1 Mehr (2026-09-23) to 30 Dey (2027-01-20), both whole days in Tehran.
const TERMS: AcademicCalendarInput = { terms: [{ name: 'نیمسال اول', start: '1405-07-01', end: '1405-10-30' }], closures: [] };

describe('nextAllowedRun', () => {
  it('should move a daily run past a closure covering tomorrow to the midnight after it, in Tehran', () => {
    // Last run 2026-11-23 10:00 in Tehran (2 Azar 1405); tomorrow, 3 Azar, is closed.
    const calendar: AcademicCalendarInput = { terms: [], closures: [{ name: 'تعطیلی', start: '1405-09-03', end: '1405-09-03' }] };
    const run = nextAllowedRun(daily('2026-11-23T06:30:00Z'), calendar, SKIP, TEHRAN);
    expect(iso(run)).toBe('2026-11-24T20:30:00.000Z');
    expect(run.reason).toBe('closure:تعطیلی');
  });

  it('should pass closures that follow each other together and name the first when they chain', () => {
    const calendar: AcademicCalendarInput = {
      terms: [],
      closures: [
        { name: 'دوم', start: '1405-09-04', end: '1405-09-05' },
        { name: 'اول', start: '1405-09-03', end: '1405-09-03' },
      ],
    };
    const run = nextAllowedRun(daily('2026-11-23T06:30:00Z'), calendar, SKIP, TEHRAN);
    expect(iso(run)).toBe('2026-11-26T20:30:00.000Z');
    expect(run.reason).toBe('closure:اول');
  });

  it('should keep the regular time when closures are not skipped or none is hit', () => {
    const calendar: AcademicCalendarInput = { terms: [], closures: [{ name: 'تعطیلی', start: '1405-09-03', end: '1405-09-03' }] };
    expect(nextAllowedRun(daily('2026-11-23T06:30:00Z'), calendar, { skipClosures: false, inTerm: null }, TEHRAN)).toEqual({
      at: at('2026-11-24T06:30:00Z'),
      reason: 'regular',
    });
    expect(nextAllowedRun(daily('2026-11-20T06:30:00Z'), calendar, SKIP, TEHRAN)).toEqual({ at: at('2026-11-21T06:30:00Z'), reason: 'regular' });
  });

  it('should switch a daily schedule to hourly at the term’s first midnight in Tehran and stay hourly inside it', () => {
    const rule: CalendarScheduleRule = { skipClosures: false, inTerm: { every: 1, unit: 'hours' } };
    // Last run 11:30 in Tehran on 31 Shahrivar; the term starts at the next midnight (20:30 UTC).
    const first = nextAllowedRun(daily('2026-09-22T08:00:00Z'), TERMS, rule, TEHRAN);
    expect(first).toEqual({ at: at('2026-09-22T20:30:00Z'), reason: 'in_term:نیمسال اول' });
    const second = nextAllowedRun({ anchor: first.at, candidate: new Date(first.at.getTime() + DAY), now: first.at }, TERMS, rule, TEHRAN);
    expect(second).toEqual({ at: at('2026-09-22T21:30:00Z'), reason: 'in_term:نیمسال اول' });
  });

  it('should go back to the regular interval after the term’s last day when the next hour falls past it', () => {
    const rule: CalendarScheduleRule = { skipClosures: false, inTerm: { every: 1, unit: 'hours' } };
    // 23:30 in Tehran on 30 Dey, the term's last day: an hour later is outside the term.
    expect(nextAllowedRun(daily('2027-01-20T20:00:00Z'), TERMS, rule, TEHRAN)).toEqual({ at: at('2027-01-21T20:00:00Z'), reason: 'regular' });
  });

  it('should run at the term’s end when the regular interval is shorter than the term’s', () => {
    const rule: CalendarScheduleRule = { skipClosures: false, inTerm: { every: 1, unit: 'days' } };
    const anchor = at('2027-01-20T18:30:00Z'); // 22:00 in Tehran on the last day of the term
    const run = nextAllowedRun({ anchor, candidate: new Date(anchor.getTime() + HOUR), now: anchor }, TERMS, rule, TEHRAN);
    expect(run).toEqual({ at: at('2027-01-20T20:30:00Z'), reason: 'regular' });
  });

  it('should stretch the in-term interval by the back-off factor when scheduled runs failed', () => {
    const rule: CalendarScheduleRule = { skipClosures: false, inTerm: { every: 1, unit: 'hours' } };
    const anchor = at('2026-10-01T06:30:00Z');
    const run = nextAllowedRun({ anchor, candidate: new Date(anchor.getTime() + 4 * DAY), now: anchor, factor: 4 }, TERMS, rule, TEHRAN);
    expect(run).toEqual({ at: at('2026-10-01T10:30:00Z'), reason: 'in_term:نیمسال اول' });
  });

  it('should skip a closure inside a term and resume the term’s interval after it', () => {
    const calendar: AcademicCalendarInput = { ...TERMS, closures: [{ name: 'تاسوعا و عاشورا', start: '1405-07-10', end: '1405-07-11' }] };
    const rule: CalendarScheduleRule = { skipClosures: true, inTerm: { every: 1, unit: 'hours' } };
    // 23:30 in Tehran on 9 Mehr: the next hour is on the closure.
    const run = nextAllowedRun(daily('2026-10-01T20:00:00Z'), calendar, rule, TEHRAN);
    expect(run).toEqual({ at: at('2026-10-03T20:30:00Z'), reason: 'closure:تاسوعا و عاشورا' });
  });

  it('should never answer a time before now when the due time has passed', () => {
    const anchor = at('2026-11-01T06:30:00Z');
    const now = at('2026-11-10T09:00:00Z');
    expect(nextAllowedRun({ anchor, candidate: now, now }, TERMS, { skipClosures: true, inTerm: { every: 1, unit: 'hours' } }, TEHRAN)).toEqual({
      at: now,
      reason: 'in_term:نیمسال اول',
    });
  });
});
