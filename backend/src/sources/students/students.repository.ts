import type Database from 'better-sqlite3';
import { runSqliteWriteTransaction as runWriteTransaction } from '../../common/database/write-transaction';
import type { HeldRecord } from '../../sync/source-definition';
import type { CleanStudentRecord } from './students.mapper';

/** What is stored for a student, enough to decide whether a record replaces it. */
export type StoredStudent = { term: string; campus_code: string; hash: string; deleted_at: string | null };
/** The last body stored for a page of a call and what it held (student numbers and rejects as JSON). */
export type StoredPage = { body_hash: string; fetched: number; student_numbers: string; rejects: string };
export type TermStatusRow = { studentNumber: string; term: string; campusCode: string; statusCode: string | null; statusText: string | null };

const DATA_COLUMNS = {
  student_number: 'studentNumber',
  national_code: 'nationalCode',
  first_name: 'firstName',
  last_name: 'lastName',
  first_name_en: 'firstNameEn',
  last_name_en: 'lastNameEn',
  father_name: 'fatherName',
  status_code: 'statusCode',
  status_text: 'statusText',
  birth_date: 'birthDate',
  birth_place: 'birthPlace',
  city: 'city',
  address: 'address',
  mobile: 'mobile',
  email: 'email',
  sex: 'sex',
  course_code: 'courseCode',
  course_name: 'courseName',
  grade: 'grade',
  grade_name: 'gradeName',
  graduation_date: 'graduationDate',
  last_degree: 'lastDegree',
  university_name: 'universityName',
  campus_name: 'campusName',
  sub_number: 'subNumber',
  province_code: 'provinceCode',
  province_name: 'provinceName',
  campus_code: 'campusCode',
  term: 'term',
  hash: 'hash',
  search_text: 'searchText',
} as const satisfies Record<string, keyof CleanStudentRecord>;

const COLUMNS = Object.keys(DATA_COLUMNS) as (keyof typeof DATA_COLUMNS)[];
const FIELDS = COLUMNS.map((column) => DATA_COLUMNS[column]);
/** What an update's change compares: every stored field but the key, the hash and the search text. */
export const STUDENT_DIFF_FIELDS: readonly string[] = FIELDS.filter((field) => !['studentNumber', 'hash', 'searchText'].includes(field));
type Value = string | null;
// Positional parameters: binding ~30 named parameters from an object costs more than the write itself here.
const valuesOf = (record: CleanStudentRecord): Value[] => FIELDS.map((field) => record[field]);

/** What an admin sees of a student whose deletion waits for approval. */
const HELD_COLUMNS = ['national_code', 'first_name', 'last_name', 'course_name', 'campus_name', 'term', 'status_text'] as const;
type LiveStudent = { student_number: string; last_run_id: string | null } & Record<(typeof HELD_COLUMNS)[number], string | null>;

export function pageKey(campusCode: string, term: string, pageNumber: number): string {
  return `${campusCode}/${term}/${pageNumber}`;
}

/** Is `a` (term, campus) later than `b`? The term decides; the campus code breaks a tie, so the winner never flips. */
export function isLater(a: { term: string; campusCode: string }, b: { term: string; campusCode: string }): boolean {
  return a.term > b.term || (a.term === b.term && a.campusCode > b.campusCode);
}

/**
 * Writes students and their per-term status with prepared better-sqlite3 statements, a page per transaction.
 * Rows are soft-deleted, never removed. Which students a run saw is read from the pages it fetched, so an
 * unchanged run rewrites no row and memory grows with the number of pages, not of students.
 */
// Negative: KiB, as PRAGMA cache_size takes them. The build's default is 16 MB.
const CACHE_KIB = -4000;

export class StudentsRepository {
  private readonly selectState: Database.Statement<[string], StoredStudent>;
  private readonly insertStudent: Database.Statement<Value[]>;
  private readonly updateStudent: Database.Statement<Value[]>;
  private readonly upsertTerm: Database.Statement<Value[]>;
  private readonly selectPage: Database.Statement<[string, string, number], StoredPage>;
  private readonly upsertPage: Database.Statement<(string | number)[]>;
  private readonly restoreRow: Database.Statement<[{ studentNumber: string; runId: string; now: string }]>;
  private readonly selectRow: Database.Statement<[string], Record<string, string | null>>;
  private readonly softDelete: Database.Statement<[{ pages: string; runId: string; now: string }], { student_number: string }>;
  private readonly countActiveRows: Database.Statement<[], { count: number }>;
  private readonly selectUnseen: Database.Statement<[{ pages: string }], LiveStudent>;
  private readonly selectLive: Database.Statement<[], LiveStudent>;

