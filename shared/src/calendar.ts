import type { AutoSyncUnit } from './sync';

/** A named span of whole days in the university's calendar, both ends included. */
export type CalendarPeriod = {
  name: string;
  /** Jalali date `YYYY-MM-DD` (`1405-09-15`), the first day. */
  start: string;
  /** Jalali date `YYYY-MM-DD`, the last day (the same as `start` for a one-day closure). */
  end: string;
};

/** The body of `PUT /api/calendar`: teaching terms (never overlapping) and closures (holidays, may overlap). */
export type AcademicCalendarInput = { terms: CalendarPeriod[]; closures: CalendarPeriod[] };

/** `GET /api/calendar`. */
export type AcademicCalendar = AcademicCalendarInput & {
  /**
   * False for a calendar never saved: its closures are then the fixed-date official holidays of
   * `prefilledYear`, for an admin to complete with the lunar ones and save.
   */
  isSaved: boolean;
  /** The Jalali year the unsaved calendar was filled for; null once saved. */
  prefilledYear: number | null;
  /** ISO-8601; null when never saved. */
  updatedAt: string | null;
  updatedBy: string | null;
};

/**
 * Codes a refused `PUT /api/calendar` gives per field (`terms[1].end` → `['start_after_end']`); the UI translates
 * them. `list` = not a list, `item` = not an object, `date_format` = not `YYYY-MM-DD`, `date_invalid` = no such
 * Jalali day (Esfand 30 of a common year), `date_range` = outside the years the calendar takes.
 */
export const CALENDAR_ERROR_CODES = [
  'list',
  'too_many',
  'item',
  'name_required',
  'name_too_long',
  'date_format',
  'date_invalid',
  'date_range',
  'start_after_end',
  'terms_overlap',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

/** What a schedule asks of the calendar: skip closures, and optionally another interval inside terms. */
export type CalendarScheduleRule = {
  skipClosures: boolean;
  inTerm: { every: number; unit: AutoSyncUnit } | null;
};
