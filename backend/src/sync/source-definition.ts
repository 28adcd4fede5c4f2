import type { ConnectionTestResult, LogLevel, RunCounts, RunMode, SourceDataPart, StoredRecord, WorkerRejection, WorkerSettings } from '@hamgam/shared';
import type { MigrationInterface } from 'typeorm';
import type { SqlDb } from '../common/database/sql-db';
import type { ChangeWriter } from './changes/change-writer';
import type { SourceSettings } from './settings/source-settings';

/** What a worker step gets: its settings, the database, a reporter and a signal aborted on cancel/timeout. */
export type WorkerContext = {
  runId: string;
  sourceId: string;
  /** The run's mode when the source has modes (`modes` in its definition), else null. */
  mode: RunMode | null;
  settings: WorkerSettings;
  /** The run's own connection, to the SQLite file or to PostgreSQL: write SQL both read (`common/database/sql-db.ts`). */
  db: SqlDb;
  report: Reporter;
  signal: AbortSignal;
  /** The run's change log: hand it each batch's changes after the batch's transaction returns. */
  changes: ChangeWriter;
  /**
   * A dry run: fetch, clean, validate and compare as usual, but roll back every write transaction
   * (`runWriteTransaction` in common/database), call no upstream write API and move no cursor.
   */
  dryRun: boolean;
  /** The source's deletion guard, for its soft deletes after a complete run. */
  deletions: DeletionGate;
};

/** A record a run would delete, kept with what approval needs to delete exactly it. */
export type HeldRecord = {
  /** The record table (`recordTables[].id`). */
  table: string;
  key: string;
  /** The run that last saw it; approval deletes the record only if it is still live and unseen since. */
  lastSeenRunId: string | null;
  values: Record<string, string | number | null>;
};

export type DeletionGate = {
  /** True when deleting `count` of the `live` live records passes the source's guard: hold them instead. */
  exceeds(count: number, live: number): boolean;
  /** Keeps the records for an admin's decision instead of deleting them (a dry run only counts them). */
  hold(records: readonly HeldRecord[]): Promise<void>;
  heldCount(): number;
};

/** Applies approved deletions in the API process: soft-deletes each record still live and unseen since it was held. */
export type DeletionApplier = (db: SqlDb, records: readonly Omit<HeldRecord, 'values'>[], runId: string, now: string) => Promise<number>;

export type ProgressUpdate = {
  stage: string;
  percent?: number;
  processed: number;
  total?: number;
  counts: RunCounts;
  messageKey?: string;
  messageParams?: Record<string, string | number>;
};

export type Reporter = {
  /** Throttled: at most one progress message every 250 ms unless `force`. */
  progress(update: ProgressUpdate, force?: boolean): void;
  log(level: LogLevel, message: string): void;
  /** A record not stored: its key, a code from the source's closed list and the code's parameters. */
  reject(rejection: WorkerRejection): void;
  /** A call is tried again: counted on the run (its failure sentence says how often), `message` logged as a warning. */
  retried(message?: string): void;
};

export type RejectReasons = { fa: Record<string, string>; en: Record<string, string> };

export type WorkerStep = (ctx: WorkerContext) => Promise<RunCounts>;

/** How a connector source plugs into the sync core: the core never names a particular source. */
export type SourceDefinition = {
  id: string;
  /** Its name in each language the server writes (exports); the UI's come from the source's locale files. */
  names?: { fa: string; en: string };
  /**
   * The sentence of each code its workers reject records with, per language, `{{param}}` for a parameter (the UI's
   * copies are `rejections` in locales/<lng>/sources/<id>.json; a spec checks they are the same). Exports use these.
   */
  rejectReasons?: RejectReasons;
  /** Modes a run can take, the default first (e.g. `['full', 'recent']`); omitted when the source has none. */
  modes?: readonly RunMode[];
  /** Default per-run time limit. */
  defaultTimeoutSeconds: number;
  /** Its connection fields and options, declared once (see `settings/source-settings.ts`). */
  settings: SourceSettings;
  /** Migrations of the source's own tables. */
  migrations: (new () => MigrationInterface)[];
  /** Loads the worker step lazily so the API process does not load connector code it never runs. */
  loadStep: () => Promise<WorkerStep>;
  /** True when its step honours `dryRun` (stores nothing, writes nothing upstream); otherwise a dry run is refused. */
  canDryRun?: boolean;
  /**
   * Sources that soft-delete after a complete run hold their deletions past the deletion guard; this applies the
   * approved ones in the API process (import lazily). Without it the source has no deletion guard.
   */
  loadDeletionApplier?: () => Promise<DeletionApplier>;
  /**
   * Checks a connection, saved or not, for `POST /api/sources/:id/test-connection`; runs in the API process,
   * so it should import its code lazily. Without it the source cannot be tested.
   */
  testConnection?: (settings: WorkerSettings, signal: AbortSignal) => Promise<ConnectionTestOutcome>;
  /** The tables of stored records the data browser shows, the default first; without them the source has none. */
  recordTables?: readonly RecordTable[];
  /**
   * Two-way sources: rows the upstream holds, by record table id, for `upstream` in `GET /api/sources/:id/stats`.
   * Runs in the API process (import lazily); a failure or a table left out shows as null.
   */
  countUpstream?: (settings: WorkerSettings, signal: AbortSignal) => Promise<Record<string, number>>;
  /** Two-way sources: local changes waiting to be pushed and conflicts still open, for the stats endpoint. */
  countPending?: (db: SqlDb) => Promise<{ pendingPush: number; openConflicts: number }>;
  /**
   * Two-way sources: a mark per part of the source's own data (outbox, conflicts) that differs whenever that part
   * changed. The core reads them while a run of the source is active (the worker is another process) and sends
   * `source.data-changed` naming the parts whose mark moved, so open pages refresh without waiting for the run's end.
   */
  dataMarks?: (db: SqlDb) => Promise<Record<SourceDataPart, string>>;
};

/** A connection test's result and, for the server's log only, the technical detail of a failure. */
export type ConnectionTestOutcome = ConnectionTestResult & { detail?: string | null };

/** A search of a source's stored records. `q` is already normalised (see `normalizeSearchQuery`); null lists all. */
export type RecordSearch = { q: string | null; page: number; pageSize: number };

/** One table of stored records: declared up front (`GET /api/sources/:id` lists it), its code loaded lazily. */
export type RecordTable = {
  /** Unique within the source; the `table` of `GET /api/sources/:id/records` and the locale file's `records.<id>`. */
  id: string;
  /** The keys of `StoredRecord.fields`, in the order the browser shows them. */
  columns: readonly string[];
  /**
   * Fields (keys of `StoredRecord.fields`) whose values the change log never keeps: an update shows them changed,
   * without values. The source's step redacts them when it diffs; the API blanks them again when it answers.
   */
  sensitive?: readonly string[];
  /** Loads what lists and counts the table, so the API process loads it only when asked. */
  load: () => Promise<RecordBrowser>;
};

export type RecordBrowser = {
  list(db: SqlDb, search: RecordSearch): Promise<{ items: StoredRecord[]; total: number }>;
  /** Rows kept; `deleted` counts soft-deleted rows (0 where the table has no soft deletes). */
  count(db: SqlDb): Promise<{ live: number; deleted: number }>;
};
