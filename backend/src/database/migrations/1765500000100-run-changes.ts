import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change log of runs: one row per inserted, updated or deleted record (`kind` 1, 2, 3), its record table by a
 * small id (`change_tables`) and its key; `diff` (compact JSON) only for updates. On SQLite the rows live in their
 * primary key's order (WITHOUT ROWID), so a run's changes are one range; a record's history is found by its index.
 */
export class RunChanges1765500000100 implements MigrationInterface {
  name = 'RunChanges1765500000100';

  async up(q: QueryRunner): Promise<void> {
    const isPostgres = q.connection.options.type === 'postgres';
    await q.query(`CREATE TABLE change_tables (
      id INTEGER PRIMARY KEY NOT NULL,
      source_id TEXT NOT NULL,
      record_table TEXT NOT NULL,
      CONSTRAINT uq_change_tables UNIQUE (source_id, record_table)
    )`);
    await q.query(`CREATE TABLE run_changes (
      run_id INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      kind INTEGER NOT NULL,
      table_id INTEGER NOT NULL,
      record_key TEXT NOT NULL,
      diff TEXT,
      PRIMARY KEY (run_id, seq)
    )${isPostgres ? '' : ' WITHOUT ROWID'}`);
    await q.query(`CREATE INDEX ix_run_changes_record ON run_changes (table_id, record_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_run_changes_record`);
    await q.query(`DROP TABLE run_changes`);
    await q.query(`DROP TABLE change_tables`);
  }
}
