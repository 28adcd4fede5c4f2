import type Database from 'better-sqlite3';
import type { MoodleUserMatch } from '@hamgam/shared';
import { normalizeNationalCode } from '../../common/national-code';
import { toAsciiDigits } from '../../common/text/clean-text';

export type TermSource = 'shortname' | 'idnumber' | 'startdate';
export type CourseTerm = { code: string; source: TermSource };

const JALALI = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { timeZone: 'Asia/Tehran', year: 'numeric', month: 'numeric' });
// A Golestan term code: the Jalali year's last three digits and the term (1 autumn, 2 spring, 3 summer).
const TERM_IN_TEXT = /(?<!\d)(3[89]\d|4[0-2]\d)([123])(?!\d)/;

/** The Jalali year and month (1–12) of a Unix time, in Tehran. */
export function jalaliYearMonth(unixSeconds: number): { year: number; month: number } {
  const parts = JALALI.formatToParts(new Date(unixSeconds * 1000));
  return { year: Number(parts.find((p) => p.type === 'year')!.value), month: Number(parts.find((p) => p.type === 'month')!.value) };
}

/**
 * The term a start date falls in. The academic year is named after the Jalali year it starts in: term 1
 * starts in Shahrivar–Dey, term 2 in Bahman–Khordad (the spring half belongs to the previous year's
 * name), and the summer term 3 in Tir–Mordad.
 */
export function termOfDate(unixSeconds: number): string {
  const { year, month } = jalaliYearMonth(unixSeconds);
  const [academicYear, term] = month >= 6 && month <= 10 ? [year, 1] : month >= 11 ? [year, 2] : month <= 3 ? [year - 1, 2] : [year - 1, 3];
  return `${String(academicYear % 1000).padStart(3, '0')}${term}`;
}

/** A term code written in a course's short name or idnumber (`CE101-4031`), else its start date's term. */
export function courseTerm(course: { shortname: string; idnumber: string | null; startDate: number | null }): CourseTerm | null {
  for (const source of ['shortname', 'idnumber'] as const) {
    const match = TERM_IN_TEXT.exec(toAsciiDigits(course[source] ?? ''));
    if (match) return { code: match[1] + match[2], source };
  }
  return course.startDate === null ? null : { code: termOfDate(course.startDate), source: 'startdate' };
}

export type UserMatch = { kind: MoodleUserMatch; key: string | null };

const TEACHING_ROLES = ['editingteacher', 'teacher', 'manager', 'coursecreator'];

/**
 * Matches Moodle users to the university's own people: a student when the idnumber or user name is a
 * student number, a faculty member when it is a national code. Students are read only when another
 * connector has created the `students` table; the check runs once, at the start of classification.
 */
export class UserMatcher {
  private readonly studentLookup: Database.Statement<[string], { found: number }> | null;
  private readonly facultyLookup: Database.Statement<[string], { found: number }> | null;
  readonly hasStudents: boolean;
  readonly hasFaculty: boolean;

  constructor(db: Database.Database) {
    this.studentLookup = lookup(db, 'students', 'student_number');
    this.facultyLookup = lookup(db, 'faculty_members', 'national_code');
    this.hasStudents = this.studentLookup !== null;
    this.hasFaculty = this.facultyLookup !== null;
  }

  match(user: { idnumber: string | null; username: string | null; roles: Iterable<string> }): UserMatch {
    const candidates = [user.idnumber, user.username].flatMap((value) => {
      const digits = toAsciiDigits(value ?? '').trim();
      return /^\d{6,12}$/.test(digits) ? [digits] : [];
    });
    const student = (): UserMatch | null => {
      const key = candidates.find((candidate) => this.studentLookup?.get(candidate));
      return key ? { kind: 'student', key } : null;
    };
    const faculty = (): UserMatch | null => {
      for (const candidate of candidates) {
        const code = normalizeNationalCode(candidate);
        if (code && this.facultyLookup?.get(code)) return { kind: 'faculty', key: code };
      }
      return null;
    };
    // A ten-digit student number can look like a national code: who teaches is tried as faculty first.
    const teaches = [...user.roles].some((role) => TEACHING_ROLES.includes(role));
    return (teaches ? (faculty() ?? student()) : (student() ?? faculty())) ?? { kind: 'none', key: null };
  }
}

function lookup(db: Database.Database, table: string, column: string): Database.Statement<[string], { found: number }> | null {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  if (!exists) return null;
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  if (!columns.includes(column)) return null;
  const live = columns.includes('deleted_at') ? ' AND deleted_at IS NULL' : '';
  return db.prepare(`SELECT 1 AS found FROM ${table} WHERE ${column} = ?${live} LIMIT 1`);
}
