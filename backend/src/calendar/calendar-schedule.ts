import { AUTO_SYNC_UNIT_SECONDS, type AcademicCalendarInput, type CalendarReason, type CalendarScheduleRule } from '@hamgam/shared';
import { dayNumberToGregorian, gregorianToDayNumber, isValidJalaliDate, jalaliToDayNumber, parseJalaliText } from '../common/jalali';
import { wallClock, zonedTime } from '../common/zoned-time';

/** A period as local day numbers (days since 1970-01-01), both ends included. */
type DaySpan = { name: string; startDay: number; endDay: number };

export type CalendarRunInput = {
  /** When the run is due by the schedule's regular timing (interval or cron, back-off included), never before `now`. */
  candidate: Date;
  /** What an interval counts from: the later of the source's last run and the moment the schedule was set. */
  anchor: Date;
  now: Date;
  /** The back-off factor the regular timing used (1 without failures); the in-term interval stretches alike. */
  factor?: number;
};

export type CalendarRun = { at: Date; reason: CalendarReason };

function toSpans(periods: AcademicCalendarInput['terms']): DaySpan[] {
  const spans: DaySpan[] = [];
  for (const { name, start, end } of periods) {
    const from = parseJalaliText(start);
    const to = parseJalaliText(end);
    // A stored calendar was validated; anything else is skipped rather than planned around.
    if (!from || !to || !isValidJalaliDate(from) || !isValidJalaliDate(to)) continue;
    spans.push({ name, startDay: jalaliToDayNumber(from), endDay: jalaliToDayNumber(to) });
  }
  return spans.sort((a, b) => a.startDay - b.startDay);
}

/**
 * When a scheduled run may go, given the academic calendar, read in `timeZone`:
 * - with `inTerm`, each moment has the interval of where it falls: inside a term the term's interval counted
 *   from `anchor`, outside the regular `candidate`. The run goes at the earliest moment (not before `now`) whose
 *   own interval has passed, so a daily schedule turns hourly right at a term's first midnight and back to daily
 *   at the midnight after its last day;
 * - with `skipClosures`, a time on a closed day moves to the midnight after the closure (closures that touch or
 *   overlap are passed together), and the reason names the first closure it was moved past.
 * Pure: the scheduler passes the regular due time without the quiet window and applies the window afterwards.
 */
export function nextAllowedRun(input: CalendarRunInput, calendar: AcademicCalendarInput, rule: CalendarScheduleRule, timeZone: string): CalendarRun {
  const localDay = (at: Date) => {
    const wall = wallClock(at, timeZone);
    return gregorianToDayNumber(wall.year, wall.month, wall.day);
  };
  const startOfDay = (dayNumber: number) => zonedTime({ ...dayNumberToGregorian(dayNumber), hour: 0, minute: 0 }, timeZone);
  const terms = rule.inTerm ? toSpans(calendar.terms) : [];
  const closures = rule.skipClosures ? toSpans(calendar.closures) : [];
  const inTermMs = rule.inTerm ? rule.inTerm.every * AUTO_SYNC_UNIT_SECONDS[rule.inTerm.unit] * 1000 * (input.factor ?? 1) : 0;

  /** The earliest allowed moment at or after `from`, by the interval of the part of the calendar it falls in. */
  const byInterval = (from: Date): CalendarRun => {
    let cursor = from;
    for (;;) {
      const day = localDay(cursor);
      const term = terms.find((span) => span.startDay <= day && day <= span.endDay);
      const next = term ? null : terms.find((span) => span.startDay > day);
      const due = term ? new Date(input.anchor.getTime() + inTermMs) : input.candidate;
      const at = due > cursor ? due : cursor;
      const partEnd = term ? startOfDay(term.endDay + 1) : next ? startOfDay(next.startDay) : null;
      if (!partEnd || at < partEnd) return { at, reason: term ? `in_term:${term.name}` : 'regular' };
      cursor = partEnd;
    }
  };

  let run = byInterval(input.now);
  let firstClosure: string | null = null;
  // Each pass moves past at least one closure, so the loop ends after at most one pass per closure.
  for (let pass = 0; pass <= closures.length; pass += 1) {
    const day = localDay(run.at);
    const closure = closures.find((span) => span.startDay <= day && day <= span.endDay);
    if (!closure) break;
    firstClosure ??= closure.name;
    run = byInterval(startOfDay(closure.endDay + 1));
  }
  return firstClosure === null ? run : { at: run.at, reason: `closure:${firstClosure}` };
}
