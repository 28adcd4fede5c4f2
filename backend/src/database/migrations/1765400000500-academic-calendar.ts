import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The academic calendar (terms and closures, Jalali dates) as one row: it is read and saved whole. */
export class AcademicCalendar1765400000500 implements MigrationInterface {
  name = 'AcademicCalendar1765400000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE academic_calendar (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      terms TEXT NOT NULL,
      closures TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE academic_calendar`);
  }
}
