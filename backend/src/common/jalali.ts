// The Jalali (Solar Hijri) calendar as ICU's arithmetic Persian calendar computes it (the 33-year cycle), also
// what `sources/students/students.terms.ts` reads the current term with; the spec checks it against
// Intl's `persian` calendar day by day. Days are counted from 1970-01-01 (day 0), so a day converts to and from
// a Gregorian date with plain UTC arithmetic.

export type JalaliDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
// 1 Farvardin of year 1 as days from 1970-01-01 (Julian day 1,948,320 minus the Unix epoch's 2,440,588).
const FARVARDIN_1_OF_YEAR_1 = 1_948_320 - 2_440_588;

/** The years a calendar may name: wide enough for any academic calendar, narrow enough to refuse typos. */
export const JALALI_MIN_YEAR = 1300;
export const JALALI_MAX_YEAR = 1499;

function firstDayOfYear(year: number): number {
  return FARVARDIN_1_OF_YEAR_1 + 365 * (year - 1) + Math.floor((8 * year + 21) / 33);
}

/** A leap year has 366 days: Esfand has 30 instead of 29. */
export function isJalaliLeapYear(year: number): boolean {
  return firstDayOfYear(year + 1) - firstDayOfYear(year) === 366;
}

/** Farvardin to Shahrivar have 31 days, Mehr to Bahman 30, Esfand 29 (30 in a leap year). */
export function jalaliMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isJalaliLeapYear(year) ? 30 : 29;
}

export function isValidJalaliDate({ year, month, day }: JalaliDate): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= jalaliMonthLength(year, month)
  );
}

/** `1405-09-15` → its parts; null when the text is not in that shape (the date itself is not checked). */
export function parseJalaliText(text: string): JalaliDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

export function formatJalali({ year, month, day }: JalaliDate): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day number (days since 1970-01-01) of a valid Jalali date. */
export function jalaliToDayNumber({ year, month, day }: JalaliDate): number {
  const dayOfYear = month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  return firstDayOfYear(year) + dayOfYear + day - 1;
}

export function dayNumberToJalali(dayNumber: number): JalaliDate {
  const days = dayNumber - FARVARDIN_1_OF_YEAR_1;
  const year = 1 + Math.floor((33 * days + 3) / 12_053);
  const dayOfYear = dayNumber - firstDayOfYear(year);
  const month = dayOfYear < 186 ? 1 + Math.floor(dayOfYear / 31) : 7 + Math.floor((dayOfYear - 186) / 30);
  const day = 1 + (dayOfYear < 186 ? dayOfYear % 31 : (dayOfYear - 186) % 30);
  return { year, month, day };
}

/** The day number of a Gregorian date (month 1–12). */
export function gregorianToDayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function dayNumberToGregorian(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function jalaliToGregorian(date: JalaliDate): { year: number; month: number; day: number } {
  return dayNumberToGregorian(jalaliToDayNumber(date));
}

export function gregorianToJalali(year: number, month: number, day: number): JalaliDate {
  return dayNumberToJalali(gregorianToDayNumber(year, month, day));
}
