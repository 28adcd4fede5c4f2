import type { StoredRecord } from '@hamgam/shared';
import type { RecordBrowser } from '../../sync/source-definition';
import { countRows } from '../../sync/records/count-rows';
import { containsPattern, foldSqlExpression } from '../../sync/records/search-text';

type MemberRow = {
  national_code: string;
  first_name: string;
  last_name: string;
  professor_code: string | null;
  personnel_id: string | null;
  field: string | null;
  campus_name: string | null;
  province_name: string | null;
  mobile: string | null;
  email: string | null;
  deleted_at: string | null;
  last_run_id: string | null;
  updated_at: string;
};

// Stored text is already cleaned (Persian letters, ASCII digits); the query arrives folded the same way.
const WHERE = `(CAST(@pattern AS TEXT) IS NULL OR national_code LIKE @pattern ESCAPE '\\' OR personnel_id LIKE @pattern ESCAPE '\\'
  OR professor_code LIKE @pattern ESCAPE '\\' OR ${foldSqlExpression("first_name || ' ' || last_name")} LIKE @pattern ESCAPE '\\')`;

/** The faculty data browser: every stored member, soft-deleted ones included. */
export const facultyMembersBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'faculty_members'),
  async list(db, { q, page, pageSize }) {
    const pattern = q === null ? null : containsPattern(q);
    const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM faculty_members WHERE ${WHERE}`, { pattern }))!;
    const rows = await db.all<MemberRow>(
      `SELECT national_code, first_name, last_name, professor_code, personnel_id, field, campus_name, province_name, mobile, email,
              deleted_at, last_run_id, updated_at
       FROM faculty_members WHERE ${WHERE} ORDER BY last_name, first_name, national_code LIMIT @limit OFFSET @offset`,
      { pattern, limit: pageSize, offset: (page - 1) * pageSize },
    );
    const items: StoredRecord[] = rows.map((row) => ({
      key: row.national_code,
      name: `${row.first_name} ${row.last_name}`.trim(),
      fields: {
        professorCode: row.professor_code,
        personnelId: row.personnel_id,
        field: row.field,
        campusName: row.campus_name,
        provinceName: row.province_name,
        mobile: row.mobile,
        email: row.email,
      },
      deletedAt: row.deleted_at,
      lastRunId: row.last_run_id,
      updatedAt: row.updated_at,
      history: null,
    }));
    return { items, total };
  },
};
