import type { Page } from './page';
import type { StudentTermStatus } from './students';

/** A table of stored records a source declares for the data browser (`Source.recordTables`). */
export type RecordTableInfo = {
  id: string;
  /** The keys of `StoredRecord.fields`, in the order the browser shows them. */
  columns: string[];
};

/**
 * `GET /api/sources/:id/records` query: `table` is one of the source's `recordTables` (the first when absent);
 * `q` matches what the table searches (number, national code, name; ي/ی and ك/ک alike).
 */
export type RecordListQuery = {
  table?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

/** One stored record of a source, as the data browser shows it. */
export type StoredRecord = {
  /** The natural key (student number, national code). */
  key: string;
  /** Full name. */
  name: string;
  /** The source's other columns (`RecordPage.columns` names them, in order). */
  fields: Record<string, string | null>;
  /** ISO-8601; set when a complete run no longer saw the record. */
  deletedAt: string | null;
  /** The run that last changed the record. */
  lastRunId: string | null;
  updatedAt: string;
  /** Students only: the status in every term, oldest first. */
  history: StudentTermStatus[] | null;
};

export type RecordPage = Page<StoredRecord> & { table: string; columns: string[] };

/** Stored rows of one record table. */
export type TableStats = {
  table: string;
  live: number;
  /** Soft-deleted rows; 0 where the table has no soft deletes. */
  deleted: number;
  /** Rows the upstream system holds; null where the source cannot count them. */
  upstream: number | null;
};

/** `GET /api/sources/:id/stats`: counts per record table, and what waits to go back upstream (two-way sources). */
export type SourceStats = {
  tables: TableStats[];
  /** Local changes not yet written upstream; 0 for one-way sources. */
  pendingPush: number;
  /** Conflicts between local and upstream changes still open; 0 for one-way sources. */
  openConflicts: number;
};
