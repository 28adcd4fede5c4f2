import type { StoredRecord } from '@hamgam/shared';
import type { RecordBrowser } from '../../sync/source-definition';
import { containsPattern, foldSqlExpression } from '../../sync/records/search-text';

type UserRow = {
  id: number;
  fullname: string;
  username: string | null;
  idnumber: string | null;
  email: string | null;
  match_kind: string;
  match_key: string | null;
  courses: number;
  roles: string | null;
  deleted_at: string | null;
  last_run_id: string | null;
  updated_at: string;
};

// The reconciliation an auditor opens: each Moodle user, what it was matched to (student, faculty member or
// nothing) and by which key, and how many live courses it is enrolled in.
const COLUMNS = ['username', 'idnumber', 'email', 'match', 'matchedKey', 'courses', 'roles'] as const;
const WHERE = `(@pattern IS NULL OR u.username LIKE @pattern ESCAPE '\\' OR u.idnumber LIKE @pattern ESCAPE '\\'
  OR u.match_kind = @q OR ${foldSqlExpression('u.fullname')} LIKE @pattern ESCAPE '\\')`;

/** The Moodle data browser: users with their match, soft-deleted ones included; `q` may also be a match kind. */
export const moodleRecordBrowser: RecordBrowser = {
  columns: COLUMNS,
  list(db, { q, page, pageSize }) {
    const params = { pattern: q === null ? null : containsPattern(q), q };
    const { total } = db.prepare(`SELECT COUNT(*) AS total FROM moodle_users u WHERE ${WHERE}`).get(params) as { total: number };
    const rows = db
      .prepare(
        `SELECT u.id, u.fullname, u.username, u.idnumber, u.email, u.match_kind, u.match_key, u.deleted_at, u.last_run_id, u.updated_at,
                COUNT(e.course_id) AS courses, group_concat(DISTINCT e.roles) AS roles
         FROM moodle_users u LEFT JOIN moodle_enrolments e ON e.user_id = u.id AND e.deleted_at IS NULL
         WHERE ${WHERE} GROUP BY u.id ORDER BY u.match_kind = 'none' DESC, u.fullname, u.id LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as UserRow[];
    const items: StoredRecord[] = rows.map((row) => ({
      key: String(row.id),
      name: row.fullname,
      fields: {
        username: row.username,
        idnumber: row.idnumber,
        email: row.email,
        match: row.match_kind,
        matchedKey: row.match_key,
        courses: String(row.courses),
        roles: row.roles === null ? null : [...new Set(row.roles.split(','))].sort().join(', '),
      },
      deletedAt: row.deleted_at,
      lastRunId: row.last_run_id,
      updatedAt: row.updated_at,
      history: null,
    }));
    return { items, total };
  },
};
