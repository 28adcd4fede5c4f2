import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every table keeps the bookkeeping faculty_members has: a content hash (equal hash = unchanged), created/
// updated times, a soft-delete time, and the runs that last changed and last saw the row.
const BOOKKEEPING = `hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      last_run_id TEXT,
      last_seen_run_id TEXT`;

export class CreateMoodleTables1764000000300 implements MigrationInterface {
  name = 'CreateMoodleTables1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE moodle_categories (
      id INTEGER PRIMARY KEY NOT NULL,
      name TEXT NOT NULL,
      idnumber TEXT,
      parent_id INTEGER NOT NULL,
      path TEXT NOT NULL,
      depth INTEGER,
      sortorder INTEGER,
      visible INTEGER,
      time_modified TEXT,
      ${BOOKKEEPING}
    )`);
    await q.query(`CREATE TABLE moodle_courses (
      id INTEGER PRIMARY KEY NOT NULL,
      shortname TEXT NOT NULL,
      fullname TEXT NOT NULL,
      idnumber TEXT,
      category_id INTEGER,
      visible INTEGER,
      format TEXT,
      start_date TEXT,
      end_date TEXT,
      time_modified TEXT,
      cache_rev INTEGER,
      term_code TEXT,
      term_source TEXT CHECK (term_source IS NULL OR term_source IN ('shortname', 'idnumber', 'startdate')),
      activity_level TEXT CHECK (activity_level IS NULL OR activity_level IN ('empty', 'light', 'active')),
      ${BOOKKEEPING}
    )`);
    await q.query(`CREATE TABLE moodle_course_contents (
      course_id INTEGER PRIMARY KEY NOT NULL,
      sections INTEGER NOT NULL,
      visible_sections INTEGER NOT NULL,
      activities INTEGER NOT NULL,
      visible_activities INTEGER NOT NULL,
      hidden_activities INTEGER NOT NULL,
      teaching_activities INTEGER NOT NULL,
      resources INTEGER NOT NULL,
      files INTEGER NOT NULL,
      file_bytes INTEGER NOT NULL,
      pages INTEGER NOT NULL,
      urls INTEGER NOT NULL,
      assignments INTEGER NOT NULL,
      quizzes INTEGER NOT NULL,
      forums INTEGER NOT NULL,
      other_activities INTEGER NOT NULL,
      by_module TEXT NOT NULL,
      last_content_modified TEXT,
      analysed_marker TEXT,
      ${BOOKKEEPING}
    )`);
    await q.query(`CREATE TABLE moodle_users (
      id INTEGER PRIMARY KEY NOT NULL,
      username TEXT,
      idnumber TEXT,
      firstname TEXT NOT NULL,
      lastname TEXT NOT NULL,
      fullname TEXT NOT NULL,
      email TEXT,
      match_kind TEXT NOT NULL CHECK (match_kind IN ('student', 'faculty', 'none')),
      match_key TEXT,
      ${BOOKKEEPING}
    )`);
    await q.query(`CREATE TABLE moodle_enrolments (
      course_id INTEGER NOT NULL,
      user_id INTEGER NOT NULL,
      roles TEXT NOT NULL,
      ${BOOKKEEPING},
      PRIMARY KEY (course_id, user_id)
    )`);
    await q.query(`CREATE TABLE moodle_classifications (
      run_id TEXT PRIMARY KEY NOT NULL,
      created_at TEXT NOT NULL,
      summary TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_moodle_courses_term ON moodle_courses (term_code, activity_level)`);
    await q.query(`CREATE INDEX ix_moodle_users_match ON moodle_users (match_kind, match_key)`);
    await q.query(`CREATE INDEX ix_moodle_enrolments_user ON moodle_enrolments (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['moodle_classifications', 'moodle_enrolments', 'moodle_users', 'moodle_course_contents', 'moodle_courses', 'moodle_categories']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
