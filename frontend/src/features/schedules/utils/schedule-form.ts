import type { AutoSyncSettings, AutoSyncUnit, RunMode, Source, UpdateSourceRequest, Weekday } from '@hamgam/shared';
import type { FieldErrors } from '../../../lib/api-client';
import { localizeDigits, toAsciiDigits } from '../../../lib/format';

export type ScheduleKind = 'interval' | 'cron';

/** What the settings dialog edits, as the inputs hold it (strings for number fields). */
export type ScheduleFormValues = {
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
};

// Iran's working week, Saturday to Wednesday: the gateway's busy days.
const DEFAULT_QUIET_DAYS: Weekday[] = [6, 0, 1, 2, 3];

/** The form as it opens, numbers written with the language's digits (the inputs accept either kind). */
export function toFormValues(source: Source, lng: string): ScheduleFormValues {
  const { autoSync } = source;
  const digits = (text: string) => localizeDigits(text, lng);
  return {
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
  };
}

const toNumber = (text: string) => Number(toAsciiDigits(text.trim()));

/** Codes of the errors the form finds itself, by field: only the time limit; the rest is the server's to judge. */
export function checkForm(values: ScheduleFormValues): FieldErrors {
  const minutes = toNumber(values.timeoutMinutes);
  return Number.isInteger(minutes) && minutes >= 1 ? {} : { timeoutSeconds: ['timeoutMinutes'] };
}

/** The PATCH body: the schedule as edited, and the time limit only when it was changed. */
export function toUpdateRequest(
  values: ScheduleFormValues,
  initial: ScheduleFormValues,
  source: Source,
): Pick<UpdateSourceRequest, 'autoSync' | 'timeoutSeconds'> {
  const timing: Partial<AutoSyncSettings> =
    values.kind === 'cron' ? { cron: values.cron.trim() } : { every: values.every.trim() === '' ? null : toNumber(values.every), unit: values.unit };
  const autoSync: Partial<AutoSyncSettings> = {
    ...timing,
    quietWindow: values.hasQuietWindow
      ? { start: toAsciiDigits(values.quietStart.trim()), end: toAsciiDigits(values.quietEnd.trim()), days: values.quietDays }
      : null,
    ...(source.modes.length > 0 ? { mode: values.mode === '' ? null : values.mode } : {}),
  };
  const isTimeoutChanged = values.timeoutMinutes !== initial.timeoutMinutes;
  return { autoSync, ...(isTimeoutChanged ? { timeoutSeconds: toNumber(values.timeoutMinutes) * 60 } : {}) };
}
