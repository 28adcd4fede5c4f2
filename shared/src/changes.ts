import type { Page } from './page';

/** What a run did to one stored record; stored as 1, 2, 3 in this order. */
export const CHANGE_KINDS = ['inserted', 'updated', 'deleted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * One changed field of an updated record, named as the data browser's columns name it (`StoredRecord.fields`).
 * A field the source marks sensitive shows as changed with both values null and `isSensitive`.
 */
export type FieldChange = { field: string; before: string | null; after: string | null; isSensitive: boolean };

/** One record-level change of a run: `fields` is empty for inserts and deletes. */
export type RecordChange = {
  kind: ChangeKind;
  /** The source's record table (`recordTables[].id`). */
  table: string;
  key: string;
  fields: FieldChange[];
};

/** `GET /api/runs/:id/changes`: `q` matches the key or a changed value. */
export type RunChangeQuery = { kind?: ChangeKind; q?: string; page?: number; pageSize?: number };

export type RunChangePage = Page<RecordChange> & {
  /** Changes of each kind in the whole run, whatever the filters. */
  totals: Record<ChangeKind, number>;
};

/** A record's change in one run, for its history across runs (newest first). */
export type RecordHistoryEntry = RecordChange & { runId: string; runStartedAt: string };

/** `GET /api/sources/:id/records/:table/:key/changes`. */
export type RecordHistoryQuery = { page?: number; pageSize?: number };
