import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFacultyMembers1764000000100 implements MigrationInterface {
  name = 'CreateFacultyMembers1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE faculty_members (
      national_code TEXT PRIMARY KEY NOT NULL,
      professor_code TEXT,
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      field TEXT,
      code TEXT,
      mobile TEXT,
      email TEXT,
      personnel_id TEXT,
      campus_code TEXT,
      campus_name TEXT,
      city TEXT,
      sex TEXT,
      scope TEXT,
      scope_id TEXT,
      province_name TEXT,
      employ_state TEXT,
      employ_type TEXT,
      employ_type_title TEXT,
      hire_type TEXT,
      hire_type_title TEXT,
      hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      last_run_id TEXT,
      last_seen_run_id TEXT
    )`);
    await q.query(`CREATE INDEX ix_faculty_members_deleted_at ON faculty_members (deleted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS ix_faculty_members_deleted_at`);
    await q.query(`DROP TABLE IF EXISTS faculty_members`);
  }
}
