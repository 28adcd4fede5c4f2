import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandSourceConfig } from './command-sources';
import {
  intSetting,
  boolSetting,
  keySetting,
  replicaIdSetting,
  replicaBusSetting,
  timeZoneSetting,
  trustProxySetting,
  cookieSecureSetting,
  bootstrapAdminSetting,
  commandSourcesSetting,
  allowedHostsSetting,
  metricsTokenSetting,
  logFormatSetting,
  urlSetting,
  databaseUrlSetting,
  ConfigError,
} from './setting-readers';

export { ConfigError };

export type AppConfig = {
  port: number;
  host: string;
  /** Folder holding the SQLite file, the generated key file and logs. */
  dataDir: string;
  databasePath: string;
  /** `DATABASE_URL` (postgres://…): the app's database is then PostgreSQL 15+ instead of the SQLite file; null means SQLite. */
  databaseUrl: string | null;
  /** 32-byte key for secrets at rest; null means "use or create the key file under dataDir". */
  encryptionKey: Buffer | null;
  /** Start the bundled stand-in upstreams and point unconfigured sources at them. */
  standIns: boolean;
  standInGolestanPort: number;
  /** Fixed port of the stand-in Moodle, so the stored Moodle URL stays valid across restarts. */
  standInMoodlePort: number;
  /** Fixed port of the stand-in CRM, so the stored CRM URL stays valid across restarts. */
  standInCrmPort: number;
  /** Compiled worker entry forked for each run. */
  workerEntry: string;
  /** Time between SIGTERM and SIGKILL when a run is cancelled or times out. */
  killGraceMs: number;
  /** Lines of log kept per run; later lines are dropped and the log is marked truncated. */
  maxLogLinesPerRun: number;
  /** Built admin UI served at `/`; null when it does not exist. */
  staticDir: string | null;
  /** `AUTO_SYNC_ENABLED=false` turns every schedule off (a kill switch). */
  autoSyncEnabled: boolean;
  /** Shortest allowed auto-sync interval; the default 300 (5 minutes) is lowered only for tests. */
  minSyncIntervalSeconds: number;
  /** Consecutive failed scheduled runs after which a schedule pauses itself. */
  autoSyncMaxFailures: number;
  /** IANA zone in which cron expressions and quiet windows are read. */
  universityTimeZone: string;
  /** How long a sign-in lasts at most. */
  sessionHours: number;
  /** A session unused this long ends. */
  sessionIdleMinutes: number;
  /** The session cookie's Secure flag: `auto` follows the request (HTTPS as Express sees it, X-Forwarded-Proto of a trusted proxy). */
  cookieSecure: 'auto' | boolean;
  /** The first admin, created at boot when no user exists (both set, or neither). */
  bootstrapAdmin: { username: string; password: string } | null;
  /** Failed sign-ins allowed per (username, address) within the window; past it, 429 for that pair. */
  loginMaxTries: number;
  /** Failed sign-ins allowed per address, whatever the usernames, within the window; past it, 429 for that address. */
  loginMaxTriesPerAddress: number;
  loginWindowMinutes: number;
  /**
   * Express's `trust proxy`: false, the number of proxy hops in front, or the proxies' addresses/subnets. The client
   * address is then the first X-Forwarded-For entry, from the right, that no trusted proxy wrote.
   */
  trustProxy: false | number | string[];
  /** Retention: runs older than this many days are removed (the last `retentionKeepRuns` per source stay). */
  retentionRunDays: number;
  /** Retention: log lines of runs older than this many days are removed. */
  retentionLogDays: number;
  /** Retention: the change log (record-level changes) of runs older than this many days is removed. */
  retentionChangeDays: number;
  retentionKeepRuns: number;
  /** IANA zone for Jalali/ISO local times in exports. */
  timeZone: string;
  /** Command sources from `COMMAND_SOURCES_FILE`: what each runs is set here only, never over the API. */
  commandSources: CommandSourceConfig[];
  /**
   * `UPSTREAM_ALLOWED_HOSTS`: the only hosts (`name` or `name:port`, lower case) upstream requests may go to;
   * null when unset (any host).
   */
  upstreamAllowedHosts: string[] | null;
  /** `METRICS_TOKEN`: the Bearer token `GET /metrics` asks for; null serves it to loopback clients only. */
  metricsToken: string | null;
  /** `LOG_FORMAT`: `json` (one object per line, for a log collector) or `text`; json when NODE_ENV=production. */
  logFormat: 'json' | 'text';
  /** `PUBLIC_URL`: the panel's address as people open it, for links in alerts; defaults to http://localhost:PORT. */
  publicUrl: string;
  /** Alert deliveries: the first retry waits this long, each later one three times longer (tests use milliseconds). */
  notifyRetryBaseMs: number;
  /** How often the dispatcher looks for deliveries due (a new one is sent at once). */
  notifyPollMs: number;
  /** Time limit of one try of one delivery. */
  notifyTimeoutMs: number;
  /** How often open incidents (reminders) and active runs (`run.long`) are checked. */
  notifyCheckIntervalMs: number;
  /** `run.long` for channels that set no duration of their own. */
  runLongMinutes: number;
  /** Kavenegar's API address; a stand-in in tests. */
  kavenegarBaseUrl: string;
  /** `REPLICA_ID`: this process among the replicas sharing one database; `hostname-pid` when unset. */
  replicaId: string;
  /** `RUN_LEASE_SECONDS`: a run whose owner stops renewing its lease this long is closed by any replica. */
  runLeaseSeconds: number;
  /**
   * The PostgreSQL database through which replicas relay server events and cancels (LISTEN/NOTIFY): `REPLICA_BUS_URL`,
   * else `DATABASE_URL` when it is a PostgreSQL address; null: one replica, events stay in the process.
   */
  replicaBusUrl: string | null;
  env: NodeJS.ProcessEnv;
};

