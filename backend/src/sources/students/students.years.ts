import type { StudentsOptions } from '@hamgam/shared';
import { jalaliYearMonth } from './students.terms';

// Zod-free, for the worker: the declaration (`students.options.ts`) has read each option before the run; what is
// left is the year range, resolved against the run's own clock.

export const MAX_YEARS = 30;
// Four years back to the current one: the window the old scripts walked (1400–1404).
const DEFAULT_YEARS_BACK = 4;

/** The options as the declaration reads them: years absent or null mean four years back to the current one. */
export type DeclaredStudentsOptions = Omit<StudentsOptions, 'fromYear' | 'toYear'> & { fromYear?: number | null; toYear?: number | null };

export type ResolvedStudentsOptions = Omit<StudentsOptions, 'fromYear' | 'toYear'> & { fromYear: number; toYear: number };

/** The years resolved against `now`; a range stored under older rules falls back to the default one with a warning. */
export function resolveStudentsYears(read: DeclaredStudentsOptions, now: Date, warn: (message: string) => void = () => undefined): ResolvedStudentsOptions {
  const current = jalaliYearMonth(now).year;
  let fromYear = read.fromYear ?? current - DEFAULT_YEARS_BACK;
  let toYear = read.toYear ?? current;
  if (fromYear > toYear || toYear - fromYear >= MAX_YEARS) {
    warn(`years ${fromYear}–${toYear} are not a valid range; using ${current - DEFAULT_YEARS_BACK}–${current}`);
    [fromYear, toYear] = [current - DEFAULT_YEARS_BACK, current];
  }
  return { ...read, campuses: read.campuses ?? [], fromYear, toYear };
}
