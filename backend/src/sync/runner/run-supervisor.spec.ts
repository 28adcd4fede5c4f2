import { join } from 'node:path';
import type { AppConfig } from '../../config/config';
import type { RunOutcome, RunRecorder } from './run-recorder.service';
import { RunSupervisor } from './run-supervisor.service';
import type { SourceDataWatch } from './source-data-watch.service';

const FAKE_WORKER = join(__dirname, '../../../test/fixtures/fake-stopping-worker.cjs');

function fakeRecorder() {
  const calls = { progress: [] as unknown[], rejected: 0, finished: [] as RunOutcome[] };
  let started: () => void = () => undefined;
  const isRunning = new Promise<void>((resolve) => (started = resolve));
  const recorder = {
    track: () => undefined,
    markRunning: async () => started(),
    progress: async (_runId: number, progress: unknown) => void calls.progress.push(progress),
    log: async () => undefined,
    reject: async (_runId: number, items: unknown[]) => void (calls.rejected += items.length),
    finish: async (_runId: number, outcome: RunOutcome) => void calls.finished.push(outcome),
  };
  return { recorder: recorder as unknown as RunRecorder, calls, isRunning };
}

describe('RunSupervisor stopping a run', () => {
  it('should close a cancelled run with the counts the worker reached, not those of its last progress', async () => {
    const { recorder, calls, isRunning } = fakeRecorder();
    const config = { workerEntry: FAKE_WORKER, killGraceMs: 5000, databasePath: ':memory:', upstreamAllowedHosts: [] } as unknown as AppConfig;
    const dataWatch = { begin: () => undefined, check: () => undefined } as unknown as SourceDataWatch;
    const supervisor = new RunSupervisor(config, recorder, dataWatch);
    supervisor.launch({
      kind: 'connector',
      runId: 1,
      sourceId: 'faculty',
      timeoutSeconds: 60,
      secrets: [],
      mode: null,
      settings: { connection: {}, options: {} } as never,
      optionWarnings: [],
      dryRun: false,
      deletionGuard: null,
    });
    await isRunning;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(supervisor.stop(1, { status: 'cancelled', kind: 'cancelled', message: 'cancelled by admin' })).toBe(true);
    await supervisor.whenClosed(1);

    expect(calls.progress).toHaveLength(1);
    expect(calls.rejected).toBe(10);
    expect(calls.finished).toHaveLength(1);
    expect(calls.finished[0]).toMatchObject({
      status: 'cancelled',
      kind: 'cancelled',
      message: 'cancelled by admin',
      counts: { fetched: 40, inserted: 30, rejected: 10 },
    });
  });
});
