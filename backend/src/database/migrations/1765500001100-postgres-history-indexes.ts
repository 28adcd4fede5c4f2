import type { MigrationInterface, QueryRunner } from 'typeorm';
import { idColumn, isPostgres } from '../../common/database/sql-dialect';

/**
 * The history's indexes on PostgreSQL, as SQLite has them (measured in `docs/benchmarks.md`, 1,000,000 runs):
 * - every filter-and-sort index ends with `id`: the history sorts by a column then the id, and a SQLite index ends
 *   with the rowid by itself; without it PostgreSQL sorted each group of equal values (failed runs sorted by
 *   rejected, page 10: 157 ms p50, as many runs share a count);
 * - the runs' distinct error messages (`run_messages`, kept by a trigger, searched through pg_trgm) and an index per
 *   equality filter over the runs' messages, for the same plan as SQLite's (RunMessages1765000000200): a text common
 *   elsewhere but rare or absent with a filter is answered from a few index entries, not 50,000 trigram matches,
 *   and a text is matched as `error_message = ANY(its messages)`, whose values the planner weighs from its statistics;
 *   the runs' own trigram index (AuthAuditHistory1765000000000) goes, see below.
 * SQLite: nothing (its indexes already end with the rowid, its messages are RunMessages1765000000200's).
 */
export const REBUILT_INDEXES: Record<string, string> = {
  ix_data_syncs_created: 'created_at',
  ix_data_syncs_source_created: 'source_id, created_at',
  ix_data_syncs_status_created: 'status, created_at',
  ix_data_syncs_source_status_created: 'source_id, status, created_at',
  ix_data_syncs_trigger_created: 'trigger, created_at',
  ix_data_syncs_by_created: 'triggered_by, trigger, created_at',
  ix_data_syncs_duration: 'duration_ms',
  ix_data_syncs_source_duration: 'source_id, duration_ms',
  ix_data_syncs_status_duration: 'status, duration_ms',
  ix_data_syncs_fetched: 'fetched',
  ix_data_syncs_source_fetched: 'source_id, fetched',
  ix_data_syncs_status_fetched: 'status, fetched',
  ix_data_syncs_rejected: 'rejected',
  ix_data_syncs_source_rejected: 'source_id, rejected',
  ix_data_syncs_status_rejected: 'status, rejected',
};

const FILTERS = { source: 'source_id', status: 'status', trigger: 'trigger', by: 'triggered_by' };

export class PostgresHistoryIndexes1765500001100 implements MigrationInterface {
  name = 'PostgresHistoryIndexes1765500001100';

  async up(q: QueryRunner): Promise<void> {
    if (!isPostgres(q)) return;
    for (const [name, columns] of Object.entries(REBUILT_INDEXES)) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON data_syncs (${columns}, id)`);
    }
    // Messages are at most 500 characters (the column's CHECK), well inside a B-tree entry.
    // `folded`: the text in lower case, searched with LIKE — what ILIKE does for every row on a multibyte database
    // (lower() of both sides), once per message instead of once per search (5,252 messages: 14 ms with ILIKE, 2.6 with LIKE).
    await q.query(`CREATE TABLE run_messages (id ${idColumn(q)}, text TEXT NOT NULL UNIQUE, folded TEXT GENERATED ALWAYS AS (lower(text)) STORED)`);
    await q.query(`CREATE INDEX ix_run_messages_trgm ON run_messages USING gin (folded gin_trgm_ops)`);
    await q.query(`INSERT INTO run_messages (text) SELECT DISTINCT error_message FROM data_syncs WHERE error_message IS NOT NULL`);
    await q.query(`CREATE FUNCTION data_syncs_message() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.error_message IS NOT NULL THEN
          INSERT INTO run_messages (text) VALUES (NEW.error_message) ON CONFLICT (text) DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER data_syncs_message AFTER INSERT OR UPDATE OF error_message ON data_syncs
      FOR EACH ROW EXECUTE FUNCTION data_syncs_message()`);
    for (const [name, column] of Object.entries(FILTERS)) {
      await q.query(`CREATE INDEX ix_data_syncs_${name}_message ON data_syncs (${column}, error_message, id) WHERE error_message IS NOT NULL`);
    }
    // pg_trgm's operator class serves `=` too: the planner read the runs' trigram index for `error_message = ANY(…)`
    // (50,000 entries, 80 ms) instead of the filter's message index. The messages' trigram index replaces it.
    await q.query(`DROP INDEX ix_data_syncs_error_trgm`);
    // A common text's count reads its messages' runs here (within a date range too), stopping at the counted limit.
    await q.query(`CREATE INDEX ix_data_syncs_message ON data_syncs (error_message, created_at, id) WHERE error_message IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    if (!isPostgres(q)) return;
    await q.query(`DROP INDEX ix_data_syncs_message`);
    await q.query(`CREATE INDEX ix_data_syncs_error_trgm ON data_syncs USING gin (error_message gin_trgm_ops)`);
    for (const name of Object.keys(FILTERS)) await q.query(`DROP INDEX ix_data_syncs_${name}_message`);
    await q.query(`DROP TRIGGER data_syncs_message ON data_syncs`);
    await q.query(`DROP FUNCTION data_syncs_message()`);
    await q.query(`DROP TABLE run_messages`);
    for (const [name, columns] of Object.entries(REBUILT_INDEXES)) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON data_syncs (${columns})`);
    }
  }
}
