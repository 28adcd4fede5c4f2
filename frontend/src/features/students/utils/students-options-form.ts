import type { StudentCampus } from '@hamgam/shared';
import { localizeDigits, toAsciiDigits } from '../../../lib/format';

/** What the campuses-and-years form edits: the campus list as text, one campus per line, and the year range. */
export type StudentsOptionsFormValues = { campuses: string; fromYear: string; toYear: string };

export type StudentsOptionsUpdate = { campuses: StudentCampus[]; fromYear: number | null; toYear: number | null };

/** A problem the form finds itself, translated under `options.errors.<code>` with the line number. */
export type CampusLineProblem = { line: number; code: 'noName' | 'badCode' | 'duplicate' };

export function toStudentsOptionsFormValues(options: Record<string, unknown>, lng: string): StudentsOptionsFormValues {
  const campuses = Array.isArray(options.campuses) ? (options.campuses as StudentCampus[]) : [];
  const year = (value: unknown) => (typeof value === 'number' ? localizeDigits(String(value), lng) : '');
  return {
    campuses: campuses.map((campus) => `${localizeDigits(campus.code, lng)} ${campus.name}`).join('\n'),
    fromYear: year(options.fromYear),
    toYear: year(options.toYear),
  };
}

/**
 * One campus per line: its code, then its name, split at the first space, tab or comma, so a list pasted from a
 * spreadsheet (two columns) reads as typed. Blank lines are skipped.
 */
export function parseCampusLines(text: string): { campuses: StudentCampus[]; problems: CampusLineProblem[] } {
  const campuses: StudentCampus[] = [];
  const problems: CampusLineProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const match = /^(\S+?)[\s,،]+(.+)$/.exec(line);
    if (!match) {
      problems.push({ line: index + 1, code: 'noName' });
      return;
    }
    const code = toAsciiDigits(match[1]);
    if (!/^\d{1,10}$/.test(code)) problems.push({ line: index + 1, code: 'badCode' });
    else if (campuses.some((campus) => campus.code === code)) problems.push({ line: index + 1, code: 'duplicate' });
    else campuses.push({ code, name: match[2].trim() });
  });
  return { campuses, problems };
}

/** The year as a number, null for the default when empty, NaN when not a whole number (the server explains). */
export function parseYear(text: string): number | null {
  const trimmed = toAsciiDigits(text.trim());
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
