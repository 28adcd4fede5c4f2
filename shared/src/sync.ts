import type { DeletionDecision, DeletionGuard } from './deletions';

/**
 * Statuses a run moves through; all but `pending` and `running` are final. `awaiting_approval`: the run stored its
 * inserts and updates but held its deletions past the source's deletion guard until an admin approves or discards
 * them (it becomes `success` then); a new run may start meanwhile.
 */
export const RUN_STATUSES = ['pending', 'running', 'success', 'failed', 'cancelled', 'awaiting_approval'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const FINAL_RUN_STATUSES = ['success', 'failed', 'cancelled', 'awaiting_approval'] as const satisfies readonly RunStatus[];
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
  errorKind: import('./error-kinds').ErrorKind | null;
  /** At most 500 characters; the full story is in the run's log. */
  errorMessage: string | null;
  /** Calls the run tried again (network errors, timeouts, 5xx, rate limits), as its worker counted them. */
  retries: number;
  /** A dry run: fetched, cleaned, validated and compared like a real run, its counts what it would do; it stored nothing. */
  dryRun: boolean;
  /** Deletions the run held for approval past the source's deletion guard (0 when none). */
  heldDeletions: number;
  /** What became of held deletions; null while none were held or they still wait. */
  deletionDecision: DeletionDecision | null;
};

/**
 * A source's connection as the API shows it: the address, each non-secret field the source declares (e.g.
 * `username`) as its value, and each secret only as a `has<Field>` flag (e.g. `hasPassword`, `hasToken`).
 */
export type ConnectionSettings = {
  baseUrl: string;
  [field: string]: string | boolean;
};

export const CONNECTION_FIELD_KINDS = ['url', 'text', 'secret'] as const;
export type ConnectionFieldKind = (typeof CONNECTION_FIELD_KINDS)[number];

/** One connection field a source declares; the settings form renders it. */
export type ConnectionFieldInfo = {
  name: string;
  kind: ConnectionFieldKind;
  isRequired: boolean;
  /** True for a secret the connection test cannot go without (the form asks for it before testing). */
  isNeededForTest: boolean;
};

/** One option as JSON Schema describes it, with the source's locale key for its label. */
export type OptionInfo = {
  type?: 'integer' | 'number' | 'boolean' | 'string' | 'array' | 'object' | 'null';
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  enum?: (string | number)[];
  default?: unknown;
  /** Key in the source's locale file (`sources:<id>.<labelKey>`). */
  labelKey?: string;
  /** Options a generic tab does not render (a source's own tab edits them). */
  isCustom?: boolean;
  [keyword: string]: unknown;
};

/** What a source declares about its settings, serialised for the settings form. */
export type SourceSettingsInfo = {
  connection: ConnectionFieldInfo[];
  options: { type: 'object'; properties: Record<string, OptionInfo>; [keyword: string]: unknown };
};

/**
 * What a `command` source runs, read-only: it is set in server configuration (`COMMAND_SOURCES_FILE`, or the
 * demo's defaults), never over the API.
 */
export type CommandSettings = {
  /** The name given in COMMAND_SOURCES_FILE; the UI shows it where no locale file names the source. */
  name: string | null;
  executable: string;
  args: string[];
  /** Absolute working directory. */
  cwd: string;
  /** A regular expression whose first capture group is the record count, read from the output. */
  countPattern: string;
  /** Names of the variables configured for the command (their values are not shown: they may be secrets). */
  envNames: string[];
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
  /** The source's options: its defaults merged with what was stored (e.g. the students source's campuses). */
  options: Record<string, unknown>;
  /** True when the source's stored records can be browsed (`GET /api/sources/:id/records`). */
  hasRecords: boolean;
  /** The tables of stored records it keeps, the data browser's default first; empty when it has none. */
  recordTables: import('./records').RecordTableInfo[];
  /** True when the connection points at the bundled stand-in upstream, not a real system. */
  isStandIn: boolean;
  lastRun: SyncRun | null;
  activeRun: SyncRun | null;
  /** True when the source can check its connection (`POST /api/sources/:id/test-connection`). */
  canTestConnection: boolean;
  /** The connection fields and options the source declares. */
  settings: SourceSettingsInfo;
  /** The source's automatic schedule and its state. */
  autoSync: AutoSync;
  /** How fresh its data should be: an explicit max age, or null to derive it from the schedule. */
  freshness: FreshnessSettings;
  /** When a run's deletions wait for approval; null for sources that delete nothing (command sources). */
  deletionGuard: DeletionGuard | null;
  /** True when `POST /api/sources/:id/runs {"dryRun": true}` is allowed. */
  canDryRun: boolean;
  /** How fresh its data is, computed on the server. */
  health: SourceHealth;
  updatedAt: string;
};

