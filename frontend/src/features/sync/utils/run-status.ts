import { ACTIVE_RUN_STATUSES, type RunStatus, type SyncRun } from '@hamgam/shared';

export function isActiveStatus(status: RunStatus): boolean {
  return (ACTIVE_RUN_STATUSES as readonly RunStatus[]).includes(status);
}

export function isActiveRun(run: SyncRun | null | undefined): boolean {
  return run != null && isActiveStatus(run.status);
}

/** How long a run has taken: its recorded duration, or the time since it started while it is still going. */
export function elapsedMs(run: SyncRun, now: number = Date.now()): number | null {
  if (run.durationMs !== null) return run.durationMs;
  if (run.startedAt === null) return null;
  if (run.finishedAt !== null) return Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return now - Date.parse(run.startedAt);
}
