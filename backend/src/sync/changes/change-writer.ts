import type { ChangeKind } from '@hamgam/shared';
import { insertRows } from '../../common/database/insert-rows';
import type { SqlDb } from '../../common/database/sql-db';
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
  write(changes: readonly ChangeInput[]): Promise<void>;
};

export const DISABLED_CHANGE_WRITER: ChangeWriter = { isEnabled: false, write: () => Promise.resolve() };

const COLUMNS = ['run_id', 'seq', 'kind', 'table_id', 'record_key', 'diff'];

/** Writes a run's changes to `run_changes`, numbering them in the order they come. */
export class SqlChangeWriter implements ChangeWriter {
  readonly isEnabled = true;
  private readonly tableIds = new Map<string, number>();
  private nextSeq: number | null = null;

  constructor(
    private readonly db: SqlDb,
    private readonly runId: number,
    private readonly sourceId: string,
  ) {}

  async write(changes: readonly ChangeInput[]): Promise<void> {
    if (changes.length === 0) return;
    await this.db.transaction(async (tx) => {
      let seq = this.nextSeq ?? (await this.lastSeq(tx)) + 1;
      const rows = [];
      for (const change of changes) {
        const diff = change.kind === 'updated' && change.diff ? JSON.stringify(change.diff) : null;
        rows.push([this.runId, seq, KIND_CODES[change.kind], await this.tableId(tx, change.table), change.key, diff]);
        seq += 1;
      }
      await insertRows(tx, 'run_changes', COLUMNS, rows);
      this.nextSeq = seq;
    });
  }

  private async lastSeq(tx: SqlDb): Promise<number> {
    const row = await tx.get<{ seq: number }>('SELECT CAST(COALESCE(MAX(seq), 0) AS INTEGER) AS seq FROM run_changes WHERE run_id = ?', [this.runId]);
    return row!.seq;
  }

  private async tableId(tx: SqlDb, table: string): Promise<number> {
    const known = this.tableIds.get(table);
    if (known !== undefined) return known;
    await tx.run(
      `INSERT INTO change_tables (id, source_id, record_table)
       SELECT next_id, @source, @table FROM (SELECT COALESCE(MAX(id), 0) + 1 AS next_id FROM change_tables) AS ids
       WHERE NOT EXISTS (SELECT 1 FROM change_tables WHERE source_id = @source AND record_table = @table)
       ON CONFLICT DO NOTHING`,
      { source: this.sourceId, table },
    );
    const { id } = (await tx.get<{ id: number }>('SELECT id FROM change_tables WHERE source_id = ? AND record_table = ?', [this.sourceId, table]))!;
    this.tableIds.set(table, id);
    return id;
  }
}

/** The writer of a worker: off only when `HAMGAM_CHANGE_LOG=off` (for `npm run bench`'s comparison). */
export function createChangeWriter(db: SqlDb, runId: string, sourceId: string, env: NodeJS.ProcessEnv = process.env): ChangeWriter {
  if (env.HAMGAM_CHANGE_LOG === 'off') return DISABLED_CHANGE_WRITER;
  return new SqlChangeWriter(db, Number(runId), sourceId);
}
