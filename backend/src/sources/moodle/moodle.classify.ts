import type { MoodleUserMatch } from '@hamgam/shared';
import type { SqlDb } from '../../common/database/sql-db';
import { inKeyList, keyList } from '../../common/database/sql-dialect';
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

type MatchedUser = { idnumber: string | null; username: string | null; roles: Iterable<string> };

/** A table's live keys among those asked for, one query a batch; null when the table (or its column) does not exist. */
type Lookup = { table: string; column: string; live: boolean } | null;

/**
 * Matches Moodle users to the university's own people: a student when the idnumber or user name is a
 * student number, a faculty member when it is a national code. Students are read only when another
 * connector has created the `students` table; the check runs once, when the matcher opens. A batch of
 * users costs one query a table.
 */
export class UserMatcher {
  readonly hasStudents: boolean;
  readonly hasFaculty: boolean;

  private constructor(
    private readonly db: SqlDb,
    private readonly students: Lookup,
    private readonly faculty: Lookup,
  ) {
    this.hasStudents = students !== null;
    this.hasFaculty = faculty !== null;
  }

  static async open(db: SqlDb): Promise<UserMatcher> {
    return new UserMatcher(db, await lookup(db, 'students', 'student_number'), await lookup(db, 'faculty_members', 'national_code'));
  }

  /** The match of each user, in order. */
  async matchAll(users: readonly MatchedUser[]): Promise<UserMatch[]> {
    const candidates = users.map(candidatesOf);
    const all = [...new Set(candidates.flat())];
    const students = await this.known(this.students, all);
    const faculty = await this.known(this.faculty, [...new Set(all.flatMap((candidate) => normalizeNationalCode(candidate) ?? []))]);
    return users.map((user, index) => {
      const student = (): UserMatch | null => {
        const key = candidates[index].find((candidate) => students.has(candidate));
        return key ? { kind: 'student', key } : null;
      };
      const member = (): UserMatch | null => {
        for (const candidate of candidates[index]) {
          const code = normalizeNationalCode(candidate);
          if (code && faculty.has(code)) return { kind: 'faculty', key: code };
        }
        return null;
      };
      // A ten-digit student number can look like a national code: who teaches is tried as faculty first.
      const teaches = [...user.roles].some((role) => TEACHING_ROLES.includes(role));
      return (teaches ? (member() ?? student()) : (student() ?? member())) ?? { kind: 'none', key: null };
    });
  }

  private async known(table: Lookup, keys: string[]): Promise<Set<string>> {
    if (table === null || keys.length === 0) return new Set();
    const live = table.live ? ' AND deleted_at IS NULL' : '';
    const rows = await this.db.all<{ found: string }>(
      `SELECT ${table.column} AS found FROM ${table.table} WHERE ${inKeyList(this.db.dialect, table.column)}${live}`,
      [keyList(this.db.dialect, keys)],
    );
    return new Set(rows.map((row) => row.found));
  }
}

function candidatesOf(user: MatchedUser): string[] {
  return [user.idnumber, user.username].flatMap((value) => {
    const digits = toAsciiDigits(value ?? '').trim();
    return /^\d{6,12}$/.test(digits) ? [digits] : [];
  });
}

async function lookup(db: SqlDb, table: string, column: string): Promise<Lookup> {
  const rows =
    db.dialect === 'postgres'
      ? await db.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?', [
          table,
        ])
      : await db.all<{ name: string }>('SELECT name FROM pragma_table_info(?)', [table]);
  const columns = rows.map((row) => row.name);
  if (!columns.includes(column)) return null;
  return { table, column, live: columns.includes('deleted_at') };
}
