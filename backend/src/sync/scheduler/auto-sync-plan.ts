import { CronTime } from 'cron';
import type { AcademicCalendarInput, CalendarReason, CalendarScheduleRule, QuietWindow } from '@hamgam/shared';
import { nextAllowedRun } from '../../calendar/calendar-schedule';
import { wallClock, zonedTime } from '../../common/zoned-time';

/** An interval in seconds, or a cron expression read in the plan's time zone. */
export type Timing = { intervalSeconds: number } | { cron: string };

export type PlanInput = {
  timing: Timing;
  timeZone: string;
  /** When the source's latest run was created, whatever triggered it; null when it never ran. */
  lastRunAt: Date | null;
  /** When the schedule was last switched on or its timing changed. */
  since: Date;
  /** Consecutive failed scheduled runs. */
  failures: number;
  quietWindow: QuietWindow | null;
};

export const MAX_BACKOFF_FACTOR = 24;

/** After the n-th consecutive failure the next attempt waits 1, 2, 4, 8, 16, then 24 intervals. */
export function backoffFactor(failures: number): number {
  if (failures <= 1) return 1;
  return Math.min(2 ** (failures - 1), MAX_BACKOFF_FACTOR);
}

/** The next `count` fire times of a cron expression strictly after `after`. Throws on an invalid expression. */
export function cronFireTimes(cron: string, timeZone: string, after: Date, count: number): Date[] {
  const time = new CronTime(cron, timeZone);
  const times: Date[] = [];
  let from = after;
  for (let i = 0; i < count; i += 1) {
    from = time.getNextDateFrom(from, timeZone).toJSDate();
    times.push(from);
  }
  return times;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The end of the quiet window `at` falls in, or null when it falls in none. */
export function quietWindowEnd(at: Date, window: QuietWindow, timeZone: string): Date | null {
  const wall = wallClock(at, timeZone);
  const now = wall.hour * 60 + wall.minute + wall.second / 60;
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const days: readonly number[] = window.days;
  const endOn = (dayOffset: number) =>
    zonedTime({ year: wall.year, month: wall.month, day: wall.day + dayOffset, hour: Math.floor(end / 60), minute: end % 60 }, timeZone);
  if (start < end) {
    return days.includes(wall.weekday) && now >= start && now < end ? endOn(0) : null;
  }
  // The window crosses midnight: it belongs to the day it starts on.
  if (days.includes(wall.weekday) && now >= start) return endOn(1);
  if (days.includes((wall.weekday + 6) % 7) && now < end) return endOn(0);
  return null;
}

/**
 * When the next scheduled run is due, never earlier than `now`. An interval counts from the later of the last
 * run (any trigger: a manual run resets the clock) and the moment the schedule was set; a cron expression fires
 * at its next time after that. Slots missed while the server was down collapse into one run now. Failures
 * stretch the wait (see `backoffFactor`), and a due time inside the quiet window moves to the window's end.
 */
export function nextRunAt(input: PlanInput, now: Date): Date {
  const anchor = input.lastRunAt && input.lastRunAt > input.since ? input.lastRunAt : input.since;
  const factor = backoffFactor(input.failures);
  const due =
    'intervalSeconds' in input.timing
      ? new Date(anchor.getTime() + input.timing.intervalSeconds * 1000 * factor)
      : cronFireTimes(input.timing.cron, input.timeZone, anchor, factor)[factor - 1];
  const at = due > now ? due : now;
  return (input.quietWindow && quietWindowEnd(at, input.quietWindow, input.timeZone)) || at;
}

/** What a schedule asks of the academic calendar, with the calendar it asks it of; null: the calendar plays no part. */
export type CalendarPlan = { calendar: AcademicCalendarInput; rule: CalendarScheduleRule };

export type PlannedRun = { at: Date; reason: CalendarReason };

// A quiet window moves a run once and the calendar may move it again; after two rounds the time satisfies both.
const CALENDAR_ROUNDS = 2;

/**
 * `nextRunAt` with the academic calendar: the regular due time (no quiet window), then the calendar's rule (closures
 * skipped, the in-term interval), then the quiet window; a run the window moved is checked against the calendar again.
 * The reason is the calendar's: the first closure or term that moved the run, else `regular`.
 */
export function planRun(input: PlanInput, now: Date, plan: CalendarPlan | null): PlannedRun {
  const calendarApplies = plan && (plan.rule.skipClosures || plan.rule.inTerm);
  if (!calendarApplies) return { at: nextRunAt(input, now), reason: 'regular' };
  const candidate = nextRunAt({ ...input, quietWindow: null }, now);
  const anchor = input.lastRunAt && input.lastRunAt > input.since ? input.lastRunAt : input.since;
  const factor = backoffFactor(input.failures);
  let run = nextAllowedRun({ candidate, anchor, now, factor }, plan.calendar, plan.rule, input.timeZone);
  for (let round = 0; round < CALENDAR_ROUNDS && input.quietWindow; round += 1) {
    const moved = quietWindowEnd(run.at, input.quietWindow, input.timeZone);
    if (!moved) return run;
    const again = nextAllowedRun({ candidate, anchor, now: moved, factor }, plan.calendar, plan.rule, input.timeZone);
    run = { at: again.at, reason: again.reason === 'regular' ? run.reason : again.reason };
  }
  return run;
}

/**
 * The next `count` scheduled runs of a schedule saved at `now` (no failures), with their reasons: each planned from
 * the one before by `planRun`, as the scheduler plans them, so a run the quiet window or a closure holds back starts
 * at its end. Previews of both kinds of timing come from here.
 */
export function upcomingRuns(
  input: Pick<PlanInput, 'timing' | 'timeZone' | 'quietWindow'>,
  now: Date,
  count: number,
  plan: CalendarPlan | null = null,
): PlannedRun[] {
  const runs: PlannedRun[] = [];
  let lastRunAt: Date | null = null;
  for (let i = 0; i < count; i += 1) {
    const run = planRun({ ...input, lastRunAt, since: now, failures: 0 }, lastRunAt ?? now, plan);
    runs.push(run);
    lastRunAt = run.at;
  }
  return runs;
}

export type FailureState = { failures: number; pausedAt: string | null };

/**
 * The back-off state once a run ended. Only scheduled runs that failed count (a run closed because the server
 * stopped is not the source's fault); any successful run proves the source works again and clears the count.
 * After `maxFailures` in a row the schedule pauses itself until an admin clears it.
 */
export function failureStateAfter(
  run: { trigger: string; status: string; errorKind: string | null },
  state: FailureState,
  maxFailures: number,
  now: Date,
): FailureState {
  // A paused schedule stays paused, with its count, until an admin clears it. A run awaiting approval of its
  // deletions reached the source and stored its data: the source works.
  if (run.status === 'success' || run.status === 'awaiting_approval') return state.pausedAt ? state : { failures: 0, pausedAt: null };
  if (run.trigger !== 'schedule' || run.status !== 'failed' || run.errorKind === 'interrupted') return state;
  const failures = state.failures + 1;
  return { failures, pausedAt: state.pausedAt ?? (failures >= maxFailures ? now.toISOString() : null) };
}
