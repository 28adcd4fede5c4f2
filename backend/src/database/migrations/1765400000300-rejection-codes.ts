import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rejected records carry a code, its parameters (JSON), the term and the record table; rows recorded before keep
 * their text in `reason`. The list groups a run's rejections by record key, hence the index.
 */
export class RejectionCodes1765400000300 implements MigrationInterface {
  name = 'RejectionCodes1765400000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE run_rejections ADD COLUMN code TEXT`);
    await q.query(`ALTER TABLE run_rejections ADD COLUMN params TEXT`);
    await q.query(`ALTER TABLE run_rejections ADD COLUMN term TEXT`);
    await q.query(`ALTER TABLE run_rejections ADD COLUMN record_table TEXT`);
    await q.query(`CREATE INDEX ix_run_rejections_run_key ON run_rejections (run_id, record_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_run_rejections_run_key`);
    for (const column of ['record_table', 'term', 'params', 'code']) await q.query(`ALTER TABLE run_rejections DROP COLUMN ${column}`);
  }
}
