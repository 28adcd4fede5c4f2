import type Database from 'better-sqlite3';
import { runSqliteWriteTransaction as runWriteTransaction } from '../../common/database/write-transaction';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';
import type { HeldRecord } from '../../sync/source-definition';
import type { CrmChange, CrmContact, CrmInteraction } from './crm.parser';
import { CRM_CONTACT_SENSITIVE_FIELDS } from './crm.sensitive';

/**
 * What storing one page did; `repeats` are changes this run had already stored (the feed is at-least-once);
 * `changes`, when the change log is on, what the page did to each record (for `WorkerContext.changes`).
 */
export type PageCounts = {
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
  revived: number;
  repeats: number;
  changes: ChangeInput[];
};

type StoredState = { server_updated_at: string; deleted_at: string | null; last_seen_run_id: string | null };

export const TABLES = { contacts: 'crm_contacts', interactions: 'crm_interactions' } as const;

// A tombstone may carry only the id: its empty fields keep what is stored.
const CONTACT_FIELDS = ['full_name', 'national_code', 'mobile', 'email', 'stage', 'owner', 'student_number'] as const;
const INTERACTION_FIELDS = ['contact_id', 'kind', 'summary', 'occurred_at'] as const;

const contactRow = (c: CrmContact) => ({
  full_name: c.fullName,
  national_code: c.nationalCode,
  mobile: c.mobile,
  email: c.email,
  stage: c.stage,
  owner: c.owner,
  student_number: c.studentNumber,
});
const interactionRow = (i: CrmInteraction) => ({ contact_id: i.contactId, kind: i.kind, summary: i.summary, occurred_at: i.occurredAt });

type Row = Record<string, string | number | null>;

// The change log names fields as the data browser does (`crm.records.ts`); a revived or deleted record's `deletedAt`.
const FIELD_NAMES: Record<keyof typeof TABLES, Record<string, string>> = {
  contacts: {
    full_name: 'fullName',
    national_code: 'nationalCode',
    mobile: 'mobile',
    email: 'email',
    stage: 'stage',
    owner: 'owner',
    student_number: 'studentNumber',
    deleted_at: 'deletedAt',
  },
  interactions: { contact_id: 'contact', kind: 'kind', summary: 'summary', occurred_at: 'occurredAt', deleted_at: 'deletedAt' },
};
const SENSITIVE: Record<keyof typeof TABLES, ReadonlySet<string>> = { contacts: new Set(CRM_CONTACT_SENSITIVE_FIELDS), interactions: new Set() };

/** A stored or incoming row under the change log's field names. */
function named(table: keyof typeof TABLES, row: Row): Record<string, string | number | null> {
  return Object.fromEntries(Object.entries(FIELD_NAMES[table]).map(([column, field]) => [field, row[column] ?? null]));
}

/**
 * Stores the CRM's change feed with prepared better-sqlite3 statements, one transaction per page that also
 * moves the watermark, so a run cut off anywhere resumes from the last page that was wholly stored.
 */
export class CrmRepository {
  private readonly statements: Record<
    keyof typeof TABLES,
    {
      select: Database.Statement<[string], StoredState>;
      selectRow: Database.Statement<[string], Row>;
      insert: Database.Statement<[Row]>;
      update: Database.Statement<[Row]>;
      seen: Database.Statement<[Row]>;
    }
  >;
  private readonly readWatermark: Database.Statement<[], { server_updated_at: string | null }>;
  private readonly writeWatermark: Database.Statement<[Row]>;
  /** A dry run's changes by `table:id` and the version it applied: its rolled-back pages cannot tell repeats from the database. */
  private readonly dryRunSeen = new Map<string, string>();

