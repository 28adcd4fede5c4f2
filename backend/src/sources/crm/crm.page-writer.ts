import { insertRows } from '../../common/database/insert-rows';
import type { SqlDb, SqlValue } from '../../common/database/sql-db';
import { inKeyList, keyList } from '../../common/database/sql-dialect';
import type { ChangeInput } from '../../sync/changes/change-writer';
import { diffRecord } from '../../sync/changes/record-diff';
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

export const TABLES = { contacts: 'crm_contacts', interactions: 'crm_interactions' } as const;
type TableId = keyof typeof TABLES;

// A tombstone may carry only the id: its empty fields keep what is stored.
export const CONTACT_FIELDS = ['full_name', 'national_code', 'mobile', 'email', 'stage', 'owner', 'student_number'] as const;
export const INTERACTION_FIELDS = ['contact_id', 'kind', 'summary', 'occurred_at'] as const;
const FIELDS: Record<TableId, readonly string[]> = { contacts: CONTACT_FIELDS, interactions: INTERACTION_FIELDS };

type Row = Record<string, string | number | null>;
/** A stored row as the page reads it: the data fields, `server_updated_at`, `deleted_at`, `sync_version`, `last_seen_run_id`. */
export type StoredRow = Row & { id: string; server_updated_at: string; deleted_at: string | null; sync_version: number; last_seen_run_id: string | null };

/** One record while its page is applied: where it stands after the page's changes so far. */
type RecordState = {
  table: TableId;
  id: string;
  /** Fields, `server_updated_at` and `deleted_at` now; null while the record is not stored. */
  row: Row | null;
  version: number;
  lastSeen: string | null;
  /** Inserted or updated by this page: written by the upsert. */
  isWritten: boolean;
  /** Only seen again (same or older version): its `last_seen_run_id` moves. */
  isSeen: boolean;
};
export type PageStates = Map<string, RecordState>;

const contactRow = (c: CrmContact): Row => ({
  full_name: c.fullName,
  national_code: c.nationalCode,
  mobile: c.mobile,
  email: c.email,
  stage: c.stage,
  owner: c.owner,
  student_number: c.studentNumber,
});
const interactionRow = (i: CrmInteraction): Row => ({ contact_id: i.contactId, kind: i.kind, summary: i.summary, occurred_at: i.occurredAt });

