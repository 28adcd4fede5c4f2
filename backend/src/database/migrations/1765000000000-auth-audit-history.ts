import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idColumn, isPostgres } from '../../common/database/sql-dialect';

/** Users and the audit trail (issue 5), who cancelled a run and why, and the history's indexes. */
export class AuthAuditHistory1765000000000 implements MigrationInterface {
  name = 'AuthAuditHistory1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const pg = isPostgres(q);
    await q.query(`CREATE TABLE users (
      id ${idColumn(q)},
      username TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'auditor')),
      is_active ${pg ? 'BOOLEAN NOT NULL DEFAULT TRUE' : 'INTEGER NOT NULL DEFAULT 1'},
      password_hash TEXT NOT NULL,
      session_version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_login_at TEXT
    )`);
    await q.query(`CREATE TABLE audit_log (
      id ${idColumn(q)},
      at TEXT NOT NULL,
      actor TEXT,
      action TEXT NOT NULL,
      target TEXT,
      ip TEXT,
      details TEXT
    )`);
    await q.query(`CREATE INDEX ix_audit_log_at ON audit_log (at)`);
    await q.query(`CREATE INDEX ix_audit_log_action ON audit_log (action, id)`);
    await q.query(`CREATE INDEX ix_audit_log_actor ON audit_log (actor, id)`);

    await q.query(`ALTER TABLE data_syncs ADD COLUMN cancelled_by TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN cancel_reason TEXT`);
    // History filters (chosen with `npm run bench` on 1,000,000 rows). Pages are "newest first" on created_at, so
    // every filter's index ends in created_at: an equality filter plus a date range is one index range, read in
    // order, that stops after one page.
    await q.query(`CREATE INDEX ix_data_syncs_created ON data_syncs (created_at)`);
    await q.query(`CREATE INDEX ix_data_syncs_source_created ON data_syncs (source_id, created_at)`);
    await q.query(`CREATE INDEX ix_data_syncs_status_created ON data_syncs (status, created_at)`);
    await q.query(`CREATE INDEX ix_data_syncs_source_status_created ON data_syncs (source_id, status, created_at)`);
    await q.query(`CREATE INDEX ix_data_syncs_trigger_created ON data_syncs (trigger, created_at)`);
    await q.query(`CREATE INDEX ix_data_syncs_by_created ON data_syncs (triggered_by, trigger, created_at)`);
    // Full-text search in error messages: trigram tokens match any substring of 3+ characters, Persian included.
    // PostgreSQL: pg_trgm's GIN index serves ILIKE '%…%' the same way (a trusted extension: the database owner may add it).
    if (pg) {
      await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await q.query(`CREATE INDEX ix_data_syncs_error_trgm ON data_syncs USING gin (error_message gin_trgm_ops)`);
      return;
    }
    await q.query(`CREATE VIRTUAL TABLE data_syncs_fts USING fts5(error_message, content='data_syncs', content_rowid='id', tokenize='trigram')`);
    await q.query(`INSERT INTO data_syncs_fts (rowid, error_message) SELECT id, error_message FROM data_syncs WHERE error_message IS NOT NULL`);
    await q.query(`CREATE TRIGGER data_syncs_fts_insert AFTER INSERT ON data_syncs WHEN new.error_message IS NOT NULL BEGIN
      INSERT INTO data_syncs_fts (rowid, error_message) VALUES (new.id, new.error_message);
    END`);
    await q.query(`CREATE TRIGGER data_syncs_fts_update AFTER UPDATE OF error_message ON data_syncs BEGIN
      INSERT INTO data_syncs_fts (data_syncs_fts, rowid, error_message) SELECT 'delete', old.id, old.error_message WHERE old.error_message IS NOT NULL;
      INSERT INTO data_syncs_fts (rowid, error_message) SELECT new.id, new.error_message WHERE new.error_message IS NOT NULL;
    END`);
    await q.query(`CREATE TRIGGER data_syncs_fts_delete AFTER DELETE ON data_syncs WHEN old.error_message IS NOT NULL BEGIN
      INSERT INTO data_syncs_fts (data_syncs_fts, rowid, error_message) VALUES ('delete', old.id, old.error_message);
    END`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (isPostgres(q)) {
      await q.query(`DROP INDEX ix_data_syncs_error_trgm`);
    } else {
      for (const trigger of ['data_syncs_fts_insert', 'data_syncs_fts_update', 'data_syncs_fts_delete']) await q.query(`DROP TRIGGER ${trigger}`);
      await q.query(`DROP TABLE data_syncs_fts`);
    }
    for (const index of ['created', 'source_created', 'status_created', 'source_status_created', 'trigger_created', 'by_created'].map(
      (name) => `ix_data_syncs_${name}`,
    )) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`ALTER TABLE data_syncs DROP COLUMN cancel_reason`);
    await q.query(`ALTER TABLE data_syncs DROP COLUMN cancelled_by`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE users`);
  }
}
