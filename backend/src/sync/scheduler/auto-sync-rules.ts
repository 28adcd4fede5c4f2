import { CronTime } from 'cron';
import { AUTO_SYNC_UNITS, AUTO_SYNC_UNIT_SECONDS, type AutoSyncSettings, type AutoSyncUnit, type RunMode } from '@hamgam/shared';
import { addIssue, type FieldIssue, type FieldIssues } from '../../common/field-issues';
import { cronFireTimes, type Timing } from './auto-sync-plan';

/** The floor admins get; `MIN_SYNC_INTERVAL_SECONDS` lowers it for tests, and only then is `seconds` a unit. */
export const DEFAULT_MIN_INTERVAL_SECONDS = 300;
export const MAX_INTERVAL_SECONDS = 30 * 86_400;

export const DEFAULT_AUTO_SYNC: AutoSyncSettings = {
  enabled: false,
  every: 1,
  unit: 'days',
  cron: null,
  mode: null,
  quietWindow: null,
  skipClosures: false,
  inTerm: null,
};

export type AutoSyncLimits = { minIntervalSeconds: number; timeZone: string };

/**
 * A quiet window must leave this much of each day for scheduled runs to start in: a longer one (23:30 to 23:00) would
 * pile every run onto its few open minutes, and one that starts when it ends reads as the whole day.
 */
export const MIN_OPEN_MINUTES_A_DAY = 60;
const MINUTES_A_DAY = 1440;

export function allowedUnits(limits: AutoSyncLimits): AutoSyncUnit[] {
  return AUTO_SYNC_UNITS.filter((unit) => unit !== 'seconds' || limits.minIntervalSeconds < DEFAULT_MIN_INTERVAL_SECONDS);
}

/** "5 minutes", "1 day", "90 seconds": the largest unit that divides the span. */
export function describeSeconds(seconds: number): string {
  const unit = [...AUTO_SYNC_UNITS].reverse().find((candidate) => seconds % AUTO_SYNC_UNIT_SECONDS[candidate] === 0) ?? 'seconds';
  const count = seconds / AUTO_SYNC_UNIT_SECONDS[unit];
  return `${count} ${count === 1 ? unit.slice(0, -1) : unit}`;
}

export function timingOf(settings: AutoSyncSettings): Timing | null {
  if (settings.cron) return { cron: settings.cron };
  if (settings.every !== null && settings.unit !== null) return { intervalSeconds: settings.every * AUTO_SYNC_UNIT_SECONDS[settings.unit] };
  return null;
}

const TIMING_KEYS = ['every', 'unit', 'cron'] as const;

/** The stored settings with the sent keys applied; an interval and a cron expression replace each other. */
export function mergeAutoSync(current: AutoSyncSettings, patch: Partial<AutoSyncSettings>): AutoSyncSettings {
  const sent = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<AutoSyncSettings>;
  const merged = { ...current, ...sent };
  if (sent.cron) return { ...merged, every: null, unit: null };
  if (sent.every !== undefined || sent.unit !== undefined) return { ...merged, cron: null, every: merged.every ?? null, unit: merged.unit ?? null };
  return merged;
}

export function changesTiming(current: AutoSyncSettings, next: AutoSyncSettings): boolean {
  return TIMING_KEYS.some((key) => current[key] !== next[key]) || (next.enabled && !current.enabled);
}

/** The shortest gap between the next fire times of a cron expression: irregular ones (`0,1 2 * * *`) show it too. */
function shortestCronGapSeconds(cron: string, timeZone: string, now: Date): number {
  const times = cronFireTimes(cron, timeZone, now, 25);
  let gap = Infinity;
  for (let i = 1; i < times.length; i += 1) gap = Math.min(gap, (times[i].getTime() - times[i - 1].getTime()) / 1000);
  return gap;
}