  /**
   * `logChanges`: list each page's changes, reading a record's old values only when a newer version replaces it.
   * `isDryRun`: every page (and the watermark it moves) is rolled back (`runWriteTransaction`): nothing is stored.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly options: { logChanges?: boolean; isDryRun?: boolean } = {},
  ) {
    const build = (table: string, fields: readonly string[]) => ({
      select: db.prepare<[string], StoredState>(`SELECT server_updated_at, deleted_at, last_seen_run_id FROM ${table} WHERE id = ?`),
      selectRow: db.prepare<[string], Row>(`SELECT ${fields.join(', ')}, deleted_at FROM ${table} WHERE id = ?`),
      insert: db.prepare<[Row]>(
        `INSERT INTO ${table} (id, ${fields.join(', ')}, server_updated_at, sync_version, created_at, updated_at, deleted_at, last_run_id, last_seen_run_id)
         VALUES (@id, ${fields.map((f) => `@${f}`).join(', ')}, @server_updated_at, 1, @now, @now, @deleted_at, @run_id, @run_id)`,
      ),
      update: db.prepare<[Row]>(
        `UPDATE ${table} SET ${fields.map((f) => `${f} = CASE WHEN @is_deleted = 1 THEN COALESCE(NULLIF(@${f}, ''), ${f}) ELSE @${f} END`).join(', ')},
           server_updated_at = @server_updated_at, sync_version = sync_version + 1, updated_at = @now,
           deleted_at = CASE WHEN @is_deleted = 1 THEN COALESCE(deleted_at, @deleted_at) ELSE NULL END,
           last_run_id = @run_id, last_seen_run_id = @run_id
         WHERE id = @id`,
      ),
      seen: db.prepare<[Row]>(`UPDATE ${table} SET last_seen_run_id = @run_id WHERE id = @id`),
    });
    this.statements = { contacts: build(TABLES.contacts, CONTACT_FIELDS), interactions: build(TABLES.interactions, INTERACTION_FIELDS) };
    this.readWatermark = db.prepare(`SELECT server_updated_at FROM crm_watermark WHERE id = 1`);
    this.writeWatermark = db.prepare(
      `INSERT INTO crm_watermark (id, server_updated_at, updated_at, run_id) VALUES (1, @at, @now, @run_id)
       ON CONFLICT (id) DO UPDATE SET server_updated_at = MAX(COALESCE(server_updated_at, ''), @at), updated_at = @now, run_id = @run_id`,
    );
  }

  private get logChanges(): boolean {
    return this.options.logChanges === true;
  }

  private get isDryRun(): boolean {
    return this.options.isDryRun === true;
  }

  /** Stores a page's changes and moves the watermark to its newest change, all in one transaction. */
  applyPage(changes: CrmChange[], runId: string, now: string): PageCounts {
    // IMMEDIATE takes the write lock up front (see FacultyRepository.upsertBatch).
    return runWriteTransaction(this.db, this.isDryRun, () => {
      const counts: PageCounts = { inserted: 0, updated: 0, unchanged: 0, deleted: 0, revived: 0, repeats: 0, changes: [] };
      let newest: string | null = null;
      for (const change of changes) {
        if (newest === null || change.serverUpdatedAt > newest) newest = change.serverUpdatedAt;
        this.applyOne(change, runId, now, counts);
      }
      if (newest !== null) this.writeWatermark.run({ at: newest, now, run_id: runId });
      return counts;
    });
  }

