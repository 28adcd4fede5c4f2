import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../../common/database/sql-dialect';

/** Schedules that follow the academic calendar: skip its closures, another interval inside its terms, and why the next run is when it is. */
export class ScheduleCalendar1765400000700 implements MigrationInterface {
  name = 'ScheduleCalendar1765400000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE source_schedules ADD COLUMN skip_closures BOOLEAN NOT NULL DEFAULT ${isPostgres(q) ? 'FALSE' : '0'}`);
    await q.query(`ALTER TABLE source_schedules ADD COLUMN in_term_every INTEGER`);
    await q.query(`ALTER TABLE source_schedules ADD COLUMN in_term_unit TEXT`);
    await q.query(`ALTER TABLE source_schedules ADD COLUMN next_run_reason TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['next_run_reason', 'in_term_unit', 'in_term_every', 'skip_closures']) {
      await q.query(`ALTER TABLE source_schedules DROP COLUMN ${column}`);
    }
  }
}
