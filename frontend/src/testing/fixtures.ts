import { EMPTY_COUNTS, type AutoSync, type AutoSyncConfig, type RunCounts, type Source, type SyncRun, type User } from '@hamgam/shared';

/** The server's auto-sync limits as the settings dialog reads them (`GET /api/schedules/config`). */
export const AUTO_SYNC_CONFIG: AutoSyncConfig = {
  isAllowed: true,
  timeZone: 'Asia/Tehran',
  minIntervalSeconds: 300,
  maxIntervalSeconds: 2_592_000,
  units: ['minutes', 'hours', 'days'],
  maxFailures: 10,
};

export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: '1',
    username: 'admin',
    displayName: 'مدیر سامانه',
    role: 'admin',
    isActive: true,
    createdAt: '2026-11-01T09:00:00+03:30',
    updatedAt: '2026-11-01T09:00:00+03:30',
    lastLoginAt: '2026-11-23T09:00:00+03:30',
    ...overrides,
  };
}

export function makeCounts(overrides: Partial<RunCounts> = {}): RunCounts {
  return { ...EMPTY_COUNTS, ...overrides };
}

export function makeRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return {
    id: '12',
    sourceId: 'faculty',
    trigger: 'manual',
    triggeredBy: 'admin',
    status: 'success',
    mode: null,
    reason: null,
    cancelledBy: null,
    cancelReason: null,
    stage: 'completed',
    percent: 100,
    messageKey: null,
    messageParams: null,
    // Local times (Tehran in the tests): 2026-11-23 is 1405/09/02 in the Jalali calendar.
    createdAt: '2026-11-23T10:29:58+03:30',
    startedAt: '2026-11-23T10:30:00+03:30',
    finishedAt: '2026-11-23T10:32:05+03:30',
    durationMs: 125_000,
    counts: makeCounts({ fetched: 1234, inserted: 10, updated: 4, unchanged: 1220 }),
    errorKind: null,
    errorMessage: null,
    retries: 0,
    dryRun: false,
    heldDeletions: 0,
    deletionDecision: null,
    ...overrides,
  };
}

export function makeActiveRun(overrides: Partial<SyncRun> = {}): SyncRun {
  return makeRun({
    id: '13',
    status: 'running',
    stage: 'fetching',
    percent: 42,
    messageKey: 'faculty.page',
    messageParams: { page: 3 },
    finishedAt: null,
    durationMs: null,
    counts: makeCounts({ fetched: 300, inserted: 20 }),
    ...overrides,
  });
}

/** Auto-sync as a source that never had a schedule reports it: off, the defaults. */
export function makeAutoSync(overrides: Partial<AutoSync> = {}): AutoSync {
  return {
    enabled: false,
    every: 1,
    unit: 'days',
    cron: null,
    mode: null,
    quietWindow: null,
    skipClosures: false,
    inTerm: null,
    nextRunAt: null,
    nextRunReason: null,
    failures: 0,
    backoffFactor: 1,
    pausedAt: null,
    isAllowed: true,
    ...overrides,
  };
}

export function makeSource(overrides: Partial<Source> = {}): Source {
  return {
    id: 'faculty',
    kind: 'connector',
    enabled: true,
    timeoutSeconds: 3600,
    connection: { baseUrl: 'http://127.0.0.1:3101', username: 'hamgam', hasPassword: true },
    command: null,
    modes: [],
    options: {},
    hasRecords: true,
    recordTables: [{ id: 'members', columns: ['professorCode', 'personnelId', 'field', 'campusName', 'provinceName', 'mobile', 'email'] }],
    canTestConnection: false,
    settings: {
      connection: [
        { name: 'baseUrl', kind: 'url', isRequired: true, isNeededForTest: false },
        { name: 'username', kind: 'text', isRequired: true, isNeededForTest: false },
        { name: 'password', kind: 'secret', isRequired: true, isNeededForTest: true },
      ],
      options: { type: 'object', properties: {} },
    },
    isStandIn: true,
    lastRun: makeRun(),
    activeRun: null,
    autoSync: makeAutoSync(),
    freshness: { maxAgeSeconds: null },
    deletionGuard: { maxPercent: 10, maxCount: null },
    canDryRun: false,
    health: { state: 'fresh', since: '2026-11-23T09:10:00+03:30', lastSuccessAt: '2026-11-23T09:10:00+03:30', reason: 'no_expectation' },
    updatedAt: '2026-11-23T09:00:00+03:30',
    ...overrides,
  };
}

export function makeLegacySource(overrides: Partial<Source> = {}): Source {
  return makeSource({
    id: 'legacy-faculty',
    kind: 'command',
    connection: null,
    command: {
      name: 'Legacy faculty script',
      executable: 'python3',
      args: ['faculty_main.py'],
      cwd: '/opt/legacy',
      countPattern: 'saved (\\d+)',
      envNames: ['FACULTY_DB_URL'],
    },
    isStandIn: false,
    deletionGuard: null,
    canDryRun: false,
    lastRun: makeRun({
      id: '9',
      sourceId: 'legacy-faculty',
      trigger: 'schedule',
      status: 'failed',
      stage: 'fetching',
      errorKind: 'network',
      errorMessage: 'connect ECONNREFUSED 127.0.0.1:3101',
      durationMs: 4_000,
      counts: makeCounts(),
    }),
    ...overrides,
  });
}
