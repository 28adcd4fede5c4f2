import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';

export type Row = Record<string, string | number | null>;
export type UpsertCounts = { inserted: number; updated: number; unchanged: number };
export type TableCounts = UpsertCounts & { deleted: number };

// What an admin sees of a row whose deletion waits for approval: its key and first few columns.
const HELD_COLUMNS = 4;

/**
 * How a table's changes go to the change log: the record table it is in the data browser, its columns under the
 * browser's field names (columns left out are not compared) and the fields never logged with values.
 */
export type ChangeLogOf = { recordTable: string; fields: Readonly<Record<string, string>>; sensitive?: ReadonlySet<string> };

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
  private readonly softDelete: Database.Statement<[{ runId: string; now: string }], Row>;
  private readonly selectReplaced: Database.Statement<[], Row> | null = null;
  private readonly selectNew: Database.Statement<[], Row> | null = null;
  private readonly selectUnseen: Database.Statement<[{ runId: string }], Row>;
  private readonly countLiveRows: Database.Statement<[], { n: number }>;

  /** With `changeLog`, `merge` and `softDeleteUnseen` also list what they change into `changes`. */
  constructor(
    db: Database.Database,
    readonly table: string,
    private readonly keys: readonly string[],
    private readonly columns: readonly string[],
    private readonly changeLog: ChangeLogOf | null = null,
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
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId) RETURNING ${keys.join(', ')}`,
    );
    this.selectUnseen = db.prepare(
      `SELECT ${[...keys, ...columns.slice(0, HELD_COLUMNS)].join(', ')}, last_seen_run_id FROM main.${table}
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId)`,
    );
    this.countLiveRows = db.prepare(`SELECT COUNT(*) AS n FROM main.${table} WHERE deleted_at IS NULL`);
    if (changeLog) {
      // Read before the update and the insert that follow: the live row's old values beside the staged new ones.
      const logged = Object.keys(changeLog.fields).filter((c) => c !== 'deleted_at');
      this.selectReplaced = db.prepare(
        `SELECT ${keys.map((k) => `t.${k} AS "k_${k}"`).join(', ')}, ${logged.map((c) => `t.${c} AS "old_${c}", s.${c} AS "new_${c}"`).join(', ')},
           t.deleted_at AS "old_deleted_at"
         FROM main.${table} AS t JOIN ${staged} AS s ON ${sameKey} WHERE t.hash <> s.hash OR t.deleted_at IS NOT NULL`,
      );
      this.selectNew = db.prepare(
        `SELECT ${keys.map((k) => `s.${k} AS "k_${k}"`).join(', ')} FROM ${staged} AS s WHERE NOT EXISTS (SELECT 1 FROM main.${table} AS t WHERE ${sameKey})`,
      );
    }
  }

  private keyOf(row: Row, prefix: string): string {
    return this.keys.map((k) => String(row[`${prefix}${k}`])).join('/');
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
  merge(runId: string, now: string, changes: ChangeInput[] = []): UpsertCounts {
    if (this.changeLog && this.selectReplaced && this.selectNew) {
      const { recordTable, fields, sensitive } = this.changeLog;
      const names = Object.entries(fields);
      for (const row of this.selectReplaced.iterate()) {
        const before = Object.fromEntries(names.map(([c, field]) => [field, row[`old_${c}`] ?? null]));
        const after = Object.fromEntries(names.map(([c, field]) => [field, c === 'deleted_at' ? null : (row[`new_${c}`] ?? null)]));
        changes.push({ kind: 'updated', table: recordTable, key: this.keyOf(row, 'k_'), diff: diffRecord(before, after, Object.values(fields), sensitive) });
      }
      for (const row of this.selectNew.iterate()) changes.push({ kind: 'inserted', table: recordTable, key: this.keyOf(row, 'k_') });
    }
    // In this order: rows marked unchanged keep their hash, so the update that follows passes over them.
    const unchanged = this.markUnchanged.run({ runId }).changes;
    const updated = this.applyChanges.run({ runId, now }).changes;
    const inserted = this.insertNew.run({ runId, now }).changes;
    return { inserted, updated, unchanged };
  }

  softDeleteUnseen(runId: string, now: string, changes: ChangeInput[] = []): number {
    const rows = this.softDelete.all({ runId, now });
    if (this.changeLog) for (const row of rows) changes.push({ kind: 'deleted', table: this.changeLog.recordTable, key: this.keyOf(row, '') });
    return rows.length;
  }
}
