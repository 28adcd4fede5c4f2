import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../../common/database/sql-dialect';

export class AddAutoSync1764000000200 implements MigrationInterface {
  name = 'AddAutoSync1764000000200';

  async up(q: QueryRunner): Promise<void> {
    const pg = isPostgres(q);
    await q.query(`CREATE TABLE source_schedules (
      source_id TEXT PRIMARY KEY NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      enabled ${pg ? 'BOOLEAN NOT NULL DEFAULT FALSE' : 'INTEGER NOT NULL DEFAULT 0'},
      every INTEGER CHECK (every IS NULL OR every > 0),
      unit TEXT CHECK (unit IS NULL OR unit IN ('seconds', 'minutes', 'hours', 'days')),
      cron TEXT,
      mode TEXT CHECK (mode IS NULL OR mode IN ('full', 'recent')),
      quiet_window TEXT,
      since TEXT NOT NULL,
      next_run_at TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      paused_at TEXT,
      updated_at TEXT NOT NULL,
      CHECK ((every IS NULL) = (unit IS NULL)),
      CHECK (cron IS NULL OR every IS NULL)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE source_schedules`);
  }
}