  /**
   * The live rows `softDeleteUnseen` would delete, with their last known values. A real run marked what it saw
   * (`last_seen_run_id`); a dry run rolled that back and names them from memory instead.
   */
  unseenLive(runId: string): HeldRecord[] {
    const unseen: HeldRecord[] = [];
    for (const [id, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
      const fields = id === 'contacts' ? CONTACT_FIELDS : INTERACTION_FIELDS;
      const rows = this.db.prepare<[], Row>(`SELECT id, last_seen_run_id, ${fields.join(', ')} FROM ${table} WHERE deleted_at IS NULL`).all();
      for (const row of rows) {
        const key = String(row.id);
        const isSeen = this.isDryRun ? this.dryRunSeen.has(`${id}:${key}`) : String(row.last_seen_run_id) === runId;
        if (isSeen) continue;
        const lastSeen = row.last_seen_run_id === null ? null : String(row.last_seen_run_id);
        unseen.push({ table: id, key, lastSeenRunId: lastSeen, values: Object.fromEntries(fields.map((field) => [field, row[field] ?? null])) });
      }
    }
    return unseen;
  }

  /** The newest `server_updated_at` wholly stored, or null before the first page. */
  watermark(): string | null {
    return this.readWatermark.get()?.server_updated_at ?? null;
  }

  /** After a complete full run: soft-deletes live rows of both tables the run did not see. Returns how many and, when logging, the changes. */
  softDeleteUnseen(runId: string, now: string): { deleted: number; changes: ChangeInput[] } {
    const changes: ChangeInput[] = [];
    let deleted = 0;
    for (const [name, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
      const rows = this.db
        .prepare<[{ runId: string; now: string }], { id: string }>(
          `UPDATE ${table} SET deleted_at = @now, updated_at = @now, sync_version = sync_version + 1, last_run_id = @runId
           WHERE deleted_at IS NULL AND (last_seen_run_id IS NULL OR last_seen_run_id <> @runId) RETURNING id`,
        )
        .all({ runId, now });
      deleted += rows.length;
      if (this.logChanges) for (const row of rows) changes.push({ kind: 'deleted', table: name, key: String(row.id) });
    }
    return { deleted, changes };
  }

  countLive(): number {
    return Object.values(TABLES).reduce(
      (sum, table) => sum + this.db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get()!.n,
      0,
    );
  }

  private applyOne(change: CrmChange, runId: string, now: string, counts: PageCounts): void {
    if (this.isDryRun) {
      const key = `${change.table}:${change.id}`;
      const applied = this.dryRunSeen.get(key);
      if (applied !== undefined && applied >= change.serverUpdatedAt) {
        counts.repeats += 1;
        return;
      }
      this.dryRunSeen.set(key, change.serverUpdatedAt);
    }
    const statements = this.statements[change.table];
    const stored = statements.select.get(change.id);
    const row: Row = {
      id: change.id,
      ...(change.table === 'contacts' ? contactRow(change.record) : interactionRow(change.record)),
      server_updated_at: change.serverUpdatedAt,
      is_deleted: change.isDeleted ? 1 : 0,
      deleted_at: change.isDeleted ? change.serverUpdatedAt : null,
      now,
      run_id: runId,
    };
    if (!stored) {
      statements.insert.run(row);
      if (change.isDeleted) counts.deleted += 1;
      else counts.inserted += 1;
      if (this.logChanges) counts.changes.push({ kind: change.isDeleted ? 'deleted' : 'inserted', table: change.table, key: change.id });
      return;
    }
    // Stored at this version or a newer one: a repeat of the feed (counted once) or a stale change.
    if (stored.server_updated_at >= change.serverUpdatedAt) {
      if (stored.last_seen_run_id === runId) counts.repeats += 1;
      else {
        counts.unchanged += 1;
        statements.seen.run({ id: change.id, run_id: runId });
      }
      return;
    }
    const before = this.logChanges ? statements.selectRow.get(change.id) : undefined;
    statements.update.run(row);
    if (before) counts.changes.push(this.changeOf(change, before, statements.selectRow.get(change.id)!, stored));
    if (change.isDeleted && stored.deleted_at === null) counts.deleted += 1;
    else if (!change.isDeleted && stored.deleted_at !== null) counts.revived += 1;
    else counts.updated += 1;
  }

  private changeOf(change: CrmChange, before: Row, after: Row, stored: StoredState): ChangeInput {
    if (change.isDeleted && stored.deleted_at === null) return { kind: 'deleted', table: change.table, key: change.id };
    const old = named(change.table, before);
    const next = named(change.table, after);
    return { kind: 'updated', table: change.table, key: change.id, diff: diffRecord(old, next, Object.keys(old), SENSITIVE[change.table]) };
  }
}
