import type { SqlDb } from '../../common/database/sql-db';
import { runWriteTransaction } from '../../common/database/write-transaction';
import type { ChangeInput } from '../../sync/changes/change-writer';
import type { HeldRecord } from '../../sync/source-definition';
import type { CrmChange } from './crm.parser';
import { CONTACT_FIELDS, INTERACTION_FIELDS, TABLES, applyToState, readStoredRows, writePage, type PageCounts } from './crm.page-writer';

export { TABLES, type PageCounts } from './crm.page-writer';

type Row = Record<string, string | number | null>;

const WATERMARK = `INSERT INTO crm_watermark (id, server_updated_at, updated_at, run_id) VALUES (1, @at, @now, @run_id)
  ON CONFLICT (id) DO UPDATE SET server_updated_at = CASE
      WHEN crm_watermark.server_updated_at IS NOT NULL AND crm_watermark.server_updated_at > excluded.server_updated_at
      THEN crm_watermark.server_updated_at ELSE excluded.server_updated_at END,
    updated_at = excluded.updated_at, run_id = excluded.run_id`;

/**
 * Stores the CRM's change feed a page at a time with set-based SQL both databases run (`common/database/sql-db.ts`):
 * one read of the page's stored rows a table, one statement marking the unchanged as seen, one multi-row upsert of
 * the rest and the watermark, in one transaction, so a run cut off anywhere resumes from the last page wholly stored.
 */
export class CrmRepository {
  /** A dry run's changes by `table:id` and the version it applied: its rolled-back pages cannot tell repeats from the database. */
  private readonly dryRunSeen = new Map<string, string>();

  /**
   * `logChanges`: list each page's changes (an update's diff from the stored row read with the page's state).
   * `isDryRun`: every page (and the watermark it moves) is rolled back (`runWriteTransaction`): nothing is stored.
   */
  constructor(
    private readonly db: SqlDb,
    private readonly options: { logChanges?: boolean; isDryRun?: boolean } = {},
  ) {}

  private get logChanges(): boolean {
    return this.options.logChanges === true;
  }

  private get isDryRun(): boolean {
    return this.options.isDryRun === true;
  }

  /** Stores a page's changes and moves the watermark to its newest change, all in one transaction. */
  applyPage(changes: readonly CrmChange[], runId: string, now: string): Promise<PageCounts> {
    return runWriteTransaction(this.db, this.isDryRun, async (tx) => {
      const counts: PageCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0, revived: 0, repeats: 0, changes: [] };
      const fresh = changes.filter((change) => !this.isDryRunRepeat(change, counts));
      const states = await readStoredRows(tx, fresh);
      for (const change of fresh) applyToState(states, change, runId, counts, this.logChanges);
      await writePage(tx, states, runId, now);
      let newest: string | null = null;
      for (const change of changes) if (newest === null || change.serverUpdatedAt > newest) newest = change.serverUpdatedAt;
      if (newest !== null) await tx.run(WATERMARK, { at: newest, now, run_id: runId });
      return counts;
    });
  }

  /** In a dry run, a change this run already applied (at this version or newer) is a repeat: nothing it rolled back tells. */
  private isDryRunRepeat(change: CrmChange, counts: PageCounts): boolean {
    if (!this.isDryRun) return false;
    const key = `${change.table}:${change.id}`;
    const applied = this.dryRunSeen.get(key);
    if (applied !== undefined && applied >= change.serverUpdatedAt) {
      counts.repeats += 1;
      return true;
    }
    this.dryRunSeen.set(key, change.serverUpdatedAt);
    return false;
  }

  /**
   * The live rows `softDeleteUnseen` would delete, with their last known values. A real run marked what it saw
   * (`last_seen_run_id`); a dry run rolled that back and names them from memory instead.
   */
  async unseenLive(runId: string): Promise<HeldRecord[]> {
    const unseen: HeldRecord[] = [];
    for (const [id, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
      const fields = id === 'contacts' ? CONTACT_FIELDS : INTERACTION_FIELDS;
      const select = `SELECT id, last_seen_run_id, ${fields.join(', ')} FROM ${table} WHERE deleted_at IS NULL`;
      const rows = this.isDryRun
        ? await this.db.all<Row>(select)
        : await this.db.all<Row>(`${select} AND (last_seen_run_id IS NULL OR last_seen_run_id <> ?)`, [runId]);
      for (const row of rows) {
        const key = String(row.id);
        if (this.isDryRun && this.dryRunSeen.has(`${id}:${key}`)) continue;
        const lastSeen = row.last_seen_run_id === null ? null : String(row.last_seen_run_id);
        unseen.push({ table: id, key, lastSeenRunId: lastSeen, values: Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) });
      }
    }
    return unseen;
  }

  /** The newest `server_updated_at` wholly stored, or null before the first page. */
  async watermark(): Promise<string | null> {
    return (await this.db.get<{ server_updated_at: string | null }>(`SELECT server_updated_at FROM crm_watermark WHERE id = 1`))?.server_updated_at ?? null;
  }

  /** After a complete full run: soft-deletes live rows of both tables the run did not see. Returns how many and, when logging, the changes. */
  async softDeleteUnseen(runId: string, now: string): Promise<{ deleted: number; changes: ChangeInput[] }> {
    const changes: ChangeInput[] = [];
    let deleted = 0;
    for (const [name, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
      const rows = await this.db.all<{ id: string }>(
        `UPDATE ${table} SET deleted_at = @now, updated_at = @now, sync_version = sync_version + 1, last_run_id = @runId
         WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId) RETURNING id`,
        { runId, now },
      );
      deleted += rows.length;
      if (this.logChanges) for (const row of rows) changes.push({ kind: 'deleted', table: name, key: String(row.id) });
    }
    return { deleted, changes };
  }

  async countLive(): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      `SELECT (SELECT CAST(COUNT(*) AS INTEGER) FROM ${TABLES.contacts} WHERE deleted_at IS NULL)
            + (SELECT CAST(COUNT(*) AS INTEGER) FROM ${TABLES.interactions} WHERE deleted_at IS NULL) AS n`,
    );
    return Number(row!.n);
  }
}
