import { createHash } from 'node:crypto';
import { insertRows } from '../../common/database/insert-rows';
import type { SqlDb, SqlValue } from '../../common/database/sql-db';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';

export type Row = Record<string, string | number | null>;
export type UpsertCounts = { inserted: number; updated: number; unchanged: number };
export type TableCounts = UpsertCounts & { deleted: number };

// What an admin sees of a row whose deletion waits for approval: its key and first few columns.
const HELD_COLUMNS = 4;
/**
 * Rows a staging statement writes before the last flush: a fixed number, so PostgreSQL reuses one prepared statement a
 * table instead of preparing one for every count of rows.
 */
export const STAGE_CHUNK = 250;

/** The first `count` entries of `buffer`, taken out of it. */
export function takeFirst<K, V>(buffer: Map<K, V>, count: number): V[] {
  const taken: V[] = [];
  for (const [key, value] of buffer) {
    if (taken.length >= count) break;
    taken.push(value);
    buffer.delete(key);
  }
  return taken;
}

/**
 * How a table's changes go to the change log: the record table it is in the data browser, its columns under the
 * browser's field names (columns left out are not compared) and the fields never logged with values.
 */
export type ChangeLogOf = { recordTable: string; fields: Readonly<Record<string, string>>; sensitive?: ReadonlySet<string> };

/** A TEMP table of the run's own connection, dropped first if an earlier run on it left one (SQLite's `temp.`, PostgreSQL's `pg_temp.`). */
export function tempTableName(db: SqlDb, name: string): string {
  return `${db.dialect === 'postgres' ? 'pg_temp' : 'temp'}.${name}`;
}

/**
 * One Moodle table written through a staging table: a run stages its rows (with a hash of the data columns) as it
 * reads them, in a TEMP table of its own connection, and `merge` then upserts them into the live table by natural
 * key, set-based, counting inserted / updated / unchanged by hash. A TEMP table is the connection's own, so a run
 * that fails or is killed leaves nothing behind, and staging takes no lock on the shared tables. Rows are buffered
 * (a row staged again under the same key replaces the first) and written by `flush` as multi-row inserts.
 * The caller owns the transactions of `flush`, `merge` and `softDeleteUnseen`.
 */
export class StagedTable {
  private readonly staged: string;
  private readonly buffer = new Map<string, SqlValue[]>();
  private readonly stageTail: string;
  private readonly sameKey: string;

  /** With `changeLog`, `merge` and `softDeleteUnseen` also list what they change into `changes`. */
  constructor(
    private readonly db: SqlDb,
    readonly table: string,
    private readonly keys: readonly string[],
    private readonly columns: readonly string[],
    private readonly changeLog: ChangeLogOf | null = null,
  ) {
    this.staged = `${table}_staged`;
    this.sameKey = keys.map((key) => `t.${key} = s.${key}`).join(' AND ');
    this.stageTail = `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${[...columns, 'hash'].map((c) => `${c} = excluded.${c}`).join(', ')}`;
  }

  private get all(): string[] {
    return [...this.keys, ...this.columns];
  }

  /** Creates the (empty) staging table: on SQLite untyped columns keep each value's type as bound; on PostgreSQL the live table's types. */
  async create(): Promise<void> {
    await this.db.run(`DROP TABLE IF EXISTS ${tempTableName(this.db, this.staged)}`);
    if (this.db.dialect === 'postgres') {
      await this.db.run(`CREATE TEMP TABLE ${this.staged} AS SELECT ${this.all.join(', ')}, hash FROM ${this.table} WITH NO DATA`);
      await this.db.run(`ALTER TABLE ${this.staged} ADD PRIMARY KEY (${this.keys.join(', ')})`);
    } else {
      await this.db.run(`CREATE TEMP TABLE ${this.staged} (${this.all.join(', ')}, hash NOT NULL, PRIMARY KEY (${this.keys.join(', ')}))`);
    }
  }

  private keyOf(row: Row, prefix: string): string {
    return this.keys.map((k) => String(row[`${prefix}${k}`])).join('/');
  }

  /** Buffers rows for this run's staging table; answers how many rows are buffered. */
  add(rows: readonly Row[]): number {
    for (const row of rows) {
      const hash = createHash('sha1')
        .update(JSON.stringify(this.columns.map((c) => row[c] ?? null)))
        .digest('hex');
      const values: SqlValue[] = [...this.all.map((c) => row[c] ?? null), hash];
      const key = this.keys.map((k) => String(row[k])).join('/');
      // Replaced in place keeps one row a key in the statement (PostgreSQL's upsert may not touch a row twice).
      this.buffer.delete(key);
      this.buffer.set(key, values);
    }
    return this.buffer.size;
  }

  get buffered(): number {
    return this.buffer.size;
  }

  /**
   * Writes buffered rows to the staging table (multi-row upserts), all of them when `all`, else whole chunks of
   * `STAGE_CHUNK` (the rest waits for the next flush); call in a transaction of the staging tables.
   */
  async flush(db: SqlDb, all: boolean): Promise<void> {
    const count = all ? this.buffer.size : this.buffer.size - (this.buffer.size % STAGE_CHUNK);
    if (count === 0) return;
    const rows = takeFirst(this.buffer, count);
    for (let start = 0; start < rows.length; start += STAGE_CHUNK) {
      await insertRows(db, this.staged, [...this.all, 'hash'], rows.slice(start, start + STAGE_CHUNK), this.stageTail);
    }
  }