/** The database for logs and messages: the SQLite file, or the PostgreSQL host and database without user or password. */
export function describeDatabase(config: Pick<AppConfig, 'databasePath' | 'databaseUrl'>): string {
  if (!config.databaseUrl) return config.databasePath;
  const url = new URL(config.databaseUrl);
  return `postgresql://${url.host}${url.pathname}`;
}

/** The compiled worker; from the TypeScript sources (tests, ts-node) the build output next to them. */
function workerEntry(env: NodeJS.ProcessEnv): string {
  if (env.WORKER_ENTRY?.trim()) return resolve(env.WORKER_ENTRY);
  const compiled = resolve(__dirname, '../sources/worker-entry.js');
  if (existsSync(compiled)) return compiled;
  const built = resolve(__dirname, '../../dist/sources/worker-entry.js');
  if (!existsSync(built)) throw new ConfigError(`the worker is not built (${built}): run npm run build -w backend`);
  return built;
}

/** Reads and checks every setting once, at boot; a bad value stops the process with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR?.trim() || './data');
  const golestanConfigured = Boolean(env.GOLESTAN_BASE_URL?.trim());
  const staticDir = env.STATIC_DIR?.trim() ? resolve(env.STATIC_DIR) : resolve(__dirname, '../../../frontend/dist');
  const port = intSetting(env, 'PORT', 3000, 0, 65535);
  const encryptionKey = keySetting(env);
  // Replicas each have their own DATA_DIR, so a generated key file would differ per replica: secrets one stored,
  // another could not open. A named replica needs the one key all replicas share.
  if (env.REPLICA_ID?.trim() && !encryptionKey) {
    throw new ConfigError('REPLICA_ID is set (several replicas share the database): set HAMGAM_SECRET_KEY to the same key on every replica');
  }
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir,
    databasePath: resolve(dataDir, env.DATABASE_FILE?.trim() || 'hamgam.sqlite'),
    databaseUrl: databaseUrlSetting(env),
    encryptionKey,
    standIns: boolSetting(env, 'STAND_INS', !golestanConfigured),
    standInGolestanPort: intSetting(env, 'STAND_IN_GOLESTAN_PORT', 3101, 0, 65535),
    standInMoodlePort: intSetting(env, 'STAND_IN_MOODLE_PORT', 3102, 0, 65535),
    standInCrmPort: intSetting(env, 'STAND_IN_CRM_PORT', 3103, 0, 65535),
    workerEntry: workerEntry(env),
    killGraceMs: intSetting(env, 'KILL_GRACE_MS', 5000, 0, 600_000),
    maxLogLinesPerRun: intSetting(env, 'MAX_LOG_LINES_PER_RUN', 5000, 10, 1_000_000),
    staticDir,
    autoSyncEnabled: boolSetting(env, 'AUTO_SYNC_ENABLED', true),
    minSyncIntervalSeconds: intSetting(env, 'MIN_SYNC_INTERVAL_SECONDS', 300, 1, 30 * 86_400),
    autoSyncMaxFailures: intSetting(env, 'AUTO_SYNC_MAX_FAILURES', 10, 1, 1000),
    universityTimeZone: timeZoneSetting(env, 'UNIVERSITY_TIME_ZONE', 'Asia/Tehran'),
    sessionHours: intSetting(env, 'SESSION_HOURS', 12, 1, 24 * 30),
    sessionIdleMinutes: intSetting(env, 'SESSION_IDLE_MINUTES', 60, 1, 24 * 60 * 30),
    cookieSecure: cookieSecureSetting(env),
    bootstrapAdmin: bootstrapAdminSetting(env),
    loginMaxTries: intSetting(env, 'LOGIN_MAX_TRIES', 10, 1, 1000),
    loginMaxTriesPerAddress: intSetting(env, 'LOGIN_MAX_TRIES_PER_ADDRESS', 30, 1, 10_000),
    loginWindowMinutes: intSetting(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    trustProxy: trustProxySetting(env),
    retentionRunDays: intSetting(env, 'RETENTION_RUN_DAYS', 365, 1, 36_500),
    retentionLogDays: intSetting(env, 'RETENTION_LOG_DAYS', 30, 1, 36_500),
    retentionChangeDays: intSetting(env, 'RETENTION_CHANGE_DAYS', 90, 1, 36_500),
    retentionKeepRuns: intSetting(env, 'RETENTION_KEEP_RUNS', 20, 0, 100_000),
    timeZone: timeZoneSetting(env, 'UNIVERSITY_TIME_ZONE', 'Asia/Tehran'),
    commandSources: commandSourcesSetting(env),
    upstreamAllowedHosts: allowedHostsSetting(env),
    metricsToken: metricsTokenSetting(env),
    logFormat: logFormatSetting(env),
    publicUrl: urlSetting(env, 'PUBLIC_URL', `http://localhost:${port}`),
    notifyRetryBaseMs: intSetting(env, 'NOTIFY_RETRY_BASE_MS', 5000, 1, 3_600_000),
    notifyPollMs: intSetting(env, 'NOTIFY_POLL_MS', 1000, 10, 600_000),
    notifyTimeoutMs: intSetting(env, 'NOTIFY_TIMEOUT_MS', 10_000, 100, 120_000),
    notifyCheckIntervalMs: intSetting(env, 'NOTIFY_CHECK_INTERVAL_MS', 30_000, 50, 3_600_000),
    runLongMinutes: intSetting(env, 'RUN_LONG_MINUTES', 120, 1, 7 * 24 * 60),
    kavenegarBaseUrl: urlSetting(env, 'KAVENEGAR_BASE_URL', 'https://api.kavenegar.com'),
    replicaId: replicaIdSetting(env),
    runLeaseSeconds: intSetting(env, 'RUN_LEASE_SECONDS', 30, 2, 600),
    replicaBusUrl: replicaBusSetting(env),
    env,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
