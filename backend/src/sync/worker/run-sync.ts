import { EMPTY_COUNTS, type RunCounts, type WorkerMessage, type WorkerRejection } from '@hamgam/shared';
import { SyncError } from '../../common/sync-error';
import type { ProgressUpdate, Reporter, WorkerContext, WorkerStep } from '../source-definition';

export const PROGRESS_INTERVAL_MS = 250;
const REJECTION_BATCH = 200;

export type RunSyncDeps = {
  step: WorkerStep;
  context: Omit<WorkerContext, 'report'>;
  send: (message: WorkerMessage) => void;
  now?: () => number;
  /** What the API's read of the stored options refused (each value replaced by its default), logged as warnings. */
  optionWarnings?: readonly string[];
};

/** Runs one worker step and turns everything it does into messages for the parent; testable without a fork. */
export async function runSync({ step, context, send, now = Date.now, optionWarnings = [] }: RunSyncDeps): Promise<WorkerMessage> {
  let lastProgressAt = 0;
  let lastCounts: RunCounts = { ...EMPTY_COUNTS };
  let pendingRejections: WorkerRejection[] = [];
  let retries = 0;

  const flushRejections = () => {
    if (pendingRejections.length === 0) return;
    send({ type: 'rejected', items: pendingRejections });
    pendingRejections = [];
  };

  const report: Reporter = {
    progress(update: ProgressUpdate, force = false) {
      lastCounts = { ...update.counts };
      const at = now();
      if (!force && at - lastProgressAt < PROGRESS_INTERVAL_MS) return;
      lastProgressAt = at;
      flushRejections();
      send({ type: 'progress', ...update });
    },
    log(level, message) {
      send({ type: 'log', level, message });
    },
    retried(message) {
      retries += 1;
      if (message !== undefined) send({ type: 'log', level: 'warn', message });
    },
    reject(rejection) {
      pendingRejections.push(rejection);
      if (pendingRejections.length >= REJECTION_BATCH) flushRejections();
    },
  };

  send({ type: 'started' });
  let final: WorkerMessage;
  for (const warning of optionWarnings) report.log('warn', warning);
  try {
    const counts = await step({ ...context, report });
    const heldDeletions = context.deletions.heldCount();
    final = { type: 'finished', counts, retries, ...(heldDeletions > 0 ? { heldDeletions } : {}) };
  } catch (error) {
    const kind = error instanceof SyncError ? error.kind : context.signal.aborted ? 'cancelled' : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof SyncError) && error instanceof Error && error.stack) report.log('error', error.stack);
    // The run's message is a summary; the log keeps the technical detail (status, error code, errno).
    if (error instanceof SyncError && error.detail) report.log('error', `detail: ${error.detail}`);
    final = { type: 'failed', kind, message, counts: lastCounts, retries };
  }
  flushRejections();
  send(final);
  return final;
}
