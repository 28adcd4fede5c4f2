import type { StoredRecord, StudentTermStatus } from '@hamgam/shared';
import { inKeyList, keyList } from '../../common/database/sql-dialect';
import type { RecordBrowser } from '../../sync/source-definition';
import { countRows } from '../../sync/records/count-rows';
import { containsPattern } from '../../sync/records/search-text';

type StudentRow = {
  student_number: string;
  national_code: string | null;
  first_name: string;
  last_name: string;
  status_code: string | null;
  status_text: string | null;
  term: string;
  campus_code: string;
  campus_name: string | null;
  course_name: string | null;
  grade_name: string | null;
  mobile: string | null;
  deleted_at: string | null;
  last_run_id: string | null;
  updated_at: string;
};
type TermRow = { student_number: string; term: string; campus_code: string; status_code: string | null; status_text: string | null };

// `search_text` holds number, national code and name folded like the query (see foldForSearch).
const WHERE = `(CAST(@pattern AS TEXT) IS NULL OR search_text LIKE @pattern ESCAPE '\\')`;

/** The students data browser: the latest record of each student, with their status in every term. */
export const studentsBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'students'),
  async list(db, { q, page, pageSize }) {
    const pattern = q === null ? null : containsPattern(q);
    const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM students WHERE ${WHERE}`, { pattern }))!;
    const rows = await db.all<StudentRow>(
      `SELECT student_number, national_code, first_name, last_name, status_code, status_text, term, campus_code, campus_name,
              course_name, grade_name, mobile, deleted_at, last_run_id, updated_at
       FROM students WHERE ${WHERE} ORDER BY student_number LIMIT @limit OFFSET @offset`,
      { pattern, limit: pageSize, offset: (page - 1) * pageSize },
    );
    const history = new Map<string, StudentTermStatus[]>();
    if (rows.length > 0) {
      const terms = await db.all<TermRow>(
        `SELECT student_number, term, campus_code, status_code, status_text FROM student_terms
         WHERE ${inKeyList(db.dialect, 'student_number')} ORDER BY student_number, term, campus_code`,
        [
          keyList(
            db.dialect,
            rows.map((row) => row.student_number),
          ),
        ],
      );
      // Campus codes are shown with their names: one name per campus a history mentions.
      const campusNames = new Map<string, string | null>();
      for (const code of new Set(terms.map((t) => t.campus_code))) {
        const named = await db.get<{ campus_name: string }>(
          `SELECT campus_name FROM students WHERE campus_code = ? AND campus_name IS NOT NULL AND campus_name <> '' LIMIT 1`,
          [code],
        );
        campusNames.set(code, named?.campus_name ?? null);
      }
      for (const t of terms) {
        const list = history.get(t.student_number) ?? [];
        list.push({
          term: t.term,
          campusCode: t.campus_code,
          campusName: campusNames.get(t.campus_code) ?? null,
          statusCode: t.status_code,
          statusText: t.status_text,
        });
        history.set(t.student_number, list);
      }
    }
    const items: StoredRecord[] = rows.map((row) => ({
      key: row.student_number,
      name: `${row.first_name} ${row.last_name}`.trim(),
      fields: {
        nationalCode: row.national_code,
        term: row.term,
        statusText: row.status_text ?? row.status_code,
        campusName: row.campus_name,
        courseName: row.course_name,
        gradeName: row.grade_name,
        mobile: row.mobile,
      },
      deletedAt: row.deleted_at,
      lastRunId: row.last_run_id,
      updatedAt: row.updated_at,
      history: history.get(row.student_number) ?? [],
    }));
    return { items, total };
  },
};
