import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A source's explicit "fresh for" duration; NULL derives it from the schedule. */
export class SourceFreshness1765300000000 implements MigrationInterface {
  name = 'SourceFreshness1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources ADD COLUMN freshness_max_age_seconds INTEGER`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources DROP COLUMN freshness_max_age_seconds`);
  }
}
