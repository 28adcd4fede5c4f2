import type { StoredRecord } from '@hamgam/shared';
import type { SqlDialect } from '../../common/database/sql-dialect';
import type { RecordBrowser } from '../../sync/source-definition';
import { countRows } from '../../sync/records/count-rows';
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

type CourseRow = {
  id: number;
  shortname: string;
  fullname: string;
  category: string | null;
  term_code: string | null;
  activity_level: string | null;
  activities: number | null;
  enrolled: number;
  deleted_at: string | null;
  last_run_id: string | null;
  updated_at: string;
};

type CategoryRow = {
  id: number;
  name: string;
  idnumber: string | null;
  parent: string | null;
  depth: number | null;
  visible: number | null;
  courses: number;
  deleted_at: string | null;
  last_run_id: string | null;
  updated_at: string;
};

/** The distinct values of `column` joined by commas (SQLite's `group_concat`, PostgreSQL's `string_agg`). */
const groupConcat = (dialect: SqlDialect, column: string) =>
  dialect === 'postgres' ? `string_agg(DISTINCT ${column}, ',')` : `group_concat(DISTINCT ${column})`;
const limitOffset = (search: { page: number; pageSize: number }) => ({ limit: search.pageSize, offset: (search.page - 1) * search.pageSize });
const count = (value: number | null) => (value === null ? null : String(value));

const COURSES_WHERE = `(CAST(@pattern AS TEXT) IS NULL OR ${foldSqlExpression('c.shortname')} LIKE @pattern ESCAPE '\\'
  OR ${foldSqlExpression('c.fullname')} LIKE @pattern ESCAPE '\\')`;

/** Moodle courses with their category, term, classification, activity count and live enrolments; searched by short and full name. */
export const moodleCoursesBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'moodle_courses'),
  async list(db, search) {
    const pattern = search.q === null ? null : containsPattern(search.q);
    const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM moodle_courses c WHERE ${COURSES_WHERE}`, { pattern }))!;
    const rows = await db.all<CourseRow>(
      `SELECT c.id, c.shortname, c.fullname, cat.name AS category, c.term_code, c.activity_level, cc.activities, c.deleted_at, c.last_run_id,
                c.updated_at, (SELECT CAST(COUNT(*) AS INTEGER) FROM moodle_enrolments e WHERE e.course_id = c.id AND e.deleted_at IS NULL) AS enrolled
         FROM moodle_courses c LEFT JOIN moodle_categories cat ON cat.id = c.category_id LEFT JOIN moodle_course_contents cc ON cc.course_id = c.id
         WHERE ${COURSES_WHERE} ORDER BY c.shortname, c.id LIMIT @limit OFFSET @offset`,
      { pattern, ...limitOffset(search) },
    );
    const items: StoredRecord[] = rows.map((row) => ({
      key: String(row.id),
      name: row.fullname,
      fields: {
        shortName: row.shortname,
        category: row.category,
        term: row.term_code,
        classification: row.activity_level,
        activities: count(row.activities),
        enrolledUsers: String(row.enrolled),
      },
      deletedAt: row.deleted_at,
      lastRunId: row.last_run_id,
      updatedAt: row.updated_at,
      history: null,
    }));
    return { items, total };
  },
};

const CATEGORIES_WHERE = `(CAST(@pattern AS TEXT) IS NULL OR c.idnumber LIKE @pattern ESCAPE '\\' OR ${foldSqlExpression('c.name')} LIKE @pattern ESCAPE '\\')`;

/** Moodle course categories with their parent and live course count; searched by name and ID number. */
export const moodleCategoriesBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'moodle_categories'),
  async list(db, search) {
    const pattern = search.q === null ? null : containsPattern(search.q);
    const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM moodle_categories c WHERE ${CATEGORIES_WHERE}`, {
      pattern,
    }))!;
    const rows = await db.all<CategoryRow>(
      `SELECT c.id, c.name, c.idnumber, p.name AS parent, c.depth, c.visible, c.deleted_at, c.last_run_id, c.updated_at,
                (SELECT CAST(COUNT(*) AS INTEGER) FROM moodle_courses k WHERE k.category_id = c.id AND k.deleted_at IS NULL) AS courses
         FROM moodle_categories c LEFT JOIN moodle_categories p ON p.id = c.parent_id
         WHERE ${CATEGORIES_WHERE} ORDER BY c.path, c.id LIMIT @limit OFFSET @offset`,
      { pattern, ...limitOffset(search) },
    );
    const items: StoredRecord[] = rows.map((row) => ({
      key: String(row.id),
      name: row.name,
      fields: {
        idnumber: row.idnumber,
        parent: row.parent,
        depth: count(row.depth),
        visible: row.visible === null ? null : row.visible === 1 ? 'yes' : 'no',
        courses: String(row.courses),
      },
      deletedAt: row.deleted_at,
      lastRunId: row.last_run_id,
      updatedAt: row.updated_at,
      history: null,
    }));
    return { items, total };
  },
};

// The reconciliation an auditor opens: each Moodle user, what it was matched to (student, faculty member or
// nothing) and by which key, and how many live courses it is enrolled in.
const WHERE = `(CAST(@pattern AS TEXT) IS NULL OR u.username LIKE @pattern ESCAPE '\\' OR u.idnumber LIKE @pattern ESCAPE '\\'
  OR u.match_kind = @q OR ${foldSqlExpression('u.fullname')} LIKE @pattern ESCAPE '\\')`;

/** The Moodle data browser: users with their match, soft-deleted ones included; `q` may also be a match kind. */
export const moodleUsersBrowser: RecordBrowser = {
  count: (db) => countRows(db, 'moodle_users'),
  async list(db, { q, page, pageSize }) {
    const params = { pattern: q === null ? null : containsPattern(q), q };
    const { total } = (await db.get<{ total: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS total FROM moodle_users u WHERE ${WHERE}`, params))!;
    const rows = await db.all<UserRow>(
      `SELECT u.id, u.fullname, u.username, u.idnumber, u.email, u.match_kind, u.match_key, u.deleted_at, u.last_run_id, u.updated_at,
                CAST(COUNT(e.course_id) AS INTEGER) AS courses, ${groupConcat(db.dialect, 'e.roles')} AS roles
         FROM moodle_users u LEFT JOIN moodle_enrolments e ON e.user_id = u.id AND e.deleted_at IS NULL
         WHERE ${WHERE} GROUP BY u.id ORDER BY u.match_kind = 'none' DESC, u.fullname, u.id LIMIT @limit OFFSET @offset`,
      { ...params, limit: pageSize, offset: (page - 1) * pageSize },
    );
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
