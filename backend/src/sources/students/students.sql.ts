import type { SqlDialect } from '../../common/database/sql-dialect';
import type { CleanStudentRecord } from './students.mapper';

// The students tables' column lists and the statements whose text differs between SQLite and PostgreSQL.

export const DATA_COLUMNS = {
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

export const COLUMNS = Object.keys(DATA_COLUMNS) as (keyof typeof DATA_COLUMNS)[];
export const FIELDS = COLUMNS.map((column) => DATA_COLUMNS[column]);
/** What an update's change compares: every stored field but the key, the hash and the search text. */
export const STUDENT_DIFF_FIELDS: readonly string[] = FIELDS.filter((field) => !['studentNumber', 'hash', 'searchText'].includes(field));

/** What an admin sees of a student whose deletion waits for approval. */
export const HELD_COLUMNS = ['national_code', 'first_name', 'last_name', 'course_name', 'campus_name', 'term', 'status_text'] as const;

export const STUDENT_WRITE_COLUMNS = [...COLUMNS, 'created_at', 'updated_at', 'deleted_at', 'last_run_id'];
// An insert, or the replacement of a stored record ("latest term wins whatever order calls finish in" is also
// enforced here, not only by the caller); created_at stays the first sighting's.
export const UPSERT_STUDENT = `ON CONFLICT (student_number) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'student_number')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}, updated_at = excluded.updated_at, deleted_at = NULL, last_run_id = excluded.last_run_id
  WHERE students.term < excluded.term OR (students.term = excluded.term AND students.campus_code <= excluded.campus_code)`;

export const TERM_WRITE_COLUMNS = ['student_number', 'term', 'campus_code', 'status_code', 'status_text', 'created_at', 'updated_at', 'last_run_id'];
/** A term status is rewritten only when it changed: an unchanged run rewrites no row. */
export function upsertTerm(dialect: SqlDialect): string {
  const differs = dialect === 'postgres' ? 'IS DISTINCT FROM' : 'IS NOT';
  return `ON CONFLICT (student_number, term, campus_code) DO UPDATE SET
    status_code = excluded.status_code, status_text = excluded.status_text, updated_at = excluded.updated_at, last_run_id = excluded.last_run_id
    WHERE student_terms.status_code ${differs} excluded.status_code OR student_terms.status_text ${differs} excluded.status_text`;
}

export const UPSERT_PAGE = `INSERT INTO student_pages (campus_code, term, page_number, body_hash, fetched, student_numbers, rejects, updated_at, last_run_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (campus_code, term, page_number) DO UPDATE SET body_hash = excluded.body_hash, fetched = excluded.fetched,
    student_numbers = excluded.student_numbers, rejects = excluded.rejects, updated_at = excluded.updated_at, last_run_id = excluded.last_run_id`;

/** The stored state of the page's students, with their diff fields when the change log needs old values. */
export function selectStates(withRow: boolean): string {
  const row = withRow
    ? `, ${COLUMNS.filter((c) => STUDENT_DIFF_FIELDS.includes(DATA_COLUMNS[c]) && c !== 'term' && c !== 'campus_code')
        .map((c) => `${c} AS "${DATA_COLUMNS[c]}"`)
        .join(', ')}`
    : '';
  return `SELECT student_number, term, campus_code, hash, deleted_at${row} FROM students`;
}

/**
 * The student numbers every listed page (`campus/term/page` keys bound as one `keyList` parameter at `?`) holds, as
 * its row lists them (`student_pages.student_numbers`, a JSON array).
 */
export function seenOnPages(dialect: SqlDialect): string {
  return dialect === 'postgres'
    ? `SELECT j.value AS student_number FROM student_pages p
       JOIN unnest(CAST(? AS text[])) AS f(page_key) ON f.page_key = p.campus_code || '/' || p.term || '/' || p.page_number
       CROSS JOIN LATERAL json_array_elements_text(CAST(p.student_numbers AS json)) AS j(value)`
    : `SELECT j.value AS student_number FROM student_pages p
       JOIN (SELECT value AS page_key FROM json_each(?)) f ON f.page_key = p.campus_code || '/' || p.term || '/' || p.page_number,
       json_each(p.student_numbers) j`;
}

/** `students` rows not among `seen` (a SELECT of `student_number`): SQLite hashes a NOT IN list, PostgreSQL an anti-join. */
export function notSeen(dialect: SqlDialect, seen: string): string {
  return dialect === 'postgres' ? `NOT EXISTS (SELECT 1 FROM (${seen}) s WHERE s.student_number = students.student_number)` : `student_number NOT IN (${seen})`;
}

/** The student numbers on the pages stored by a run after `?` (a run id). */
export function seenAfterRun(dialect: SqlDialect): string {
  return dialect === 'postgres'
    ? `SELECT DISTINCT j.value AS student_number FROM student_pages p
       CROSS JOIN LATERAL json_array_elements_text(CAST(p.student_numbers AS json)) AS j(value)
       WHERE CAST(p.last_run_id AS INTEGER) > CAST(? AS INTEGER)`
    : `SELECT DISTINCT j.value AS student_number FROM student_pages p, json_each(p.student_numbers) j
       WHERE CAST(p.last_run_id AS INTEGER) > CAST(? AS INTEGER)`;
}
