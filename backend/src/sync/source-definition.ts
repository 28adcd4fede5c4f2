import type Database from 'better-sqlite3';
import type { ErrorKind, LogLevel, RunCounts, RunMode, WorkerSettings } from '@hamgam/shared';
import type { MigrationInterface } from 'typeorm';

/** What a worker step gets: its settings, the database, a reporter and a signal aborted on cancel/timeout. */
export type WorkerContext = {
  runId: string;
  sourceId: string;
  /** The run's mode when the source has modes (`modes` in its definition), else null. */
  mode: RunMode | null;
  settings: WorkerSettings;
  db: Database.Database;
  report: Reporter;
  signal: AbortSignal;
};

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
  reject(key: string, reason: string): void;
};

export type WorkerStep = (ctx: WorkerContext) => Promise<RunCounts>;

/** How a connector source plugs into the sync core: the core never names a particular source. */
export type SourceDefinition = {
  id: string;
  /** Modes a run can take, the default first (e.g. `['full', 'recent']`); omitted when the source has none. */
  modes?: readonly RunMode[];
  /** Default per-run time limit. */
  defaultTimeoutSeconds: number;
  /** Environment variables that seed the connection at first start (all optional). */
  connectionEnv?: { baseUrl: string; username: string; password: string };
  /** Source options passed to the worker (page size, request timeout …), overridable per source. */
  defaultOptions: Record<string, unknown>;
  /** Migrations of the source's own tables. */
  migrations: (new () => MigrationInterface)[];
  /** Loads the worker step lazily so the API process does not load connector code it never runs. */
  loadStep: () => Promise<WorkerStep>;
};

/** An error a worker step throws to fail the run with a kind the UI can explain. */
export class SyncError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
