import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idColumn } from '../../../common/database/sql-dialect';

/** Local changes waiting to be pushed to the CRM (kept a while after they are pushed), and the conflicts pushes met. */
export class CreateCrmOutbox1764000000410 implements MigrationInterface {
  name = 'CreateCrmOutbox1764000000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE crm_outbox (
      id ${idColumn(q)},
      table_name TEXT NOT NULL,
      record_id TEXT NOT NULL,
      data TEXT NOT NULL,
      local_updated_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending',
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      created_by TEXT,
      created_at TEXT NOT NULL,
      pushed_at TEXT
    )`);
    await q.query(`CREATE INDEX ix_crm_outbox_status ON crm_outbox (status, id)`);
    await q.query(`CREATE TABLE crm_conflicts (
      id ${idColumn(q)},
      outbox_id INTEGER,
      table_name TEXT NOT NULL,
      record_id TEXT NOT NULL,
      local_data TEXT NOT NULL,
      server_data TEXT NOT NULL,
      local_updated_at TEXT NOT NULL,
      server_updated_at TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open',
      resolution TEXT,
      resolved_by TEXT,
      resolved_at TEXT,
      reason TEXT,
      created_at TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_crm_conflicts_status ON crm_conflicts (status, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS crm_conflicts`);
    await q.query(`DROP TABLE IF EXISTS crm_outbox`);
  }
}
