/** What an audit row records; `request` is any other state-changing API call (method and path in `target`). */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'login.locked',
  'logout',
  'logout.all',
  'sync.triggered',
  'run.cancelled',
  'deletions.approved',
  'deletions.discarded',
  'settings.changed',
  'user.created',
  'user.changed',
  'retention.purged',
  'channel.created',
  'channel.changed',
  'channel.deleted',
  'channel.tested',
  'calendar.changed',
  'request',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  id: string;
  /** ISO-8601. */
  at: string;
  /** Username of who did it; `system` for jobs, null for an unknown user (a failed sign-in). */
  actor: string | null;
  action: AuditAction;
  /** What it was done to: `source:faculty`, `run:12`, `user:3`, `POST /api/…`. */
  target: string | null;
  ip: string | null;
  /** Action-specific facts; a settings change holds `SettingsChangedDetails`. */
  details: Record<string, unknown> | null;
};

/** What a changed secret is recorded as: that it changed, never its value. */
export const SECRET_CHANGED = 'changed';

/** One field's change. A list records what was added and removed; a secret only `SECRET_CHANGED`. */
export type SettingChange = { before: unknown; after: unknown } | { added: unknown[]; removed: unknown[] } | typeof SECRET_CHANGED;

/**
 * `details` of `settings.changed` (and of `calendar.changed`, whose `terms` and `closures` are lists): each changed field by its dotted path (`timeoutSeconds`, `autoSync.every`,
 * `autoSync.quietWindow.start`, `options.campuses`, `connection.baseUrl`, `connection.password`).
 */
export type SettingsChangedDetails = { changes: Record<string, SettingChange> };

export type AuditListQuery = {
  action?: AuditAction;
  actor?: string;
  /** ISO-8601 instants, `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};
