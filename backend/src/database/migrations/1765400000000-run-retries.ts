import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How many calls a run tried again, so a failed run can say "the run retried N times". */
export class RunRetries1765400000000 implements MigrationInterface {
  name = 'RunRetries1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_syncs ADD COLUMN retries INTEGER NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE data_syncs DROP COLUMN retries`);
  }
}