  /** How many live rows `softDeleteUnseen` would delete. */
  async countUnseen(db: SqlDb, runId: string): Promise<number> {
    const row = await db.get<{ n: number }>(
      `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${this.table} WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> ?)`,
      [runId],
    );
    return row!.n;
  }

  /** The live rows `softDeleteUnseen` would delete: their key (`keys` joined by `/`), the run that last saw them and their first columns. */
  async unseenLive(db: SqlDb, runId: string): Promise<{ key: string; lastSeenRunId: string | null; values: Row }[]> {
    const rows = await db.all<Row>(
      `SELECT ${[...this.keys, ...this.columns.slice(0, HELD_COLUMNS)].join(', ')}, last_seen_run_id FROM ${this.table}
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> ?) ORDER BY ${this.keys.join(', ')}`,
      [runId],
    );
    return rows.map((row) => ({
      key: this.keyOf(row, ''),
      lastSeenRunId: row.last_seen_run_id === null ? null : String(row.last_seen_run_id),
      values: Object.fromEntries(this.columns.slice(0, HELD_COLUMNS).map((column) => [column, row[column] ?? null])),
    }));
  }

  async countLive(db: SqlDb): Promise<number> {
    return (await db.get<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${this.table} WHERE deleted_at IS NULL`))!.n;
  }

  /** Upserts every staged row into the live table (three set-based statements); unchanged rows only get `last_seen_run_id`. */
  async merge(db: SqlDb, runId: string, now: string, changes: ChangeInput[] = []): Promise<UpsertCounts> {
    const { table, staged, sameKey, keys, columns } = this;
    const order = keys.map((k) => `s.${k}`).join(', ');
    if (this.changeLog) {
      const { recordTable, fields, sensitive } = this.changeLog;
      const names = Object.entries(fields);
      // Read before the update and the insert that follow: the live row's old values beside the staged new ones.
      const logged = Object.keys(fields).filter((c) => c !== 'deleted_at');
      const replaced = await db.all<Row>(
        `SELECT ${keys.map((k) => `t.${k} AS "k_${k}"`).join(', ')}, ${logged.map((c) => `t.${c} AS "old_${c}", s.${c} AS "new_${c}"`).join(', ')},
           t.deleted_at AS "old_deleted_at"
         FROM ${table} AS t JOIN ${staged} AS s ON ${sameKey} WHERE t.hash <> s.hash OR t.deleted_at IS NOT NULL ORDER BY ${order}`,
      );
      for (const row of replaced) {
        const before = Object.fromEntries(names.map(([c, field]) => [field, row[`old_${c}`] ?? null]));
        const after = Object.fromEntries(names.map(([c, field]) => [field, c === 'deleted_at' ? null : (row[`new_${c}`] ?? null)]));
        changes.push({ kind: 'updated', table: recordTable, key: this.keyOf(row, 'k_'), diff: diffRecord(before, after, Object.values(fields), sensitive) });
      }
      const fresh = await db.all<Row>(
        `SELECT ${keys.map((k) => `s.${k} AS "k_${k}"`).join(', ')} FROM ${staged} AS s
         WHERE NOT EXISTS (SELECT 1 FROM ${table} AS t WHERE ${sameKey}) ORDER BY ${order}`,
      );
      for (const row of fresh) changes.push({ kind: 'inserted', table: recordTable, key: this.keyOf(row, 'k_') });
    }
    // In this order: rows marked unchanged keep their hash, so the update that follows passes over them.
    const unchanged = await db.run(
      `UPDATE ${table} AS t SET last_seen_run_id = @runId FROM ${staged} AS s WHERE ${sameKey} AND t.hash = s.hash AND t.deleted_at IS NULL`,
      { runId },
    );
    const updated = await db.run(
      `UPDATE ${table} AS t SET ${columns.map((c) => `${c} = s.${c}`).join(', ')}, hash = s.hash, updated_at = @now, deleted_at = NULL,
       last_run_id = @runId, last_seen_run_id = @runId
       FROM ${staged} AS s WHERE ${sameKey} AND (t.hash <> s.hash OR t.deleted_at IS NOT NULL)`,
      { runId, now },
    );
    const inserted = await db.run(
      `INSERT INTO ${table} (${this.all.join(', ')}, hash, created_at, updated_at, deleted_at, last_run_id, last_seen_run_id)
       SELECT ${this.all.map((c) => `s.${c}`).join(', ')}, s.hash, CAST(@now AS TEXT), CAST(@now AS TEXT), NULL, CAST(@runId AS TEXT), CAST(@runId AS TEXT)
       FROM ${staged} AS s WHERE NOT EXISTS (SELECT 1 FROM ${table} AS t WHERE ${sameKey})`,
      { runId, now },
    );
    return { inserted: inserted.changes, updated: updated.changes, unchanged: unchanged.changes };
  }

  async softDeleteUnseen(db: SqlDb, runId: string, now: string, changes: ChangeInput[] = []): Promise<number> {
    const rows = await db.all<Row>(
      `UPDATE ${this.table} SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId) RETURNING ${this.keys.join(', ')}`,
      { runId, now },
    );
    if (this.changeLog) {
      // RETURNING follows no order on PostgreSQL: by key, as the other changes.
      const keys = rows.map((row) => this.keys.map((k) => Number(row[k])));
      keys.sort((a, b) => a.reduce((diff, value, i) => diff || value - b[i], 0));
      for (const key of keys) changes.push({ kind: 'deleted', table: this.changeLog.recordTable, key: key.join('/') });
    }
    return rows.length;
  }
}
