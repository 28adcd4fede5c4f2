import { insertStatements } from '../../common/database/insert-rows';
import type { SqlDb, SqlStatement, SqlValue } from '../../common/database/sql-db';
import { inKeyList, keyList } from '../../common/database/sql-dialect';
import type { HeldRecord } from '../../sync/source-definition';
import type { CleanStudentRecord } from './students.mapper';
import {
  DATA_COLUMNS,
  FIELDS,
  HELD_COLUMNS,
  notSeen,
  seenOnPages,
  selectStates,
  STUDENT_WRITE_COLUMNS,
  TERM_WRITE_COLUMNS,
  UPSERT_PAGE,
  UPSERT_STUDENT,
  upsertTerm,
} from './students.sql';

export { STUDENT_DIFF_FIELDS } from './students.sql';

/** What is stored for a student, enough to decide whether a record replaces it (and, when logging changes, its fields). */
export type StoredStudent = { student_number: string; term: string; campus_code: string; hash: string; deleted_at: string | null } & Record<
  string,
  string | null
>;
/** The last body stored for a page of a call and what it held (student numbers and rejects as JSON). */
export type StoredPage = { page_number: number; body_hash: string; fetched: number; student_numbers: string; rejects: string };
export type TermStatusRow = { studentNumber: string; term: string; campusCode: string; statusCode: string | null; statusText: string | null };
export type PageRow = {
  campusCode: string;
  term: string;
  pageNumber: number;
  bodyHash: string;
  fetched: number;
  studentNumbers: string[];
  rejects: readonly object[];
};

/** What a decided page writes (`pageStatements`). */
export type PageWrites = { restored: readonly string[]; records: readonly CleanStudentRecord[]; statuses: readonly TermStatusRow[]; row: PageRow };

type LiveStudent = { student_number: string; last_run_id: string | null } & Record<(typeof HELD_COLUMNS)[number], string | null>;

export function pageKey(campusCode: string, term: string, pageNumber: number): string {
  return `${campusCode}/${term}/${pageNumber}`;
}

/** Is `a` (term, campus) later than `b`? The term decides; the campus code breaks a tie, so the winner never flips. */
export function isLater(a: { term: string; campusCode: string }, b: { term: string; campusCode: string }): boolean {
  return a.term > b.term || (a.term === b.term && a.campusCode > b.campusCode);
}

const SELECT_LIVE = `SELECT student_number, last_run_id, ${HELD_COLUMNS.join(', ')} FROM students WHERE deleted_at IS NULL`;

/**
 * Writes students and their per-term status with set-based SQL both databases run (`common/database/sql-db.ts`): a
 * page is one read of its students, then one batch in one transaction (a restore, one multi-row upsert of students,
 * one of term statuses, the page row). Rows are soft-deleted, never removed. Which students a run saw is read from the
 * pages it fetched, so an unchanged run rewrites no row and memory grows with the number of pages, not of students.
 */
export class StudentsRepository {
  /** In a dry run every page's transaction is rolled back: exact counts, nothing stored. */
  constructor(
    private readonly db: SqlDb,
    readonly isDryRun = false,
  ) {}

  /**
   * The live students `softDeleteUnseen` would delete, with what an admin needs to judge them. A dry run stored no
   * page, so it names the students it saw (`seen`) instead of the pages.
   */
  async unseenLive(fetchedPages: readonly string[], seen: ReadonlySet<string>): Promise<HeldRecord[]> {
    const rows = this.isDryRun
      ? (await this.db.all<LiveStudent>(SELECT_LIVE)).filter((row) => !seen.has(row.student_number))
      : await this.db.all<LiveStudent>(`${SELECT_LIVE} AND ${await this.notSeen(fetchedPages)}`, this.notSeenParams(fetchedPages));
    return rows.map((row) => ({
      table: 'students',
      key: row.student_number,
      lastSeenRunId: row.last_run_id === null ? null : String(row.last_run_id),
      values: Object.fromEntries(HELD_COLUMNS.map((column) => [DATA_COLUMNS[column], row[column]])),
    }));
  }

  /**
   * The stored state of these students (with their `STUDENT_DIFF_FIELDS` when `withRow`), by student number. SQLite
   * reads them by key, one prepared statement a student (in process: 2.6 s against 4.7 s for a `json_each` list over
   * 120,000 rows), in one read transaction (one a statement made the full run 9.1 → 11.4 s); PostgreSQL in one
   * statement for the page.
   */
  async statesOf(studentNumbers: readonly string[], withRow = false): Promise<Map<string, StoredStudent>> {
    const states = new Map<string, StoredStudent>();
    if (studentNumbers.length === 0) return states;
    const { dialect } = this.db;
    const keys = [...new Set(studentNumbers)];
    if (dialect === 'sqlite') {
      const sql = `${selectStates(withRow)} WHERE student_number = ?`;
      await this.db.read(async (db) => {
        for (const key of keys) {
          const row = await db.get<StoredStudent>(sql, [key]);
          if (row) states.set(key, row);
        }
      });
      return states;
    }
    const rows = await this.db.all<StoredStudent>(`${selectStates(withRow)} WHERE ${inKeyList(dialect, 'student_number')}`, [keyList(dialect, keys)]);
    for (const row of rows) states.set(row.student_number, row);
    return states;
  }

