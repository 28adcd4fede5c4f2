import type { SyncRun } from '@hamgam/shared';
import type { SyncRunEntity } from './entities/sync-run.entity';

export const MAX_ERROR_MESSAGE_LENGTH = 500;

export function toSyncRun(run: SyncRunEntity): SyncRun {
  return {
    id: String(run.id),
    sourceId: run.sourceId,
    trigger: run.trigger,
    triggeredBy: run.triggeredBy,
    status: run.status,
    mode: run.mode,
    reason: run.reason,
    cancelledBy: run.cancelledBy,
    cancelReason: run.cancelReason,
    stage: run.stage,
    percent: run.percent,
    messageKey: run.messageKey,
    messageParams: run.messageParams,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    counts: {
      fetched: run.fetched,
      inserted: run.inserted,
      updated: run.updated,
      unchanged: run.unchanged,
      deleted: run.deleted,
      rejected: run.rejected,
    },
    errorKind: run.errorKind,
    errorMessage: run.errorMessage,
    retries: run.retries,
    dryRun: run.dryRun,
    heldDeletions: run.heldDeletions,
    deletionDecision: run.deletionDecision
      ? {
          kind: run.deletionDecision,
          by: run.deletionDecidedBy,
          reason: run.deletionDecisionReason,
          at: run.deletionDecidedAt ?? run.finishedAt ?? run.createdAt,
          applied: run.deletionsApplied,
        }
      : null,
  };
}

/** Error texts are cut to 500 characters on a character boundary; the full text stays in the log. */
export function clipErrorMessage(message: string): string {
  const chars = Array.from(message);
  return chars.length <= MAX_ERROR_MESSAGE_LENGTH ? message : chars.slice(0, MAX_ERROR_MESSAGE_LENGTH - 1).join('') + '…';
}
