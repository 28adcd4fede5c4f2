import type { IncidentKind, NotificationEvent } from '@hamgam/shared';

/** The event that announces an incident of each kind. */
export const OPENING_EVENT: Record<IncidentKind, NotificationEvent> = { failing: 'run.failed', late: 'source.late' };

/** A channel hears `run.failed` once the incident has as many failed runs in a row as it waits for. */
export function isFailureAlertDue(consecutiveFailures: number, failuresBeforeAlert: number): boolean {
  return consecutiveFailures >= failuresBeforeAlert;
}

/**
 * A recovery goes to a channel that was told of the incident, or that listens to no opening event (it asked to
 * hear recoveries only). A channel waiting for a third failure is not told that a single one is over.
 */
export function isRecoveryFor(channelEvents: readonly NotificationEvent[], wasAlerted: boolean): boolean {
  if (wasAlerted) return true;
  return !Object.values(OPENING_EVENT).some((event) => channelEvents.includes(event));
}

/** Whether an open incident is due a reminder on a channel: its last alert is older than the channel's interval. */
export function isReminderDue(lastAlertAt: Date | null, remindAfterMinutes: number | null, now: Date): boolean {
  if (lastAlertAt === null || remindAfterMinutes === null) return false;
  return now.getTime() - lastAlertAt.getTime() >= remindAfterMinutes * 60_000;
}

/** Whether an active run has gone on past the duration (the channel's own, else the server's). */
export function isRunLong(startedAt: Date, channelMinutes: number | null, defaultMinutes: number, now: Date): boolean {
  return now.getTime() - startedAt.getTime() >= (channelMinutes ?? defaultMinutes) * 60_000;
}
