/** Statuses a run moves through; `success`, `failed` and `cancelled` are final. */
export const RUN_STATUSES = ['pending', 'running', 'success', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINAL_RUN_STATUSES = ['success', 'failed', 'cancelled'] as const satisfies readonly RunStatus[];
export const ACTIVE_RUN_STATUSES = ['pending', 'running'] as const satisfies readonly RunStatus[];

export const RUN_TRIGGERS = ['manual', 'schedule', 'cli', 'api'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/** Stages every source may report; sources add their own (translated under `stages.<key>`). */
export const RUN_STAGES = ['starting', 'connecting', 'fetching', 'validating', 'saving', 'classifying', 'completed'] as const;
export type RunStage = (typeof RUN_STAGES)[number];

/** `full` reads everything (and may soft-delete what is gone); `recent` reads only recent data and never deletes. */
export const RUN_MODES = ['full', 'recent'] as const;
export type RunMode = (typeof RUN_MODES)[number];

export const COUNT_KEYS = ['fetched', 'inserted', 'updated', 'unchanged', 'deleted', 'rejected'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type RunCounts = Record<CountKey, number>;

export const SOURCE_KINDS = ['connector', 'command'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type SyncRun = {
  id: string;
  sourceId: string;
  trigger: RunTrigger;
  /** Who started it: a user name, `scheduler`, `cli`, or null when unknown. */
  triggeredBy: string | null;
  status: RunStatus;
  /** The mode of the run, for sources that have modes; null otherwise. */
  mode: RunMode | null;
  /** Free text given when the run was started. */
  reason: string | null;
  /** Who cancelled the run (a user name) and why, when it was cancelled by a person. */
  cancelledBy: string | null;
  cancelReason: string | null;
  stage: string | null;
  /** 0–100, or null while the total is unknown. */
  percent: number | null;
  /** Translation key of the latest progress message (`messages.<key>`), with its parameters. */
  messageKey: string | null;
  messageParams: Record<string, string | number> | null;
  /** ISO-8601 timestamps. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Milliseconds between start and finish. */
  durationMs: number | null;
  counts: RunCounts;
  errorKind: import('./errors').ErrorKind | null;
  /** At most 500 characters; the full story is in the run's log. */
  errorMessage: string | null;
};

export type ConnectionSettings = {
  baseUrl: string;
  username: string;
  /** The password itself is never returned: only whether one is stored. */
  hasPassword: boolean;
};

export type CommandSettings = {
  executable: string;
  args: string[];
  /** Working directory, relative to the backend's working directory when not absolute. */
  cwd: string;
  /** A regular expression whose first capture group is the record count, read from the output. */
  countPattern: string;
};

export type Source = {
  id: string;
  kind: SourceKind;
  enabled: boolean;
  /** Per-run time limit in seconds. */
  timeoutSeconds: number;
  connection: ConnectionSettings | null;
  command: CommandSettings | null;
  /** Modes a run of this source can take (empty when the source has none). */
  modes: RunMode[];
  /** True when the connection points at the bundled stand-in upstream, not a real system. */
  isStandIn: boolean;
  lastRun: SyncRun | null;
  activeRun: SyncRun | null;
  updatedAt: string;
};

export type UpdateSourceRequest = {
  enabled?: boolean;
  timeoutSeconds?: number;
  connection?: { baseUrl?: string; username?: string; password?: string };
  command?: Partial<CommandSettings>;
};

export type TriggerRunRequest = {
  /** Optional free text kept with the run. */
  reason?: string;
  /** For sources with modes; defaults to the source's first mode (`full`). */
  mode?: RunMode;
  /** How the run was asked for: the panel sends `manual`, the command line `cli`; other API clients get `api`. */
  trigger?: Extract<RunTrigger, 'manual' | 'api' | 'cli'>;
};

export type CancelRunRequest = {
  /** Optional free text kept with the run and in the audit trail. */
  reason?: string;
};

export const RUN_SORT_FIELDS = ['createdAt', 'durationMs', 'fetched', 'rejected'] as const;
export type RunSortField = (typeof RUN_SORT_FIELDS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Filters of the run history; the same for the list and its CSV/XLSX exports. */
export type RunListQuery = {
  sourceId?: string;
  status?: RunStatus;
  trigger?: RunTrigger;
  /** Exact user name (or `scheduler`, `cli`) that started the run. */
  triggeredBy?: string;
  /** ISO-8601 instants on the run's creation time: `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  /** Text searched for in error messages. */
  q?: string;
  /** Default `createdAt`, `desc`. */
  sort?: RunSortField;
  order?: SortOrder;
  page?: number;
  pageSize?: number;
};

export type Page<T> = {
  items: T[];
  /** Matching rows; when `isTotalCapped`, counting stopped there and there are more. */
  total: number;
  page: number;
  pageSize: number;
  isTotalCapped?: boolean;
};

export type RunLogLine = { seq: number; at: string; level: LogLevel; message: string };
export type RunLog = { runId: string; lines: RunLogLine[]; truncated: boolean };

export type RunRejection = { key: string; reason: string };

export type Health = { status: 'ok'; version: string; database: 'ok' };

export const EMPTY_COUNTS: RunCounts = { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