export type FreshnessSettings = {
  /** Seconds a successful run stays fresh; null derives it from the schedule (2× the interval, or the next cron slot plus the run's time limit). */
  maxAgeSeconds: number | null;
};

/**
 * `fresh`: a successful run within the expected age; `late`: none for longer; `failing`: the last finished run
 * failed; `running`: a run is active; `paused`: the source is off, its auto-sync paused itself, or auto-sync is off
 * while an explicit max age is set; `never`: no successful run yet.
 */
export const HEALTH_STATES = ['fresh', 'late', 'failing', 'running', 'paused', 'never'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** Why a source is in its state (translated in the UI under `health.reasons.<reason>`). */
export const HEALTH_REASONS = [
  'run_active',
  'source_disabled',
  'auto_sync_paused',
  'auto_sync_off',
  'last_run_failed',
  'no_success',
  'max_age_exceeded',
  'interval_missed',
  'cron_slot_missed',
  'within_expected_age',
  'no_expectation',
] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];

export type SourceHealth = {
  state: HealthState;
  /** ISO-8601; since when the source is in this state, as far as the stored runs tell; null when unknown. */
  since: string | null;
  /** ISO-8601; when its latest successful run finished. */
  lastSuccessAt: string | null;
  reason: HealthReason;
};

export type UpdateSourceRequest = {
  enabled?: boolean;
  timeoutSeconds?: number;
  connection?: ConnectionUpdate;
  /** Only the keys sent change; `every`+`unit` and `cron` replace each other. */
  autoSync?: Partial<AutoSyncSettings>;
  /** Source options; only the keys sent change, and the source validates them (400 with `options.<key>` errors). */
  options?: Record<string, unknown>;
  /** An explicit max age in seconds, or null to derive it from the schedule. */
  freshness?: Partial<FreshnessSettings>;
  /** Only the keys sent change; null turns a limit off. */
  deletionGuard?: Partial<DeletionGuard>;
};

/** Connection fields an admin may send, as the source declares them; secrets are write-only (an empty string removes one). */
export type ConnectionUpdate = { baseUrl?: string; [field: string]: string | undefined };

/**
 * Body of `POST /api/sources/:id/test-connection`: settings not saved yet. A field left out falls back to
 * the stored one; stored secrets are used only while the base URL is the stored one.
 */
export type TestConnectionRequest = { connection?: ConnectionUpdate };

export type ConnectionCheck = {
  /** What the connector needs, e.g. a Moodle web-service function name. */
  name: string;
  isAllowed: boolean;
};

/** What a connection test found. Never carries a secret. */
export type ConnectionTestResult = {
  isOk: boolean;
  errorKind: import('./error-kinds').ErrorKind | null;
  /** Why the test failed, at most 500 characters; null when it passed. */
  message: string | null;
  /** What the upstream says about itself; null when it could not be asked. */
  system: { name: string; version: string | null; url: string | null; user: string | null } | null;
  /** Each thing the connector needs and whether these credentials allow it; empty when not known. */
  checks: ConnectionCheck[];
  /** ISO-8601. */
  testedAt: string;
  durationMs: number;
};