export function validateCron(cron: string, limits: AutoSyncLimits, now: Date): FieldIssue[] {
  const { valid, error } = CronTime.validateCronExpression(cron);
  if (!valid) return [{ code: 'cronInvalid', message: `the cron expression is not valid: ${error?.message ?? 'unknown error'}` }];
  if (shortestCronGapSeconds(cron, limits.timeZone, now) < limits.minIntervalSeconds) {
    const message = `the cron expression fires more often than every ${describeSeconds(limits.minIntervalSeconds)}`;
    return [{ code: 'cronTooOften', params: { seconds: limits.minIntervalSeconds }, message }];
  }
  return [];
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A quiet window that leaves scheduled runs no time to start in. The scheduler reads an end before the start as
 * crossing midnight, so a window is as long as from its start to its next end; start == end reads as 24 hours.
 */
export function validateQuietWindow(window: { start: string; end: string }): FieldIssue[] {
  const length = (minutesOf(window.end) - minutesOf(window.start) + MINUTES_A_DAY) % MINUTES_A_DAY || MINUTES_A_DAY;
  if (length <= MINUTES_A_DAY - MIN_OPEN_MINUTES_A_DAY) return [];
  const message = `the quiet window must leave at least ${describeSeconds(MIN_OPEN_MINUTES_A_DAY * 60)} a day for scheduled runs (it ends when it starts or covers nearly the whole day)`;
  return [{ code: 'quietWindowNoTime', params: { seconds: MIN_OPEN_MINUTES_A_DAY * 60 }, message }];
}

/** The interval rules, for the regular interval and the in-term one alike: a unit allowed here, within the floor and the ceiling. */
function intervalIssues(interval: { every: number; unit: AutoSyncUnit }, limits: AutoSyncLimits): { field: 'every' | 'unit'; issue: FieldIssue }[] {
  if (!allowedUnits(limits).includes(interval.unit)) {
    return [{ field: 'unit', issue: { code: 'unit', message: `unit must be one of ${allowedUnits(limits).join(', ')}` } }];
  }
  const seconds = interval.every * AUTO_SYNC_UNIT_SECONDS[interval.unit];
  const issues: { field: 'every' | 'unit'; issue: FieldIssue }[] = [];
  if (seconds < limits.minIntervalSeconds) {
    const message = `the interval must be at least ${describeSeconds(limits.minIntervalSeconds)}`;
    issues.push({ field: 'every', issue: { code: 'intervalTooShort', params: { seconds: limits.minIntervalSeconds }, message } });
  }
  if (seconds > MAX_INTERVAL_SECONDS) {
    const message = `the interval must be at most ${describeSeconds(MAX_INTERVAL_SECONDS)}`;
    issues.push({ field: 'every', issue: { code: 'intervalTooLong', params: { seconds: MAX_INTERVAL_SECONDS }, message } });
  }
  return issues;
}

/**
 * Checks the settings an update would store; errors are keyed like the request's fields (`autoSync.every`).
 * The timing is checked when the schedule is on or the update touches it, so turning off an old schedule
 * always works even after the floor was raised.
 */
export function validateAutoSync(
  patch: Partial<AutoSyncSettings>,
  next: AutoSyncSettings,
  context: { limits: AutoSyncLimits; modes: readonly RunMode[]; now: Date },
): FieldIssues {
  const errors: FieldIssues = {};
  const add = (field: string, code: string, message: string, params?: FieldIssue['params']) =>
    addIssue(errors, `autoSync.${field}`, { code, message, ...(params ? { params } : {}) });
  const { limits } = context;

  if (patch.cron && (patch.every != null || patch.unit != null)) {
    add('cron', 'bothTimings', 'give either an interval (every and unit) or a cron expression, not both');
    return errors;
  }
  const touchesTiming = TIMING_KEYS.some((key) => patch[key] !== undefined);
  if (next.inTerm && (next.enabled || patch.inTerm)) {
    for (const issue of intervalIssues(next.inTerm, limits)) addIssue(errors, `autoSync.inTerm.${issue.field}`, issue.issue);
  }
  if (next.enabled || touchesTiming) {
    if (next.cron) {
      for (const issue of validateCron(next.cron, limits, context.now)) addIssue(errors, 'autoSync.cron', issue);
    } else if (next.every === null || next.unit === null) {
      add('every', 'timingRequired', 'set an interval (every and unit) or a cron expression');
    } else {
      for (const issue of intervalIssues({ every: next.every, unit: next.unit }, limits)) addIssue(errors, `autoSync.${issue.field}`, issue.issue);
    }
  }
  if (next.mode !== null && !context.modes.includes(next.mode)) {
    add('mode', 'mode', context.modes.length ? `mode must be one of ${context.modes.join(', ')}` : 'this source has no modes');
  }
  // Only a window sent is judged: one stored under older rules must not block saving the interval.
  if (patch.quietWindow) {
    for (const issue of validateQuietWindow(patch.quietWindow)) addIssue(errors, 'autoSync.quietWindow.end', issue);
  }
  return errors;
}
