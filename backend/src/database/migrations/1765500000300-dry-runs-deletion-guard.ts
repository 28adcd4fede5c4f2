import type Database from 'better-sqlite3';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_STATUSES = `'pending', 'running', 'success', 'failed', 'cancelled'`;
const NEW_STATUSES = `${OLD_STATUSES}, 'awaiting_approval'`;

/**
 * Dry runs (`data_syncs.dry_run`) and the deletion guard: held deletions per run (`held_deletions`, each record's
 * last known values and the run that last saw it), the decision taken on them, the per-source limits, and the new
 * status `awaiting_approval` in data_syncs' CHECK.
 */
export class DryRunsDeletionGuard1765500000300 implements MigrationInterface {
  name = 'DryRunsDeletionGuard1765500000300';

  async up(q: QueryRunner): Promise<void> {
    await this.replaceStatusCheck(q, OLD_STATUSES, NEW_STATUSES);
    // A real BOOLEAN on PostgreSQL, as the entity's other flags (TypeORM sends true/false there); 0/1 on SQLite.
    const flag = q.connection.options.type === 'postgres' ? 'BOOLEAN NOT NULL DEFAULT false' : 'INTEGER NOT NULL DEFAULT 0';
    await q.query(`ALTER TABLE data_syncs ADD COLUMN dry_run ${flag}`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN held_deletions INTEGER NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN deletion_decision TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN deletion_decided_by TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN deletion_decision_reason TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN deletion_decided_at TEXT`);
    await q.query(`ALTER TABLE data_syncs ADD COLUMN deletions_applied INTEGER NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX ix_data_syncs_awaiting ON data_syncs (source_id, id) WHERE status = 'awaiting_approval'`);
    await q.query(`ALTER TABLE sources ADD COLUMN deletion_guard TEXT`);
    await q.query(`CREATE TABLE held_deletions (
      run_id INTEGER NOT NULL REFERENCES data_syncs(id) ON DELETE CASCADE,
      record_table TEXT NOT NULL,
      record_key TEXT NOT NULL,
      last_seen_run_id TEXT,
      record_values TEXT NOT NULL,
      PRIMARY KEY (run_id, record_table, record_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE held_deletions`);
    await q.query(`ALTER TABLE sources DROP COLUMN deletion_guard`);
    await q.query(`DROP INDEX ix_data_syncs_awaiting`);
    for (const column of [
      'deletions_applied',
      'deletion_decided_at',
      'deletion_decision_reason',
      'deletion_decided_by',
      'deletion_decision',
      'held_deletions',
      'dry_run',
    ]) {
      await q.query(`ALTER TABLE data_syncs DROP COLUMN ${column}`);
    }
    await q.query(`UPDATE data_syncs SET status = 'success' WHERE status = 'awaiting_approval'`);
    await this.replaceStatusCheck(q, NEW_STATUSES, OLD_STATUSES);
  }

  private async replaceStatusCheck(q: QueryRunner, from: string, to: string): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`ALTER TABLE data_syncs DROP CONSTRAINT IF EXISTS data_syncs_status_check`);
      await q.query(`ALTER TABLE data_syncs ADD CONSTRAINT data_syncs_status_check CHECK (status IN (${to}))`);
      return;
    }
    // SQLite cannot alter a CHECK; rebuilding data_syncs would cascade into its log lines, rejections, FTS and
    // triggers. A CHECK's text does not touch the stored rows, so SQLite's documented writable_schema edit
    // (https://www.sqlite.org/lang_altertable.html#otheralter) widens it in place.
    const db = (q.connection.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
    const version = db.pragma('schema_version', { simple: true }) as number;
    db.unsafeMode(true);
    try {
      db.pragma('writable_schema = ON');
      const changed = db
        .prepare(`UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'data_syncs'`)
        .run(`status IN (${from})`, `status IN (${to})`).changes;
      if (changed !== 1) throw new Error('data_syncs has no status CHECK to widen');
      db.pragma(`schema_version = ${version + 1}`);
      db.pragma('writable_schema = OFF');
    } finally {
      db.unsafeMode(false);
    }
  }
}
