import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

export type Row = Record<string, string | number | null>;
export type UpsertCounts = { inserted: number; updated: number; unchanged: number };
export type TableCounts = UpsertCounts & { deleted: number };

type Stored = { hash: string; deleted_at: string | null };

/**
 * Upserts one table's rows by natural key with prepared statements, counting inserted / updated / unchanged
 * by a hash of the data columns, and soft-deletes what a run did not see. The caller owns the transaction.
 */
export class TableWriter {
  private readonly select: Database.Statement<unknown[], Stored>;
  private readonly insert: Database.Statement<[Row]>;
  private readonly update: Database.Statement<[Row]>;
  private readonly touchRow: Database.Statement<[Row]>;
  private readonly softDelete: Database.Statement<[{ runId: string; now: string }]>;
  private readonly where: string;

  constructor(
    db: Database.Database,
    readonly table: string,
    private readonly keys: readonly string[],
    private readonly columns: readonly string[],
  ) {
    this.where = keys.map((key) => `${key} = @${key}`).join(' AND ');
    this.select = db.prepare(`SELECT hash, deleted_at FROM ${table} WHERE ${keys.map((key) => `${key} = ?`).join(' AND ')}`);
    const all = [...keys, ...columns];
    this.insert = db.prepare(
      `INSERT INTO ${table} (${all.join(', ')}, hash, created_at, updated_at, deleted_at, last_run_id, last_seen_run_id)
       VALUES (${all.map((c) => `@${c}`).join(', ')}, @hash, @now, @now, NULL, @runId, @runId)`,
    );
    this.update = db.prepare(
      `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, hash = @hash, updated_at = @now, deleted_at = NULL,
       last_run_id = @runId, last_seen_run_id = @runId WHERE ${this.where}`,
    );
    this.touchRow = db.prepare(`UPDATE ${table} SET last_seen_run_id = @runId WHERE ${this.where}`);
    this.softDelete = db.prepare(
      `UPDATE ${table} SET deleted_at = @now, updated_at = @now, last_run_id = @runId
       WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId)`,
    );
  }

  upsert(rows: readonly Row[], runId: string, now: string): UpsertCounts {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (const row of rows) {
      const hash = createHash('sha1')
        .update(JSON.stringify(this.columns.map((c) => row[c] ?? null)))
        .digest('hex');
      const stored = this.select.get(...this.keys.map((key) => row[key]));
      const params = { ...row, hash, now, runId };
      if (stored && stored.hash === hash && stored.deleted_at === null) {
        this.touchRow.run(params);
        counts.unchanged += 1;
      } else if (stored) {
        this.update.run(params);
        counts.updated += 1;
      } else {
        this.insert.run(params);
        counts.inserted += 1;
      }
    }
    return counts;
  }

  /** Marks rows as seen by this run without reading them again (incremental runs). */
  touch(keyRows: readonly Row[], runId: string): void {
    for (const row of keyRows) this.touchRow.run({ ...row, runId });
  }

  softDeleteUnseen(runId: string, now: string): number {
    return this.softDelete.run({ runId, now }).changes;
  }
}
