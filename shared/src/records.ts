import type { Page } from './sync';
import type { StudentTermStatus } from './students';

/** `GET /api/sources/:id/records` query: `q` matches number, national code or name (ي/ی and ك/ک alike). */
export type RecordListQuery = {
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

export type RecordPage = Page<StoredRecord> & { columns: string[] };
