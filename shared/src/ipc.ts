import type { ErrorKind } from './errors';
import type { LogLevel, RunCounts } from './sync';

/** What the parent tells a worker when it starts: everything the run needs, secrets included (never logged). */
export type WorkerStartMessage = {
  type: 'start';
  runId: string;
  sourceId: string;
  databasePath: string;
  /** `DATABASE_URL` of the server: the worker writes to PostgreSQL when set, else to the SQLite file. */
  databaseUrl: string | null;
  mode: import('./sync').RunMode | null;
  /** The options are already read by the source's declaration in the API (the worker loads no declaration). */
  settings: WorkerSettings;
  /** What that read refused (a stored value under older limits, replaced by its default): the run's log shows each. */
  optionWarnings: string[];
  /** `UPSTREAM_ALLOWED_HOSTS` of the server: the only hosts the run's HTTP client may ask; null for any. */
  allowedUpstreamHosts: string[] | null;
  /** Compare and count, store nothing (each write transaction is rolled back). */
  dryRun: boolean;
  /** The source's deletion guard; null lets every deletion through. */
  deletionGuard: import('./deletions').DeletionGuard | null;
};

export type WorkerConnection = { baseUrl: string; [field: string]: string };

export type WorkerSettings = {
  /** The address and every field the source declares ('' when not set), secrets decrypted. */
  connection: WorkerConnection | null;
  /** Source-specific options (page size, request timeout …). */
  options: Record<string, unknown>;
};

export type ParentMessage = WorkerStartMessage;

export type WorkerProgress = {
  type: 'progress';
  stage: string;
  percent?: number;
  processed: number;
  total?: number;
  counts: RunCounts;
  messageKey?: string;
  messageParams?: Record<string, string | number>;
};

/**
 * One rejected record, kept small (a run may reject thousands): a code from the source's closed list and its
 * parameters; the API turns them into a sentence in the reader's language.
 */
export type WorkerRejection = {
  key: string;
  code: string;
  params?: Record<string, string | number>;
  /** The term whose answer held the record (students), when the source has terms. */
  term?: string;
  /** The record table whose search finds `key` in the data browser; absent when the key is only a position. */
  table?: string;
};

/** Messages a worker sends to its parent; the parent checks each with `isWorkerMessage`. */
export type WorkerMessage =
  | { type: 'started' }
  | WorkerProgress
  | { type: 'log'; level: LogLevel; message: string }
  | { type: 'rejected'; items: WorkerRejection[] }
  | { type: 'finished'; counts: RunCounts; retries?: number; heldDeletions?: number }
  | { type: 'failed'; kind: ErrorKind; message: string; counts?: RunCounts; retries?: number };
