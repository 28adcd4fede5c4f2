import {
  AUTO_SYNC_UNIT_SECONDS,
  type AutoSyncSettings,
  type AutoSyncUnit,
  type FieldProblem,
  type RunMode,
  type Source,
  type UpdateSourceRequest,
  type Weekday,
} from '@hamgam/shared';
import { localizeDigits, toAsciiDigits } from '../../../lib/format';
import type { SchedulePreviewQuery } from '../api/get-schedule-preview';

export type ScheduleKind = 'interval' | 'cron';

/** What the schedule tab edits, as the inputs hold it (strings for number fields). */
export type ScheduleFormValues = {
  enabled: boolean;
  kind: ScheduleKind;
  every: string;
  unit: AutoSyncUnit;
  cron: string;
  mode: RunMode | '';
  hasQuietWindow: boolean;
  quietStart: string;
  quietEnd: string;
  quietDays: Weekday[];
  timeoutMinutes: string;
  /** Hours a successful run stays fresh; empty derives it from the schedule. */
  freshHours: string;
  /** Runs due on a closure of the academic calendar wait for the midnight after it. */
  skipClosures: boolean;
  /** Another interval inside the calendar's terms. */
  hasInTerm: boolean;
  inTermEvery: string;
  inTermUnit: AutoSyncUnit;
};

/** Problems the form finds itself, keyed by the server's field paths, as codes `problemText` says. */
export type FormProblems = Record<string, FieldProblem[]>;

// Iran's working week, Saturday to Wednesday: the gateway's busy days.
const DEFAULT_QUIET_DAYS: Weekday[] = [6, 0, 1, 2, 3];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const MINUTES_A_DAY = 1440;
/** The server's rule (`MIN_OPEN_MINUTES_A_DAY`): a quiet window leaves an hour a day for scheduled runs. */
export const MIN_OPEN_MINUTES_A_DAY = 60;
const MAX_FRESH_HOURS = 365 * 24;

/** The form as it opens, numbers written with the language's digits (the inputs accept either kind). */
export function toFormValues(source: Source, lng: string): ScheduleFormValues {
  const { autoSync } = source;
  const digits = (text: string) => localizeDigits(text, lng);
  const maxAge = source.freshness.maxAgeSeconds;
  return {
    enabled: autoSync.enabled,
    kind: autoSync.cron ? 'cron' : 'interval',
    every: digits(String(autoSync.every ?? 1)),
    unit: autoSync.unit ?? 'days',
    cron: autoSync.cron ?? '',
    mode: autoSync.mode ?? '',
    hasQuietWindow: autoSync.quietWindow !== null,
    quietStart: digits(autoSync.quietWindow?.start ?? '08:00'),
    quietEnd: digits(autoSync.quietWindow?.end ?? '14:00'),
    quietDays: autoSync.quietWindow?.days ?? DEFAULT_QUIET_DAYS,
    timeoutMinutes: digits(String(Math.ceil(source.timeoutSeconds / 60))),
    freshHours: maxAge === null ? '' : digits(String(Math.round((maxAge / 3600) * 100) / 100)),
    skipClosures: autoSync.skipClosures,
    hasInTerm: autoSync.inTerm !== null,
    inTermEvery: digits(String(autoSync.inTerm?.every ?? 1)),
    inTermUnit: autoSync.inTerm?.unit ?? 'hours',
  };
}

const toNumber = (text: string) => Number(toAsciiDigits(text.trim()));
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes from the window's start to its end; an end before the start crosses midnight, an end at the start is a day. */
export function quietWindowMinutes(start: string, end: string): number {
  return (minutesOf(end) - minutesOf(start) + MINUTES_A_DAY) % MINUTES_A_DAY || MINUTES_A_DAY;
}

/**
 * What the form can tell before sending, by the server's field paths: a time that is not HH:MM, a quiet window
 * leaving under an hour a day, an interval that is not a whole number or under the server's floor, the time limit
 * and the max age. The server still decides.
 */
