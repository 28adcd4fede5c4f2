// Term codes are the last three digits of the Jalali (academic) year followed by the term: 1 autumn, 2 spring,
// 3 summer. Academic year Y runs from Mehr of Y to Shahrivar of Y+1, so spring and summer terms of year Y fall
// in calendar year Y+1.

import { dayNumberToJalali } from '../../common/jalali';

// The current date in Tehran, computed without Intl: the first Intl formatter a process creates loads ICU's data
// (+9.6 MB RSS in a worker that needs nothing else of it; docs/benchmarks.md). Iran keeps UTC+03:30 all year since
// September 2022 (tzdata 2022b); the Jalali date is common/jalali.ts's, ICU's own arithmetic Persian calendar. The
// spec checks both against Intl with Asia/Tehran, around each midnight from 2023 to 2123.
const TEHRAN_OFFSET_MS = (3 * 60 + 30) * 60_000;
const DAY_MS = 86_400_000;

/** The Jalali calendar year and month (1–12) at `now`, in Tehran (any instant since 2022-09-22, Iran's last change of time). */
export function jalaliYearMonth(now: Date): { year: number; month: number } {
  const { year, month } = dayNumberToJalali(Math.floor((now.getTime() + TEHRAN_OFFSET_MS) / DAY_MS));
  return { year, month };
}

export function termCode(year: number, termNumber: number): string {
  return `${String(year % 1000).padStart(3, '0')}${termNumber}`;
}

/** Every term of the years from `fromYear` to `toYear`, oldest first. */
export function termCodes(fromYear: number, toYear: number): string[] {
  const codes: string[] = [];
  for (let year = fromYear; year <= toYear; year += 1) for (const term of [1, 2, 3]) codes.push(termCode(year, term));
  return codes;
}

/** The term in session at `now`: term 1 from Mehr to Dey, 2 from Bahman to Khordad, 3 from Tir to Shahrivar. */
export function currentTerm(now: Date): string {
  const { year, month } = jalaliYearMonth(now);
  if (month >= 7 && month <= 10) return termCode(year, 1);
  if (month >= 11) return termCode(year, 2);
  return month <= 3 ? termCode(year - 1, 2) : termCode(year - 1, 3);
}

export function previousTerm(code: string): string {
  const year = 1000 + Number(code.slice(0, 3));
  const term = Number(code[3]);
  return term === 1 ? termCode(year - 1, 3) : termCode(year, term - 1);
}

/** What a `recent` run reads: the current and the previous term. */
export function recentTerms(now: Date): string[] {
  const current = currentTerm(now);
  return [previousTerm(current), current];
}