  /**
   * The statements that store a decided page, for `writePage`: undo soft deletes without touching the records (a call
   * returned the students, in an older term); insert the records, or replace the stored ones unless they are of a later
   * term; record each student's status in the term (a row is rewritten only when it changed); save the page row.
   */
  async pageStatements(page: PageWrites, runId: string, now: string): Promise<SqlStatement[]> {
    const { dialect } = this.db;
    const statements: SqlStatement[] = [];
    if (page.restored.length > 0) {
      statements.push({
        sql: `UPDATE students SET deleted_at = NULL, updated_at = ?, last_run_id = ? WHERE ${inKeyList(dialect, 'student_number')} AND deleted_at IS NOT NULL`,
        params: [now, runId, keyList(dialect, page.restored)],
      });
    }
    const students = page.records.map((record): SqlValue[] => [...FIELDS.map((field) => record[field]), now, now, null, runId]);
    statements.push(...(await insertStatements(this.db, 'students', STUDENT_WRITE_COLUMNS, students, UPSERT_STUDENT)));
    const terms = page.statuses.map((s): SqlValue[] => [s.studentNumber, s.term, s.campusCode, s.statusCode, s.statusText, now, now, runId]);
    statements.push(...(await insertStatements(this.db, 'student_terms', TERM_WRITE_COLUMNS, terms, upsertTerm(dialect))));
    const { campusCode, term, pageNumber, bodyHash, fetched } = page.row;
    const rowValues = [campusCode, term, pageNumber, bodyHash, fetched, JSON.stringify(page.row.studentNumbers), JSON.stringify(page.row.rejects), now, runId];
    statements.push({ sql: UPSERT_PAGE, params: rowValues });
    return statements;
  }

  /** Runs a page's statements in one transaction (rolled back in a dry run: exact counts, nothing stored). */
  async writePage(statements: readonly SqlStatement[]): Promise<void> {
    await this.db.batch(statements, { rollback: this.isDryRun });
  }

  /**
   * Every page stored for these terms, by `pageKey`: one read a run, not one a page. The students a page lists are
   * read only when `withStudents` (a dry run, which stores no page, counts them as seen from here).
   */
  async storedPages(terms: readonly string[], withStudents: boolean): Promise<Map<string, StoredPage>> {
    const { dialect } = this.db;
    const rows = await this.db.all<StoredPage & { campus_code: string; term: string }>(
      `SELECT campus_code, term, page_number, body_hash, fetched, ${withStudents ? 'student_numbers' : "'[]' AS student_numbers"}, rejects
       FROM student_pages WHERE ${inKeyList(dialect, 'term')}`,
      [keyList(dialect, terms)],
    );
    return new Map(rows.map(({ campus_code, term, ...page }) => [pageKey(campus_code, term, Number(page.page_number)), page]));
  }

  /**
   * Soft-deletes every live student on none of the pages this run fetched (`campus/term/page` keys, see
   * `pageKey`); call only after a complete full run. Returns their student numbers.
   */
  async softDeleteUnseen(fetchedPages: readonly string[], runId: string, now: string): Promise<string[]> {
    const rows = await this.db.all<{ student_number: string }>(
      `UPDATE students SET deleted_at = ?, updated_at = ?, last_run_id = ?
       WHERE deleted_at IS NULL AND ${await this.notSeen(fetchedPages)} RETURNING student_number`,
      [now, now, runId, ...this.notSeenParams(fetchedPages)],
    );
    return rows.map((row) => row.student_number);
  }

  /**
   * The condition "not on any fetched page". SQLite hashes a `NOT IN` list of the pages' students; PostgreSQL cannot
   * estimate a JSON array's elements and, before the fresh tables are analysed, picked a nested loop over them (a
   * full run's last step took minutes), so their students go into a temporary table keyed by student number first.
   */
  private async notSeen(fetchedPages: readonly string[]): Promise<string> {
    const { dialect } = this.db;
    if (dialect === 'sqlite') return notSeen(dialect, seenOnPages(dialect));
    await this.db.run('CREATE TEMP TABLE IF NOT EXISTS students_seen (student_number TEXT PRIMARY KEY)');
    await this.db.run('DELETE FROM students_seen');
    await this.db.run(
      `INSERT INTO students_seen (student_number) SELECT DISTINCT student_number FROM (${seenOnPages(dialect)}) AS seen ON CONFLICT DO NOTHING`,
      [keyList(dialect, fetchedPages)],
    );
    return 'NOT EXISTS (SELECT 1 FROM students_seen s WHERE s.student_number = students.student_number)';
  }

  private notSeenParams(fetchedPages: readonly string[]): SqlValue[] {
    return this.db.dialect === 'sqlite' ? [keyList('sqlite', fetchedPages)] : [];
  }

  async countActive(): Promise<number> {
    return (await this.db.get<{ count: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS count FROM students WHERE deleted_at IS NULL'))!.count;
  }
}