export function checkForm(values: ScheduleFormValues, minIntervalSeconds?: number): FormProblems {
  const problems: FormProblems = {};
  const add = (field: string, problem: FieldProblem) => (problems[field] ??= []).push(problem);
  if (values.kind === 'interval') {
    const every = toNumber(values.every);
    if (!Number.isInteger(every) || every < 1) add('autoSync.every', { code: 'wholeNumber' });
    else if (minIntervalSeconds !== undefined && every * AUTO_SYNC_UNIT_SECONDS[values.unit] < minIntervalSeconds) {
      add('autoSync.every', { code: 'intervalTooShort', params: { seconds: minIntervalSeconds } });
    }
  }
  if (values.hasInTerm) {
    const every = toNumber(values.inTermEvery);
    if (!Number.isInteger(every) || every < 1) add('autoSync.inTerm.every', { code: 'wholeNumber' });
    else if (minIntervalSeconds !== undefined && every * AUTO_SYNC_UNIT_SECONDS[values.inTermUnit] < minIntervalSeconds) {
      add('autoSync.inTerm.every', { code: 'intervalTooShort', params: { seconds: minIntervalSeconds } });
    }
  }
  if (values.hasQuietWindow) {
    const [start, end] = [toAsciiDigits(values.quietStart.trim()), toAsciiDigits(values.quietEnd.trim())];
    if (!HH_MM.test(start)) add('autoSync.quietWindow.start', { code: 'time' });
    if (!HH_MM.test(end)) add('autoSync.quietWindow.end', { code: 'time' });
    else if (HH_MM.test(start) && quietWindowMinutes(start, end) > MINUTES_A_DAY - MIN_OPEN_MINUTES_A_DAY) {
      add('autoSync.quietWindow.end', { code: 'quietWindowNoTime', params: { seconds: MIN_OPEN_MINUTES_A_DAY * 60 } });
    }
    if (values.quietDays.length === 0) add('autoSync.quietWindow.days', { code: 'noDays' });
  }
  const minutes = toNumber(values.timeoutMinutes);
  if (!Number.isInteger(minutes) || minutes < 1) add('timeoutSeconds', { code: 'timeoutMinutes' });
  if (values.freshHours.trim() !== '') {
    const hours = toNumber(values.freshHours);
    if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_FRESH_HOURS)
      add('freshness.maxAgeSeconds', { code: 'freshHours', params: { max: MAX_FRESH_HOURS } });
  }
  return problems;
}

const inTermOf = (values: ScheduleFormValues) => (values.hasInTerm ? { every: toNumber(values.inTermEvery), unit: values.inTermUnit } : null);

/**
 * The PATCH body: the switch and the schedule as edited; the calendar's part, the time limit and the max age only
 * when changed.
 */
export function toUpdateRequest(
  values: ScheduleFormValues,
  initial: ScheduleFormValues,
  source: Source,
): Pick<UpdateSourceRequest, 'autoSync' | 'timeoutSeconds' | 'freshness'> {
  const timing: Partial<AutoSyncSettings> =
    values.kind === 'cron' ? { cron: values.cron.trim() } : { every: values.every.trim() === '' ? null : toNumber(values.every), unit: values.unit };
  const autoSync: Partial<AutoSyncSettings> = {
    ...(values.enabled !== initial.enabled ? { enabled: values.enabled } : {}),
    ...timing,
    quietWindow: values.hasQuietWindow
      ? { start: toAsciiDigits(values.quietStart.trim()), end: toAsciiDigits(values.quietEnd.trim()), days: values.quietDays }
      : null,
    ...(source.modes.length > 0 ? { mode: values.mode === '' ? null : values.mode } : {}),
    ...(values.skipClosures !== initial.skipClosures ? { skipClosures: values.skipClosures } : {}),
    ...(JSON.stringify(inTermOf(values)) !== JSON.stringify(inTermOf(initial)) ? { inTerm: inTermOf(values) } : {}),
  };
  const isTimeoutChanged = values.timeoutMinutes !== initial.timeoutMinutes;
  const isFreshChanged = values.freshHours.trim() !== initial.freshHours.trim();
  const fresh = values.freshHours.trim() === '' ? null : Math.max(1, Math.round(toNumber(values.freshHours) * 3600));
  return {
    autoSync,
    ...(isTimeoutChanged ? { timeoutSeconds: toNumber(values.timeoutMinutes) * 60 } : {}),
    ...(isFreshChanged ? { freshness: { maxAgeSeconds: fresh } } : {}),
  };
}

/** Whether the form differs from what it opened with (what "discard unsaved changes?" asks about). */
export function isFormChanged(values: ScheduleFormValues, initial: ScheduleFormValues): boolean {
  return JSON.stringify(values) !== JSON.stringify(initial);
}

/**
 * What the preview asks the server about: the timing being typed, the quiet window and the calendar's part; null while the form cannot
 * be previewed yet (no expression, an interval or a time that does not read, a window leaving no time).
 */
export function toPreviewQuery(values: ScheduleFormValues): SchedulePreviewQuery | null {
  const query: SchedulePreviewQuery = {};
  if (values.kind === 'cron') {
    if (values.cron.trim() === '') return null;
    query.cron = values.cron.trim();
  } else {
    const every = toNumber(values.every);
    if (!Number.isInteger(every) || every < 1) return null;
    Object.assign(query, { every, unit: values.unit });
  }
  if (values.hasQuietWindow) {
    const [start, end] = [toAsciiDigits(values.quietStart.trim()), toAsciiDigits(values.quietEnd.trim())];
    if (!HH_MM.test(start) || !HH_MM.test(end) || values.quietDays.length === 0) return null;
    // The form says why under the window itself; the preview waits rather than repeat it.
    if (quietWindowMinutes(start, end) > MINUTES_A_DAY - MIN_OPEN_MINUTES_A_DAY) return null;
    Object.assign(query, { quietStart: start, quietEnd: end, quietDays: [...values.quietDays].sort().join(',') });
  }
  if (values.skipClosures) query.skipClosures = 'true';
  if (values.hasInTerm) {
    const every = toNumber(values.inTermEvery);
    if (!Number.isInteger(every) || every < 1) return null;
    Object.assign(query, { inTermEvery: every, inTermUnit: values.inTermUnit });
  }
  return query;
}
