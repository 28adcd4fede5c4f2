import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idColumn, isPostgres } from '../../common/database/sql-dialect';

export class CreateSyncCore1764000000000 implements MigrationInterface {
  name = 'CreateSyncCore1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // PostgreSQL gets real booleans (the entities' `boolean` columns) and a double for the percentage.
    const pg = isPostgres(q);
    await q.query(`CREATE TABLE sources (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('connector', 'command')),
      enabled ${pg ? 'BOOLEAN NOT NULL DEFAULT TRUE' : 'INTEGER NOT NULL DEFAULT 1'},
      timeout_seconds INTEGER NOT NULL,
      base_url TEXT,
      username TEXT,
      password_encrypted TEXT,
      options TEXT NOT NULL DEFAULT '{}',
      command TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await q.query(`CREATE TABLE data_syncs (
      id ${idColumn(q)},
      source_id TEXT NOT NULL REFERENCES sources(id),
      trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule', 'cli', 'api')),
      triggered_by TEXT,
      reason TEXT,
      status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'success', 'failed', 'cancelled')),
      mode TEXT CHECK (mode IS NULL OR mode IN ('full', 'recent')),
      stage TEXT,
      percent ${pg ? 'DOUBLE PRECISION' : 'REAL'},
      message_key TEXT,
      message_params TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      finished_at TEXT,
      duration_ms INTEGER,
      fetched INTEGER NOT NULL DEFAULT 0,
      inserted INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      deleted INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      error_kind TEXT,
      error_message TEXT CHECK (error_message IS NULL OR length(error_message) <= 500),
      exit_code INTEGER,
      exit_signal TEXT,
      log_truncated ${pg ? 'BOOLEAN NOT NULL DEFAULT FALSE' : 'INTEGER NOT NULL DEFAULT 0'}
    )`);
    await q.query(`CREATE INDEX ix_data_syncs_source ON data_syncs (source_id, id)`);
    await q.query(`CREATE INDEX ix_data_syncs_status ON data_syncs (status, id)`);
    // One active run per source, enforced by the database so two triggers racing cannot both win.
    await q.query(`CREATE UNIQUE INDEX ux_data_syncs_active ON data_syncs (source_id) WHERE status IN ('pending', 'running')`);
    await q.query(`CREATE TABLE run_log_lines (
      id ${idColumn(q)},
      run_id INTEGER NOT NULL REFERENCES data_syncs(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      at TEXT NOT NULL,
      level TEXT NOT NULL,
      message TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_run_log_lines_run ON run_log_lines (run_id, seq)`);
    await q.query(`CREATE TABLE run_rejections (
      id ${idColumn(q)},
      run_id INTEGER NOT NULL REFERENCES data_syncs(id) ON DELETE CASCADE,
      record_key TEXT NOT NULL,
      reason TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_run_rejections_run ON run_rejections (run_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE run_rejections`);
    await q.query(`DROP TABLE run_log_lines`);
    await q.query(`DROP TABLE data_syncs`);
    await q.query(`DROP TABLE sources`);
  }
}