  /** In a dry run every page transaction is rolled back (`runWriteTransaction`): exact counts, nothing stored. */
  constructor(
    private readonly db: Database.Database,
    private readonly isDryRun = false,
  ) {
    // This connection serves one run: each student is read by key once per page and a page is written per
    // transaction, so pages kept past 4 MB were mostly ones already written (the worker's peak RSS 78–92 → 73–82 MB
    // with the same CPU; docs/benchmarks.md).
    db.pragma(`cache_size = ${CACHE_KIB}`);
    this.selectState = db.prepare('SELECT term, campus_code, hash, deleted_at FROM students WHERE student_number = ?');
    this.selectRow = db.prepare(
      `SELECT ${COLUMNS.filter((c) => STUDENT_DIFF_FIELDS.includes(DATA_COLUMNS[c]))
        .map((c) => `${c} AS ${DATA_COLUMNS[c]}`)
        .join(', ')}, deleted_at AS deletedAt FROM students WHERE student_number = ?`,
    );
    this.insertStudent = db.prepare<Value[]>(
      `INSERT INTO students (${COLUMNS.join(', ')}, created_at, updated_at, deleted_at, last_run_id)
       VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?, NULL, ?)`,
    );
    // "Latest term wins whatever order calls finish in" is also enforced here, not only by the caller.
    this.updateStudent = db.prepare<Value[]>(
      `UPDATE students SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, deleted_at = NULL, last_run_id = ?
       WHERE student_number = ? AND (term < ? OR (term = ? AND campus_code <= ?))`,
    );
    this.upsertTerm = db.prepare<Value[]>(
      `INSERT INTO student_terms (student_number, term, campus_code, status_code, status_text, created_at, updated_at, last_run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (student_number, term, campus_code) DO UPDATE SET
         status_code = excluded.status_code, status_text = excluded.status_text, updated_at = excluded.updated_at, last_run_id = excluded.last_run_id
       WHERE status_code IS NOT excluded.status_code OR status_text IS NOT excluded.status_text`,
    );
    this.restoreRow = db.prepare(
      'UPDATE students SET deleted_at = NULL, updated_at = @now, last_run_id = @runId WHERE student_number = @studentNumber AND deleted_at IS NOT NULL',
    );
    this.selectPage = db.prepare(
      'SELECT body_hash, fetched, student_numbers, rejects FROM student_pages WHERE campus_code = ? AND term = ? AND page_number = ?',
    );
    this.upsertPage = db.prepare<(string | number)[]>(
      `INSERT INTO student_pages (campus_code, term, page_number, body_hash, fetched, student_numbers, rejects, updated_at, last_run_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (campus_code, term, page_number) DO UPDATE SET body_hash = excluded.body_hash, fetched = excluded.fetched,
         student_numbers = excluded.student_numbers, rejects = excluded.rejects, updated_at = excluded.updated_at, last_run_id = excluded.last_run_id`,
    );
    // Seen = the students of every page this run fetched, as that page's row lists them (written or replayed).
    this.softDelete = db.prepare(
      `WITH fetched AS (SELECT value AS page_key FROM json_each(@pages)),
            seen AS (SELECT j.value AS student_number FROM student_pages p
                     JOIN fetched f ON f.page_key = p.campus_code || '/' || p.term || '/' || p.page_number, json_each(p.student_numbers) j)
       UPDATE students SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE deleted_at IS NULL AND student_number NOT IN (SELECT student_number FROM seen) RETURNING student_number`,
    );
    this.countActiveRows = db.prepare('SELECT COUNT(*) AS count FROM students WHERE deleted_at IS NULL');
    const held = `student_number, last_run_id, ${HELD_COLUMNS.join(', ')}`;
    this.selectUnseen = db.prepare(
      `WITH fetched AS (SELECT value AS page_key FROM json_each(@pages)),
            seen AS (SELECT j.value AS student_number FROM student_pages p
                     JOIN fetched f ON f.page_key = p.campus_code || '/' || p.term || '/' || p.page_number, json_each(p.student_numbers) j)
       SELECT ${held} FROM students WHERE deleted_at IS NULL AND student_number NOT IN (SELECT student_number FROM seen)`,
    );
    this.selectLive = db.prepare(`SELECT ${held} FROM students WHERE deleted_at IS NULL`);
  }

