import type Database from 'better-sqlite3';
import type { ChangeKind } from '@hamgam/shared';
import { KIND_CODES } from './change-codes';
import type { StoredDiff } from './record-diff';

/** One record-level change a source's step hands to the change log; `diff` only for updates. */
export type ChangeInput = { kind: ChangeKind; table: string; key: string; diff?: StoredDiff };

/**
 * The worker's side of the change log (`WorkerContext.changes`). A source collects a batch's changes while it writes
 * the batch, then hands them over once the batch's own transaction has returned: `write` stores them in a
 * transaction of its own, so a batch a dry run rolls back still leaves its changes recorded.
 */
export type ChangeWriter = {
  /** False when the change log is off (the benchmark's comparison): sources skip reading old values. */
  readonly isEnabled: boolean;
  write(changes: readonly ChangeInput[]): void;
};

export const DISABLED_CHANGE_WRITER: ChangeWriter = { isEnabled: false, write: () => undefined };

type Row = [runId: number, seq: number, kind: number, tableId: number, key: string, diff: string | null];

/** Writes a run's changes to `run_changes` with prepared statements, numbering them in the order they come. */
export class SqliteChangeWriter implements ChangeWriter {
  readonly isEnabled = true;
  private readonly tableIds = new Map<string, number>();
  private nextSeq: number | null = null;
  private readonly insert: Database.Statement<Row>;
  private readonly writeAll: Database.Transaction<(changes: readonly ChangeInput[]) => void>;

  constructor(
    private readonly db: Database.Database,
    private readonly runId: number,
    private readonly sourceId: string,
  ) {
    this.insert = db.prepare<Row>('INSERT INTO run_changes (run_id, seq, kind, table_id, record_key, diff) VALUES (?, ?, ?, ?, ?, ?)');
    this.writeAll = db.transaction((changes: readonly ChangeInput[]) => {
      let seq = this.nextSeq ?? this.lastSeq() + 1;
      for (const change of changes) {
        const diff = change.kind === 'updated' && change.diff ? JSON.stringify(change.diff) : null;
        this.insert.run(this.runId, seq, KIND_CODES[change.kind], this.tableId(change.table), change.key, diff);
        seq += 1;
      }
      this.nextSeq = seq;
    });
  }

  write(changes: readonly ChangeInput[]): void {
    if (changes.length === 0) return;
    // IMMEDIATE: take the write lock first (see the sources' repositories on SQLITE_BUSY).
    this.writeAll.immediate(changes);
  }

  private lastSeq(): number {
    return this.db.prepare<[number], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM run_changes WHERE run_id = ?').get(this.runId)!.seq;
  }

  private tableId(table: string): number {
    const known = this.tableIds.get(table);
    if (known !== undefined) return known;
    this.db
      .prepare(
        `INSERT INTO change_tables (id, source_id, record_table)
         SELECT next_id, @source, @table FROM (SELECT COALESCE(MAX(id), 0) + 1 AS next_id FROM change_tables) AS ids
         WHERE NOT EXISTS (SELECT 1 FROM change_tables WHERE source_id = @source AND record_table = @table)`,
      )
      .run({ source: this.sourceId, table });
    const { id } = this.db
      .prepare<[string, string], { id: number }>('SELECT id FROM change_tables WHERE source_id = ? AND record_table = ?')
      .get(this.sourceId, table)!;
    this.tableIds.set(table, id);
    return id;
  }
}

/** The writer of a worker: off only when `HAMGAM_CHANGE_LOG=off` (for `npm run bench`'s comparison). */
export function createChangeWriter(db: Database.Database, runId: string, sourceId: string, env: NodeJS.ProcessEnv = process.env): ChangeWriter {
  if (env.HAMGAM_CHANGE_LOG === 'off') return DISABLED_CHANGE_WRITER;
  return new SqliteChangeWriter(db, Number(runId), sourceId);
}
