import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export type Row = Record<string, string | number | null>;
export type UpsertCounts = { inserted: number; updated: number; unchanged: number };
export type TableCounts = UpsertCounts & { deleted: number };

// What an admin sees of a row whose deletion waits for approval: its key and first few columns.
const HELD_COLUMNS = 4;

/**
 * One Moodle table written through a staging table: a run stages its rows (with a hash of the data columns) as it
 * reads them, in a TEMP table of its own connection, and `merge` then upserts them into the live table by natural
 * key, counting inserted / updated / unchanged by hash. A TEMP table lives in a file SQLite has already unlinked, so
 * a run that fails or is killed leaves nothing behind, and staging takes no lock on the shared database file.
 * The caller owns the transaction of `merge` and `softDeleteUnseen`.
 */
export class StagedTable {
  private readonly stageRow: Database.Statement<[Row]>;
  private readonly markUnchanged: Database.Statement<[{ runId: string }]>;
  private readonly applyChanges: Database.Statement<[{ runId: string; now: string }]>;
  private readonly insertNew: Database.Statement<[{ runId: string; now: string }]>;
  private readonly softDelete: Database.Statement<[{ runId: string; now: string }]>;
  private readonly selectUnseen: Database.Statement<[{ runId: string }], Row>;
  private readonly countLiveRows: Database.Statement<[], { n: number }>;

  constructor(
    db: Database.Database,
    readonly table: string,
    private readonly keys: readonly string[],
    private readonly columns: readonly string[],
  ) {
    const staged = `temp.${table}_staged`;
    const all = [...keys, ...columns];
    // Untyped columns keep each value's type as bound, so the live table receives what a direct insert would.
    db.exec(`DROP TABLE IF EXISTS ${staged}`);
    db.exec(`CREATE TEMP TABLE ${table}_staged (${all.join(', ')}, hash NOT NULL, PRIMARY KEY (${keys.join(', ')}))`);
    const sameKey = keys.map((key) => `t.${key} = s.${key}`).join(' AND ');
    this.stageRow = db.prepare(`INSERT OR REPLACE INTO ${staged} (${all.join(', ')}, hash) VALUES (${all.map((c) => `@${c}`).join(', ')}, @hash)`);
    this.markUnchanged = db.prepare(
      `UPDATE main.${table} AS t SET last_seen_run_id = @runId FROM ${staged} AS s WHERE ${sameKey} AND t.hash = s.hash AND t.deleted_at IS NULL`,
    );
    this.applyChanges = db.prepare(
      `UPDATE main.${table} AS t SET ${columns.map((c) => `${c} = s.${c}`).join(', ')}, hash = s.hash, updated_at = @now, deleted_at = NULL,
       last_run_id = @runId, last_seen_run_id = @runId
       FROM ${staged} AS s WHERE ${sameKey} AND (t.hash <> s.hash OR t.deleted_at IS NOT NULL)`,
    );
    this.insertNew = db.prepare(
      `INSERT INTO main.${table} (${all.join(', ')}, hash, created_at, updated_at, deleted_at, last_run_id, last_seen_run_id)
       SELECT ${all.map((c) => `s.${c}`).join(', ')}, s.hash, @now, @now, NULL, @runId, @runId FROM ${staged} AS s
       WHERE NOT EXISTS (SELECT 1 FROM main.${table} AS t WHERE ${sameKey})`,
    );
    this.softDelete = db.prepare(
      `UPDATE main.${table} SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId)`,
    );
    this.selectUnseen = db.prepare(
      `SELECT ${[...keys, ...columns.slice(0, HELD_COLUMNS)].join(', ')}, last_seen_run_id FROM main.${table}
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId)`,
    );
    this.countLiveRows = db.prepare(`SELECT COUNT(*) AS n FROM main.${table} WHERE deleted_at IS NULL`);
  }

  /** The live rows `softDeleteUnseen` would delete: their key (`keys` joined by `/`), the run that last saw them and their first columns. */
  unseenLive(runId: string): { key: string; lastSeenRunId: string | null; values: Row }[] {
    return this.selectUnseen.all({ runId }).map((row) => ({
      key: this.keys.map((key) => String(row[key])).join('/'),
      lastSeenRunId: row.last_seen_run_id === null ? null : String(row.last_seen_run_id),
      values: Object.fromEntries(this.columns.slice(0, HELD_COLUMNS).map((column) => [column, row[column] ?? null])),
    }));
  }

  countLive(): number {
    return this.countLiveRows.get()!.n;
  }

  /** Adds rows to this run's staging table (a row staged again under the same key replaces the first). */
  stage(rows: readonly Row[]): void {
    for (const row of rows) {
      const hash = createHash('sha1')
        .update(JSON.stringify(this.columns.map((c) => row[c] ?? null)))
        .digest('hex');
      this.stageRow.run({ ...row, hash });
    }
  }

  /** Upserts every staged row into the live table; unchanged rows only get `last_seen_run_id`. */
  merge(runId: string, now: string): UpsertCounts {
    // In this order: rows marked unchanged keep their hash, so the update that follows passes over them.
    const unchanged = this.markUnchanged.run({ runId }).changes;
    const updated = this.applyChanges.run({ runId, now }).changes;
    const inserted = this.insertNew.run({ runId, now }).changes;
    return { inserted, updated, unchanged };
  }

  softDeleteUnseen(runId: string, now: string): number {
    return this.softDelete.run({ runId, now }).changes;
  }
}