export type TriggerRunRequest = {
  /** Optional free text kept with the run. */
  reason?: string;
  /** For sources with modes; defaults to the source's first mode (`full`). */
  mode?: RunMode;
  /** How the run was asked for: the panel sends `manual`, the command line `cli`; other API clients get `api`. */
  trigger?: Extract<RunTrigger, 'manual' | 'api' | 'cli'>;
  /** Compare without storing anything (400 for sources that cannot promise it, e.g. command sources). */
  dryRun?: boolean;
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

export type RunLogLine = { seq: number; at: string; level: LogLevel; message: string };
export type RunLog = { runId: string; lines: RunLogLine[]; truncated: boolean };

/** Why a record was rejected: a code and its parameters, or (runs recorded before codes) only the text. */
export type RunRejectionReason = {
  /** The source's code (translated by the UI); null for a reason stored as text only. */
  code: string | null;
  params: Record<string, string | number>;
  /** The reason in English: the stored text, or the code's sentence; shown when the code is not known. */
  text: string;
};

/** One rejected record key of a run: every term it was rejected in and each distinct reason. */
export type RunRejection = {
  key: string;
  /** The record table the data browser finds the key in; null when the key is only a position. */
  table: string | null;
  terms: string[];
  reasons: RunRejectionReason[];
};

export type RunRejectionQuery = { q?: string; page?: number; pageSize?: number };

/** The database a replica runs on: its kind only, never the address or the password. */
export const DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/** Which replica answered (`REPLICA_ID`, else host name and process id) and the kind of database it uses. */
export type ReplicaInfo = { replica: string; databaseKind: DatabaseKind };

/** `GET /api/health`: liveness. */
export type Health = { status: 'ok'; version: string; database: 'ok' } & ReplicaInfo;

/** `GET /api/health/ready`: 200 when every check passes, 503 naming the failed ones otherwise. */
export type Readiness = { status: 'ready' | 'unavailable'; checks: { database: 'ok' | 'failed'; worker: 'ok' | 'failed' } } & ReplicaInfo;

export const EMPTY_COUNTS: RunCounts = { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };

/** Units of an auto-sync interval; `seconds` is accepted only when the server lowers the floor (tests). */
/** Why a run is due when it is: the regular timing, a term's interval, or a closure it was moved past. */
export type CalendarReason = 'regular' | `in_term:${string}` | `closure:${string}`;

export const AUTO_SYNC_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export type AutoSyncUnit = (typeof AUTO_SYNC_UNITS)[number];

export const AUTO_SYNC_UNIT_SECONDS: Record<AutoSyncUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** Days of the week as cron and JavaScript number them: 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A daily window, in the university's time zone, during which scheduled runs wait for its end. */
export type QuietWindow = {
  /** `HH:MM`, 24-hour, in the university's time zone. An `end` before `start` crosses midnight. */
  start: string;
  end: string;
  /** The days the window starts on. */
  days: Weekday[];
};

/** What an admin sets: either an interval (`every` + `unit`) or a `cron` expression, never both. */
export type AutoSyncSettings = {
  enabled: boolean;
  every: number | null;
  unit: AutoSyncUnit | null;
  /** 5 or 6 fields (seconds first), evaluated in the university's time zone. */
  cron: string | null;
  /** The mode of scheduled runs, for sources with modes; null means the source's default. */
  mode: RunMode | null;
  quietWindow: QuietWindow | null;
  /** Runs that would fall on a closure of the academic calendar wait for the midnight after it. */
  skipClosures: boolean;
  /** Another interval inside the calendar's terms (hourly during enrolment, daily outside); null: the same everywhere. */
  inTerm: { every: number; unit: AutoSyncUnit } | null;
};

export type AutoSync = AutoSyncSettings & {
  /** ISO-8601; when the next scheduled run is due. Null when off, paused, the source is disabled or the kill switch is on. */
  nextRunAt: string | null;
  /** Why the next run is due then (`regular`, `in_term:<term>`, `closure:<closure>`); null with no next run. */
  nextRunReason: CalendarReason | null;
  /** Consecutive failed scheduled runs (reset by a successful run or "clear back-off"). */
  failures: number;
  /** How many intervals the next attempt waits because of those failures: 1, 2, 4 … 24. */
  backoffFactor: number;
  /** ISO-8601; set when the schedule paused itself after too many consecutive failures. */
  pausedAt: string | null;
  /** False when the server runs with `AUTO_SYNC_ENABLED=false`: no schedule fires. */
  isAllowed: boolean;
};

/** `GET /api/schedules/config`: the server's scheduling settings, for the settings dialog. */
export type AutoSyncConfig = {
  isAllowed: boolean;
  /** IANA zone in which cron expressions and quiet windows are read. */
  timeZone: string;
  minIntervalSeconds: number;
  maxIntervalSeconds: number;
  units: AutoSyncUnit[];
  /** Consecutive scheduled failures after which a schedule pauses itself. */
  maxFailures: number;
};

/**
 * `GET /api/schedules/preview?cron=…` or `?every=…&unit=…`, with the quiet window (`quietStart`, `quietEnd`,
 * `quietDays=6,0,1`): the next scheduled runs as if the schedule were saved now (ISO-8601), the quiet window kept.
 */
export type SchedulePreview = {
  timeZone: string;
  fireTimes: string[];
  /** For each fire time, why it is then (the academic calendar's part: `regular`, `in_term:<term>`, `closure:<closure>`). */
  reasons: CalendarReason[];
};
