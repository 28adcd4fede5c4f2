import type { StudentCampus, StudentsOptions } from '@hamgam/shared';
import type { OptionsValidation } from '../../sync/source-definition';
import { cleanPersianText, toAsciiDigits } from '../../common/text/clean-text';
import { jalaliYearMonth } from './students.terms';

/** The numeric defaults; the campus list comes with the source definition (seeded from the stand-in's). */
export const STUDENTS_NUMERIC_DEFAULTS = { concurrency: 4, pageSize: 500, requestTimeoutMs: 30_000, maxRetries: 4, retryBaseMs: 500 };

type NumericKey = keyof typeof STUDENTS_NUMERIC_DEFAULTS;
const LIMITS: Record<NumericKey | 'fromYear' | 'toYear', [min: number, max: number]> = {
  concurrency: [1, 16],
  pageSize: [1, 10_000],
  requestTimeoutMs: [1_000, 600_000],
  maxRetries: [0, 10],
  retryBaseMs: [0, 60_000],
  fromYear: [1300, 1500],
  toYear: [1300, 1500],
};
const MAX_CAMPUSES = 1000;
const MAX_YEARS = 30;
// Four years back to the current one: the window the old scripts walked (1400–1404).
const DEFAULT_YEARS_BACK = 4;

export type ResolvedStudentsOptions = Omit<StudentsOptions, 'fromYear' | 'toYear'> & { fromYear: number; toYear: number };

/** What a run uses: every option checked, the years resolved against `now`; a bad stored value falls back with a warning. */
export function readStudentsOptions(raw: Record<string, unknown>, now: Date, warn: (message: string) => void = () => undefined): ResolvedStudentsOptions {
  const numbers = { ...STUDENTS_NUMERIC_DEFAULTS };
  for (const key of Object.keys(STUDENTS_NUMERIC_DEFAULTS) as NumericKey[]) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const error = integerError(raw[key], LIMITS[key]);
    if (error) warn(`option ${key} ${error}; using ${numbers[key]}`);
    else numbers[key] = raw[key] as number;
  }
  const current = jalaliYearMonth(now).year;
  let fromYear = isYear(raw.fromYear) ? raw.fromYear : current - DEFAULT_YEARS_BACK;
  let toYear = isYear(raw.toYear) ? raw.toYear : current;
  if (fromYear > toYear || toYear - fromYear >= MAX_YEARS) {
    warn(`years ${fromYear}–${toYear} are not a valid range; using ${current - DEFAULT_YEARS_BACK}–${current}`);
    [fromYear, toYear] = [current - DEFAULT_YEARS_BACK, current];
  }
  const campuses = readCampuses(raw.campuses);
  if (typeof campuses === 'string') {
    warn(`option campuses ${campuses}; no campus is read`);
    return { ...numbers, campuses: [], fromYear, toYear };
  }
  return { ...numbers, campuses, fromYear, toYear };
}

/** Checks the options an admin sends (only those keys); campus codes and names come back cleaned. */
export function validateStudentsOptions(raw: Record<string, unknown>): OptionsValidation {
  const fields: Record<string, string[]> = {};
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'campuses') {
      const campuses = readCampuses(value);
      if (typeof campuses === 'string') fields.campuses = [`campuses ${campuses}`];
      else options.campuses = campuses;
    } else if (key === 'fromYear' || key === 'toYear') {
      const error = value === null ? null : integerError(value, LIMITS[key]);
      if (error) fields[key] = [`${key} ${error}, or null for the default`];
      else options[key] = value;
    } else if (key in STUDENTS_NUMERIC_DEFAULTS) {
      const error = integerError(value, LIMITS[key as NumericKey]);
      if (error) fields[key] = [`${key} ${error}`];
      else options[key] = value;
    } else {
      fields[key] = [`${key} is not an option of this source`];
    }
  }
  const { fromYear, toYear } = options as { fromYear?: number | null; toYear?: number | null };
  if (typeof fromYear === 'number' && typeof toYear === 'number' && (fromYear > toYear || toYear - fromYear >= MAX_YEARS)) {
    fields.toYear = [`toYear must be from fromYear to ${MAX_YEARS - 1} years after it`];
  }
  return Object.keys(fields).length > 0 ? { ok: false, fields } : { ok: true, options };
}

function readCampuses(value: unknown): StudentCampus[] | string {
  if (!Array.isArray(value) || value.length > MAX_CAMPUSES) return `must be a list of at most ${MAX_CAMPUSES} {code, name}`;
  const campuses: StudentCampus[] = [];
  for (const [index, item] of value.entries()) {
    const { code, name } = (typeof item === 'object' && item !== null ? item : {}) as { code?: unknown; name?: unknown };
    const cleanCode = typeof code === 'string' || typeof code === 'number' ? toAsciiDigits(String(code)).trim() : '';
    if (!/^\d{1,10}$/.test(cleanCode)) return `item ${index + 1}: the code must be 1–10 digits`;
    if (typeof name !== 'string' || cleanPersianText(name) === '' || name.length > 200) return `item ${index + 1}: the name must be 1–200 characters`;
    if (campuses.some((campus) => campus.code === cleanCode)) return `item ${index + 1}: code ${cleanCode} is listed twice`;
    campuses.push({ code: cleanCode, name: cleanPersianText(name) });
  }
  return campuses;
}

function integerError(value: unknown, [min, max]: [number, number]): string | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : `must be a whole number from ${min} to ${max}`;
}

function isYear(value: unknown): value is number {
  return integerError(value, LIMITS.fromYear) === null;
}
