import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../../../common/database/sql-dialect';

export class CreateStudents1764000000200 implements MigrationInterface {
  name = 'CreateStudents1764000000200';

  async up(q: QueryRunner): Promise<void> {
    // A SQLite storage option (the key is the table); PostgreSQL has no rowid to leave out.
    const withoutRowid = isPostgres(q) ? '' : ' WITHOUT ROWID';
    // One row per student: the record of the latest term seen (term, then campus code, break ties).
    await q.query(`CREATE TABLE students (
      student_number TEXT PRIMARY KEY NOT NULL,
      national_code TEXT,
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      first_name_en TEXT,
      last_name_en TEXT,
      father_name TEXT,
      status_code TEXT,
      status_text TEXT,
      birth_date TEXT,
      birth_place TEXT,
      city TEXT,
      address TEXT,
      mobile TEXT,
      email TEXT,
      sex TEXT,
      course_code TEXT,
      course_name TEXT,
      grade TEXT,
      grade_name TEXT,
      graduation_date TEXT,
      last_degree TEXT,
      university_name TEXT,
      campus_name TEXT,
      sub_number TEXT,
      province_code TEXT,
      province_name TEXT,
      campus_code TEXT NOT NULL,
      term TEXT NOT NULL,
      hash TEXT NOT NULL,
      search_text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      last_run_id TEXT
    )`);
    // Every student's status in every term (and campus) a call returned them in: their path for auditors.
    await q.query(`CREATE TABLE student_terms (
      student_number TEXT NOT NULL,
      term TEXT NOT NULL,
      campus_code TEXT NOT NULL,
      status_code TEXT,
      status_text TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_run_id TEXT NOT NULL,
      PRIMARY KEY (student_number, term, campus_code)
    )${withoutRowid}`);
    // The last body stored for each page of each call, by hash, with what it held: a run that gets the same
    // bytes again skips parsing and writing them and only counts them (see StudentsPageWriter).
    await q.query(`CREATE TABLE student_pages (
      campus_code TEXT NOT NULL,
      term TEXT NOT NULL,
      page_number INTEGER NOT NULL,
      body_hash TEXT NOT NULL,
      fetched INTEGER NOT NULL,
      student_numbers TEXT NOT NULL,
      rejects TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_run_id TEXT NOT NULL,
      PRIMARY KEY (campus_code, term, page_number)
    )${withoutRowid}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS student_pages`);
    await q.query(`DROP TABLE IF EXISTS student_terms`);
    await q.query(`DROP TABLE IF EXISTS students`);
  }
}
