import type { ParentMessage, WorkerMessage } from '@hamgam/shared';
import { setAllowedUpstreamHosts } from '../../common/http/upstream';
import { openWorkerDb } from '../../common/database/open-worker-db';
import { createChangeWriter } from '../changes/change-writer';
import type { WorkerStep } from '../source-definition';
import { createDeletionGate } from './deletion-gate';
import { runSync } from './run-sync';

// The child process of one run. It boots only what the run needs (no Nest, no HTTP server): the raw
// database connection (the SQLite file, or PostgreSQL) and its source's step. The parent alone writes the run row; this process only
// writes the source's own tables and reports through IPC. Its entry (`sources/worker-entry.ts`) hands it the steps.
// It loads no source's declaration (nor zod): the API reads the options before the start message
// (docs/decisions.md, "A worker loads its own source's step and no declaration").

/** Each source's step by id, loaded when a run of that source starts (so a worker loads only its own source). */
export type WorkerSteps = Readonly<Record<string, () => Promise<WorkerStep>>>;

let lastSend: Promise<void> = Promise.resolve();

function send(message: WorkerMessage): Promise<void> {
  lastSend = new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
  return lastSend;
}

async function main(steps: WorkerSteps, start: ParentMessage): Promise<void> {
  const abort = new AbortController();
  process.on('SIGTERM', () => abort.abort(new Error('cancelled by the supervisor')));
  process.on('SIGINT', () => abort.abort(new Error('interrupted')));
  // The supervisor's process died (kill -9, a crashed replica): stop as if cancelled rather than run on unwatched.
  process.on('disconnect', () => abort.abort(new Error('the supervisor is gone')));

  const loadStep = Object.hasOwn(steps, start.sourceId) ? steps[start.sourceId] : undefined;
  if (!loadStep) {
    await send({ type: 'failed', kind: 'internal', message: `no connector is registered for source "${start.sourceId}"` });
    return;
  }
  setAllowedUpstreamHosts(start.allowedUpstreamHosts);
  const db = await openWorkerDb(start);
  try {
    const step = await loadStep();
    await runSync({
      step,
      context: {
        runId: start.runId,
        sourceId: start.sourceId,
        mode: start.mode,
        settings: start.settings,
        db,
        signal: abort.signal,
        changes: createChangeWriter(db, start.runId, start.sourceId),
        dryRun: start.dryRun,
        deletions: createDeletionGate(db, start.runId, start.deletionGuard, start.dryRun),
      },
      send: (message) => void send(message),
      optionWarnings: start.optionWarnings,
    });
  } finally {
    await db.close();
  }
}

/** Runs the one sync this process was forked for, with its source's step from `steps`. */
export function runWorkerProcess(steps: WorkerSteps): void {
  process.once('message', (message: ParentMessage) => {
    if (message?.type !== 'start') return;
    void main(steps, message)
      .catch((error: unknown) => send({ type: 'failed', kind: 'internal', message: error instanceof Error ? error.message : String(error) }))
      // Let queued IPC messages drain before leaving.
      .then(() => lastSend)
      .finally(() => {
        if (process.connected) process.disconnect();
        process.exit(0);
      });
  });
}
