import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isPostgres } from '../../common/database/sql-dialect';

const FILTERS = { source: 'source_id', status: 'status', trigger: 'trigger', by: 'triggered_by' };

/**
 * The distinct error messages of the runs, searchable, and an index per equality filter over the runs' messages
 * (failed runs only). A text search with a filter finds the matching messages — a few dozen even when 50,000 runs
 * carry them — then counts the filter's runs with those messages in the index: a text that never occurs with the
 * filter is known to match nothing without reading 50,000 matches (measured in `docs/benchmarks.md`).
 * SQLite only: on PostgreSQL the history searches `data_syncs.error_message` through pg_trgm's index, whose use
 * the planner chooses from its statistics, so this plan and its tables are not needed there.
 */
export class RunMessages1765000000200 implements MigrationInterface {
  name = 'RunMessages1765000000200';

  async up(q: QueryRunner): Promise<void> {
    if (isPostgres(q)) return;
    await q.query(`CREATE TABLE run_messages (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)`);
    await q.query(`CREATE VIRTUAL TABLE run_messages_fts USING fts5(text, content='run_messages', content_rowid='id', tokenize='trigram')`);
    await q.query(`CREATE TRIGGER run_messages_fts_insert AFTER INSERT ON run_messages BEGIN
      INSERT INTO run_messages_fts (rowid, text) VALUES (new.id, new.text);
    END`);
    await q.query(`CREATE TRIGGER run_messages_fts_delete AFTER DELETE ON run_messages BEGIN
      INSERT INTO run_messages_fts (run_messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END`);
    await q.query(`INSERT OR IGNORE INTO run_messages (text) SELECT DISTINCT error_message FROM data_syncs WHERE error_message IS NOT NULL`);
    await q.query(`CREATE TRIGGER data_syncs_message_insert AFTER INSERT ON data_syncs WHEN new.error_message IS NOT NULL BEGIN
      INSERT OR IGNORE INTO run_messages (text) VALUES (new.error_message);
    END`);
    await q.query(`CREATE TRIGGER data_syncs_message_update AFTER UPDATE OF error_message ON data_syncs WHEN new.error_message IS NOT NULL BEGIN
      INSERT OR IGNORE INTO run_messages (text) VALUES (new.error_message);
    END`);
    for (const [name, column] of Object.entries(FILTERS)) {
      await q.query(`CREATE INDEX ix_data_syncs_${name}_message ON data_syncs (${column}, error_message) WHERE error_message IS NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (isPostgres(q)) return;
    for (const name of Object.keys(FILTERS)) await q.query(`DROP INDEX ix_data_syncs_${name}_message`);
    for (const trigger of ['data_syncs_message_insert', 'data_syncs_message_update', 'run_messages_fts_insert', 'run_messages_fts_delete'])
      await q.query(`DROP TRIGGER ${trigger}`);
    await q.query(`DROP TABLE run_messages_fts`);
    await q.query(`DROP TABLE run_messages`);
  }
}
