import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An API token per source (e.g. a Moodle web-service token), encrypted like the password. */
export class AddSourceToken1764000000210 implements MigrationInterface {
  name = 'AddSourceToken1764000000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources ADD COLUMN token_encrypted TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources DROP COLUMN token_encrypted`);
  }
}