  /**
   * Runs `work` in one transaction: all of a page is written, or none of it. IMMEDIATE takes the write lock
   * first: a deferred transaction that reads, then writes, cannot wait for the API's writes (SQLite answers
   * "database is locked" at once instead of honouring the busy timeout).
   */
  inTransaction<T>(work: () => T): T {
    return runWriteTransaction(this.db, this.isDryRun, work);
  }

  /**
   * The live students `softDeleteUnseen` would delete, with what an admin needs to judge them. A dry run stored no
   * page, so it names the students it saw (`seen`) instead of the pages.
   */
  unseenLive(fetchedPages: readonly string[], seen: ReadonlySet<string>): HeldRecord[] {
    const rows = this.isDryRun
      ? [...this.selectLive.iterate()].filter((row) => !seen.has(row.student_number))
      : this.selectUnseen.all({ pages: JSON.stringify(fetchedPages) });
    return rows.map((row) => ({
      table: 'students',
      key: row.student_number,
      lastSeenRunId: row.last_run_id === null ? null : String(row.last_run_id),
      values: Object.fromEntries(HELD_COLUMNS.map((column) => [DATA_COLUMNS[column], row[column]])),
    }));
  }

  stateOf(studentNumber: string): StoredStudent | undefined {
    return this.selectState.get(studentNumber);
  }

  /** The stored fields of a student (`STUDENT_DIFF_FIELDS` and `deletedAt`), for the change log's old values. */
  rowOf(studentNumber: string): Record<string, string | null> | undefined {
    return this.selectRow.get(studentNumber);
  }

  insert(record: CleanStudentRecord, runId: string, now: string): void {
    this.insertStudent.run(...valuesOf(record), now, now, runId);
  }

  /** Replaces the stored record unless it is of a later term; returns whether it did. */
  update(record: CleanStudentRecord, runId: string, now: string): boolean {
    const { studentNumber, term, campusCode } = record;
    return this.updateStudent.run(...valuesOf(record), now, runId, studentNumber, term, term, campusCode).changes > 0;
  }

  /** Undoes a soft delete without touching the record (a call returned the student, in an older term). */
  restore(studentNumber: string, runId: string, now: string): boolean {
    return this.restoreRow.run({ studentNumber, runId, now }).changes > 0;
  }

  /** Records the student's status in the term; returns whether a row was inserted or changed. */
  saveTermStatus(row: TermStatusRow, runId: string, now: string): boolean {
    return this.upsertTerm.run(row.studentNumber, row.term, row.campusCode, row.statusCode, row.statusText, now, now, runId).changes > 0;
  }

  storedPage(campusCode: string, term: string, pageNumber: number): StoredPage | undefined {
    return this.selectPage.get(campusCode, term, pageNumber);
  }

  savePage(
    page: { campusCode: string; term: string; pageNumber: number; bodyHash: string; fetched: number; studentNumbers: string[]; rejects: readonly object[] },
    runId: string,
    now: string,
  ): void {
    const { campusCode, term, pageNumber, bodyHash, fetched } = page;
    this.upsertPage.run(campusCode, term, pageNumber, bodyHash, fetched, JSON.stringify(page.studentNumbers), JSON.stringify(page.rejects), now, runId);
  }

  /**
   * Soft-deletes every live student on none of the pages this run fetched (`campus/term/page` keys, see
   * `pageKey`); call only after a complete full run. Returns their student numbers.
   */
  softDeleteUnseen(fetchedPages: readonly string[], runId: string, now: string): string[] {
    return this.softDelete.all({ pages: JSON.stringify(fetchedPages), runId, now }).map((row) => row.student_number);
  }

  countActive(): number {
    return this.countActiveRows.get()!.count;
  }
}
