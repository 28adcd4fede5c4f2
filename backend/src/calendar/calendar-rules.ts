import type { AcademicCalendarInput, CalendarErrorCode, CalendarPeriod } from '@hamgam/shared';
import { JALALI_MAX_YEAR, JALALI_MIN_YEAR, formatJalali, isValidJalaliDate, jalaliToDayNumber, parseJalaliText } from '../common/jalali';

export const MAX_TERMS = 100;
export const MAX_CLOSURES = 300;
export const MAX_NAME_LENGTH = 100;

export type CalendarFieldErrors = Record<string, CalendarErrorCode[]>;

const MESSAGES: Record<CalendarErrorCode, string> = {
  list: 'must be a list',
  too_many: 'has too many items',
  item: 'must be an object with name, start and end',
  name_required: 'must not be empty',
  name_too_long: `must be at most ${MAX_NAME_LENGTH} characters`,
  date_format: 'must be a Jalali date written YYYY-MM-DD',
  date_invalid: 'is not a day of the Jalali calendar',
  date_range: `must be in the years ${JALALI_MIN_YEAR}–${JALALI_MAX_YEAR}`,
  start_after_end: 'must not be before start',
  terms_overlap: 'overlaps another term',
};

/** "terms[1].end: must not be before start; …" for the error's `message`. */
export function describeCalendarErrors(errors: CalendarFieldErrors): string {
  return Object.entries(errors)
    .map(([field, codes]) => `${field}: ${codes.map((code) => MESSAGES[code]).join(', ')}`)
    .join('; ');
}

type Checked = { period: CalendarPeriod; startDay: number; endDay: number; index: number };

function checkDate(value: unknown, field: string, add: (field: string, code: CalendarErrorCode) => void): number | null {
  const parsed = typeof value === 'string' ? parseJalaliText(value) : null;
  if (!parsed) return (add(field, 'date_format'), null);
  if (parsed.year < JALALI_MIN_YEAR || parsed.year > JALALI_MAX_YEAR) return (add(field, 'date_range'), null);
  if (!isValidJalaliDate(parsed)) return (add(field, 'date_invalid'), null);
  return jalaliToDayNumber(parsed);
}

function checkList(value: unknown, key: 'terms' | 'closures', max: number, add: (field: string, code: CalendarErrorCode) => void): Checked[] {
  if (!Array.isArray(value)) return (add(key, 'list'), []);
  if (value.length > max) return (add(key, 'too_many'), []);
  const checked: Checked[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${key}[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return add(at, 'item');
    const { name, start, end } = item as Record<string, unknown>;
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (!trimmed) add(`${at}.name`, 'name_required');
    else if (trimmed.length > MAX_NAME_LENGTH) add(`${at}.name`, 'name_too_long');
    const startDay = checkDate(start, `${at}.start`, add);
    const endDay = checkDate(end, `${at}.end`, add);
    if (startDay !== null && endDay !== null && startDay > endDay) add(`${at}.end`, 'start_after_end');
    if (startDay === null || endDay === null) return;
    checked.push({ period: { name: trimmed, start: start as string, end: end as string }, startDay, endDay, index });
  });
  return checked;
}

/**
 * Checks a calendar as sent: every period named, real Jalali days, start ≤ end, no two terms sharing a day
 * (the one starting later is named). Errors are keyed `terms[1].end` by the index sent; the calendar comes back with
 * trimmed names, each list in order of its start.
 */
export function validateCalendar(body: { terms?: unknown; closures?: unknown }): { calendar: AcademicCalendarInput; errors: CalendarFieldErrors } {
  const errors: CalendarFieldErrors = {};
  const add = (field: string, code: CalendarErrorCode) => {
    const codes = (errors[field] ??= []);
    if (!codes.includes(code)) codes.push(code);
  };
  const byStart = (a: Checked, b: Checked) => a.startDay - b.startDay || a.endDay - b.endDay || a.index - b.index;
  const terms = checkList(body.terms, 'terms', MAX_TERMS, add).sort(byStart);
  const closures = checkList(body.closures, 'closures', MAX_CLOSURES, add).sort(byStart);
  let latest: Checked | null = null;
  for (const term of terms) {
    if (latest && term.startDay <= latest.endDay) add(`terms[${term.index}].start`, 'terms_overlap');
    if (!latest || term.endDay > latest.endDay) latest = term;
  }
  return { calendar: { terms: terms.map((t) => t.period), closures: closures.map((c) => c.period) }, errors };
}

const FIXED_HOLIDAYS: { name: string; start: [number, number]; end: [number, number] }[] = [
  { name: 'نوروز', start: [1, 1], end: [1, 4] },
  { name: 'روز جمهوری اسلامی و روز طبیعت', start: [1, 12], end: [1, 13] },
  { name: 'رحلت امام خمینی و قیام ۱۵ خرداد', start: [3, 14], end: [3, 15] },
  { name: 'پیروزی انقلاب اسلامی', start: [11, 22], end: [11, 22] },
  { name: 'ملی شدن صنعت نفت', start: [12, 29], end: [12, 29] },
];

/** The official holidays of a Jalali year that fall on fixed Jalali dates; the lunar ones move and are the admin's to add. */
export function fixedOfficialHolidays(year: number): CalendarPeriod[] {
  return FIXED_HOLIDAYS.map(({ name, start, end }) => ({
    name,
    start: formatJalali({ year, month: start[0], day: start[1] }),
    end: formatJalali({ year, month: end[0], day: end[1] }),
  }));
}
