import { MOODLE_USER_SENSITIVE_FIELDS } from './moodle.sensitive';
import type { ChangeLogOf } from './moodle-table-writer';

export const MOODLE_TABLES = ['categories', 'courses', 'contents', 'users', 'enrolments'] as const;
export type MoodleTable = (typeof MOODLE_TABLES)[number];

export const COLUMNS: Record<MoodleTable, { table: string; keys: string[]; columns: string[] }> = {
  categories: {
    table: 'moodle_categories',
    keys: ['id'],
    columns: ['name', 'idnumber', 'parent_id', 'path', 'depth', 'sortorder', 'visible', 'time_modified'],
  },
  courses: {
    table: 'moodle_courses',
    keys: ['id'],
    columns: [
      'shortname',
      'fullname',
      'idnumber',
      'category_id',
      'visible',
      'format',
      'start_date',
      'end_date',
      'time_modified',
      'cache_rev',
      'term_code',
      'term_source',
      'activity_level',
    ],
  },
  contents: {
    table: 'moodle_course_contents',
    keys: ['course_id'],
    columns: [
      'sections',
      'visible_sections',
      'activities',
      'visible_activities',
      'hidden_activities',
      'teaching_activities',
      'resources',
      'files',
      'file_bytes',
      'pages',
      'urls',
      'assignments',
      'quizzes',
      'forums',
      'other_activities',
      'by_module',
      'last_content_modified',
      'analysed_marker',
    ],
  },
  users: { table: 'moodle_users', keys: ['id'], columns: ['username', 'idnumber', 'firstname', 'lastname', 'fullname', 'email', 'match_kind', 'match_key'] },
  enrolments: { table: 'moodle_enrolments', keys: ['course_id', 'user_id'], columns: ['roles'] },
};

// The tables the data browser shows log their changes, under its field names (`moodle.records.ts`).
export const CHANGE_LOGS: Partial<Record<MoodleTable, ChangeLogOf>> = {
  categories: {
    recordTable: 'categories',
    fields: {
      name: 'name',
      idnumber: 'idnumber',
      parent_id: 'parent',
      path: 'path',
      depth: 'depth',
      sortorder: 'sortorder',
      visible: 'visible',
      deleted_at: 'deletedAt',
    },
  },
  courses: {
    recordTable: 'courses',
    fields: {
      shortname: 'shortName',
      fullname: 'fullName',
      idnumber: 'idnumber',
      category_id: 'category',
      visible: 'visible',
      format: 'format',
      start_date: 'startDate',
      end_date: 'endDate',
      term_code: 'term',
      activity_level: 'classification',
      deleted_at: 'deletedAt',
    },
  },
  users: {
    recordTable: 'users',
    fields: {
      username: 'username',
      idnumber: 'idnumber',
      firstname: 'firstName',
      lastname: 'lastName',
      email: 'email',
      match_kind: 'match',
      match_key: 'matchedKey',
      deleted_at: 'deletedAt',
    },
    sensitive: new Set(MOODLE_USER_SENSITIVE_FIELDS),
  },
};