// The change log names fields as the data browser does (`crm.records.ts`); a revived or deleted record's `deletedAt`.
const FIELD_NAMES: Record<TableId, Record<string, string>> = {
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
const SENSITIVE: Record<TableId, ReadonlySet<string>> = { contacts: new Set(CRM_CONTACT_SENSITIVE_FIELDS), interactions: new Set() };

/** A stored or incoming row under the change log's field names. */
function named(table: TableId, row: Row): Row {
  return Object.fromEntries(Object.entries(FIELD_NAMES[table]).map(([column, field]) => [field, row[column] ?? null]));
}

const stateKey = (table: string, id: string) => `${table}:${id}`;

/**
 * The stored rows of a page's records, one read a table (locked on PostgreSQL until the page commits, so an approved
 * deletion applied meanwhile in the API waits instead of being overwritten), as states keyed by `table:id`.
 */
export async function readStoredRows(tx: SqlDb, changes: readonly CrmChange[]): Promise<PageStates> {
  const states: PageStates = new Map();
  for (const change of changes) {
    const key = stateKey(change.table, change.id);
    if (!states.has(key)) states.set(key, { table: change.table, id: change.id, row: null, version: 0, lastSeen: null, isWritten: false, isSeen: false });
  }
  for (const table of Object.keys(TABLES) as TableId[]) {
    const ids = [...new Set(changes.filter((change) => change.table === table).map((change) => change.id))];
    if (ids.length === 0) continue;
    const columns = ['id', ...FIELDS[table], 'server_updated_at', 'deleted_at', 'sync_version', 'last_seen_run_id'];
    // PostgreSQL: a join with the key list reads each key by the primary key; `id = ANY(…)` was planned as a scan of
    // the whole table once it grew (a 60,000-row table: 375 ms a page). Locked until the page commits.
    const sql =
      tx.dialect === 'postgres'
        ? `SELECT ${columns.map((column) => `r.${column}`).join(', ')} FROM ${TABLES[table]} r JOIN unnest(CAST(? AS TEXT[])) AS k(id) ON r.id = k.id FOR UPDATE OF r`
        : `SELECT ${columns.join(', ')} FROM ${TABLES[table]} WHERE ${inKeyList(tx.dialect, 'id')}`;
    const rows = await tx.all<StoredRow>(sql, [keyList(tx.dialect, ids)]);
    for (const stored of rows) {
      const state = states.get(stateKey(table, stored.id))!;
      state.row = stored;
      state.version = Number(stored.sync_version);
      state.lastSeen = stored.last_seen_run_id;
    }
  }
  return states;
}

/** Applies one change to its record's state (as storing it alone would), counting it and, when logging, listing it. */
export function applyToState(states: PageStates, change: CrmChange, runId: string, counts: PageCounts, logChanges: boolean): void {
  const state = states.get(stateKey(change.table, change.id))!;
  const incoming = change.table === 'contacts' ? contactRow(change.record) : interactionRow(change.record);
  const before = state.row;
  if (before === null) {
    state.row = { ...incoming, server_updated_at: change.serverUpdatedAt, deleted_at: change.isDeleted ? change.serverUpdatedAt : null };
    state.version = 1;
    state.lastSeen = runId;
    state.isWritten = true;
    if (change.isDeleted) counts.deleted += 1;
    else counts.inserted += 1;
    if (logChanges) counts.changes.push({ kind: change.isDeleted ? 'deleted' : 'inserted', table: change.table, key: change.id });
    return;
  }
  // Stored at this version or a newer one: a repeat of the feed (counted once) or a stale change.
  if (String(before.server_updated_at) >= change.serverUpdatedAt) {
    if (state.lastSeen === runId) counts.repeats += 1;
    else {
      counts.unchanged += 1;
      state.lastSeen = runId;
      state.isSeen = true;
    }
    return;
  }
  const after: Row = { server_updated_at: change.serverUpdatedAt };
  for (const field of FIELDS[change.table]) {
    const value = incoming[field] ?? null;
    after[field] = change.isDeleted && (value === null || value === '') ? (before[field] ?? null) : value;
  }
  after.deleted_at = change.isDeleted ? (before.deleted_at ?? change.serverUpdatedAt) : null;
  state.row = after;
  state.version += 1;
  state.lastSeen = runId;
  state.isWritten = true;
  const wasDeleted = before.deleted_at !== null;
  if (logChanges) {
    if (change.isDeleted && !wasDeleted) counts.changes.push({ kind: 'deleted', table: change.table, key: change.id });
    else {
      const old = named(change.table, before);
      const diff = diffRecord(old, named(change.table, after), Object.keys(old), SENSITIVE[change.table]);
      counts.changes.push({ kind: 'updated', table: change.table, key: change.id, diff });
    }
  }
  if (change.isDeleted && !wasDeleted) counts.deleted += 1;
  else if (!change.isDeleted && wasDeleted) counts.revived += 1;
  else counts.updated += 1;
}

/** Writes a page's states: per table one statement marking the seen-again, one multi-row upsert of the inserted and updated. */
export async function writePage(tx: SqlDb, states: PageStates, runId: string, now: string): Promise<void> {
  for (const table of Object.keys(TABLES) as TableId[]) {
    const fields = FIELDS[table];
    const seen: string[] = [];
    const rows: SqlValue[][] = [];
    for (const state of states.values()) {
      if (state.table !== table) continue;
      if (state.isWritten) {
        const row = state.row!;
        rows.push([state.id, ...fields.map((field) => row[field] ?? null), row.server_updated_at, state.version, now, now, row.deleted_at, runId, runId]);
      } else if (state.isSeen) seen.push(state.id);
    }
    if (seen.length > 0) {
      await tx.run(`UPDATE ${TABLES[table]} SET last_seen_run_id = ? WHERE ${inKeyList(tx.dialect, 'id')}`, [runId, keyList(tx.dialect, seen)]);
    }
    const columns = ['id', ...fields, 'server_updated_at', 'sync_version', 'created_at', 'updated_at', 'deleted_at', 'last_run_id', 'last_seen_run_id'];
    // created_at stays the first sighting's.
    const update = [...fields, 'server_updated_at', 'sync_version', 'updated_at', 'deleted_at', 'last_run_id', 'last_seen_run_id'];
    await insertRows(tx, TABLES[table], columns, rows, `ON CONFLICT (id) DO UPDATE SET ${update.map((column) => `${column} = excluded.${column}`).join(', ')}`);
  }
}
