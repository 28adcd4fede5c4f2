import dayjs from 'dayjs';
import jalaliday from 'jalaliday/dayjs';
import type { AcademicCalendarInput, CalendarErrorCode, CalendarPeriod } from '@hamgam/shared';
import { localizeDigits, toAsciiDigits } from '../../../lib/format';

dayjs.extend(jalaliday);

export const PERIOD_LISTS = ['terms', 'closures'] as const;
export type PeriodList = (typeof PERIOD_LISTS)[number];

/** A row as typed: dates in the reader's digits (`۱۴۰۵/۰۹/۱۵`); `key` keeps React's rows apart. */
export type PeriodRow = { key: string; name: string; start: string; end: string };
export type CalendarRows = Record<PeriodList, PeriodRow[]>;

/** Field errors keyed as the server keys them (`terms[1].end`), each a code or, failing one, a message. */
export type CalendarErrors = Record<string, string[]>;

let nextKey = 0;
export function newRow(period: Omit<PeriodRow, 'key'> = { name: '', start: '', end: '' }): PeriodRow {
  nextKey += 1;
  return { key: `row-${nextKey}`, ...period };
}

/** `1405-09-15` as the reader writes it: `۱۴۰۵/۰۹/۱۵` in fa, `1405/09/15` in en. */
export function displayDate(jalali: string, lng: string): string {
  return localizeDigits(jalali.replaceAll('-', '/'), lng);
}

export function toRows(calendar: AcademicCalendarInput, lng: string): CalendarRows {
  const rows = (periods: CalendarPeriod[]) => periods.map((p) => newRow({ name: p.name, start: displayDate(p.start, lng), end: displayDate(p.end, lng) }));
  return { terms: rows(calendar.terms), closures: rows(calendar.closures) };
}

/**
 * A typed Jalali date as the API takes it (`1405-09-15`): Persian or Arabic digits, `/`, `-` or `.` between the
 * parts, one-digit months and days. Null when the text is not shaped like a date.
 */
export function normalizeJalali(text: string): string | null {
  const match = /^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$/.exec(toAsciiDigits(text.trim()));
  return match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : null;
}

/** Whether a `YYYY-MM-DD` Jalali date is a real day (Esfand 30 only in leap years): it must read back the same. */
export function isRealJalaliDate(jalali: string): boolean {
  const date = dayjs(jalali, { jalali: true });
  return date.isValid() && date.calendar('jalali').format('YYYY-MM-DD') === jalali;
}

/** The Gregorian day of a valid Jalali date, for the English hint (`2026-12-06`). */
export function gregorianOf(jalali: string): string {
  return dayjs(jalali, { jalali: true }).calendar('gregory').format('YYYY-MM-DD');
}

export function toInput(rows: CalendarRows): AcademicCalendarInput {
  const periods = (list: PeriodRow[]) =>
    list.map((row) => ({ name: row.name.trim(), start: normalizeJalali(row.start) ?? row.start, end: normalizeJalali(row.end) ?? row.end }));
  return { terms: periods(rows.terms), closures: periods(rows.closures) };
}

/** The form's own checks, for a quicker answer than the server's (which decides, overlapping terms included). */
export function checkRows(rows: CalendarRows): CalendarErrors {
  const errors: CalendarErrors = {};
  const add = (field: string, code: CalendarErrorCode) => (errors[field] ??= []).push(code);
  for (const list of PERIOD_LISTS) {
    rows[list].forEach((row, index) => {
      const at = `${list}[${index}]`;
      if (!row.name.trim()) add(`${at}.name`, 'name_required');
      const dates = (['start', 'end'] as const).map((part) => {
        const value = normalizeJalali(row[part]);
        if (value === null) add(`${at}.${part}`, 'date_format');
        else if (!isRealJalaliDate(value)) add(`${at}.${part}`, 'date_invalid');
        else return value;
        return null;
      });
      if (dates[0] && dates[1] && dates[0] > dates[1]) add(`${at}.end`, 'start_after_end');
    });
  }
  return errors;
}
