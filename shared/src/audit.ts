/** What an audit row records; `request` is any other state-changing API call (method and path in `target`). */
export const AUDIT_ACTIONS = [
  'login',
  'login.failed',
  'login.locked',
  'logout',
  'logout.all',
  'sync.triggered',
  'run.cancelled',
  'settings.changed',
  'user.created',
  'user.changed',
  'retention.purged',
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
  /** Action-specific facts; a settings change holds `{ changes: { field: { before, after } } }`, secrets as "changed". */
  details: Record<string, unknown> | null;
};

export type AuditListQuery = {
  action?: AuditAction;
  actor?: string;
  /** ISO-8601 instants, `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};
