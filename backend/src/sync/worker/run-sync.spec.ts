import type { WorkerMessage } from '@hamgam/shared';
import type { WorkerContext } from '../source-definition';
import { SyncError } from '../../common/sync-error';
import { createDeletionGate } from './deletion-gate';
import { runSync } from './run-sync';

const realGate = () => createDeletionGate({} as never, '1', { maxPercent: 10, maxCount: null }, true);

describe('runSync', () => {
  it('should hand the step the options the API read and log the warnings of that read when a stored option was refused', async () => {
    const sent: WorkerMessage[] = [];
    let seenOptions: Record<string, unknown> = {};
    const context = {
      runId: '1',
      sourceId: 'library',
      mode: null,
      settings: { connection: null, options: { pageSize: 20 } },
      db: {},
      signal: new AbortController().signal,
      dryRun: false,
      deletions: realGate(),
    } as unknown as Omit<WorkerContext, 'report'>;

    await runSync({
      step: async ({ settings }) => {
        seenOptions = settings.options;
        return { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
      },
      context,
      send: (message) => sent.push(message),
      optionWarnings: ['option pageSize 500 is too big; using 20'],
    });

    expect(seenOptions).toEqual({ pageSize: 20 });
    expect(sent.slice(0, 2)).toEqual([{ type: 'started' }, { type: 'log', level: 'warn', message: 'option pageSize 500 is too big; using 20' }]);
    expect(sent.at(-1)).toMatchObject({ type: 'finished' });
  });

  it('should count every retry the step reports, log the ones with a message, and send the count with the failure', async () => {
    const sent: WorkerMessage[] = [];
    const context = { runId: '1', sourceId: 'library', mode: null, settings: { connection: null, options: {} }, db: {}, signal: new AbortController().signal };

    await runSync({
      step: async ({ report }) => {
        report.retried('retry 1/3 in 500 ms: gateway answered 429');
        report.retried('retry 2/3 in 1 s: gateway answered 429');
        // A source that caps its retry lines still counts the retry.
        report.retried();
        throw new SyncError('upstream', 'gateway answered 429 (gave up after 4 attempts)');
      },
      context: context as unknown as Omit<WorkerContext, 'report'>,
      send: (message) => sent.push(message),
    });

    expect(sent.filter((message) => message.type === 'log').map((message) => message.type === 'log' && message.message)).toEqual([
      'retry 1/3 in 500 ms: gateway answered 429',
      'retry 2/3 in 1 s: gateway answered 429',
    ]);
    expect(sent.at(-1)).toMatchObject({ type: 'failed', kind: 'upstream', retries: 3 });
  });

  it('should name the deletions the step held in its final message when the guard held some', async () => {
    const sent: WorkerMessage[] = [];
    const context = {
      runId: '1',
      sourceId: 'library',
      mode: null,
      settings: { connection: null, options: {} },
      db: {},
      signal: new AbortController().signal,
      dryRun: true,
      deletions: realGate(),
    };

    await runSync({
      step: async ({ deletions }) => {
        expect(deletions.exceeds(20, 100)).toBe(true);
        await deletions.hold([1, 2, 3].map((n) => ({ table: 'members', key: String(n), lastSeenRunId: '0', values: {} })));
        return { fetched: 80, inserted: 0, updated: 0, unchanged: 80, deleted: 0, rejected: 0 };
      },
      context: context as unknown as Omit<WorkerContext, 'report'>,
      send: (message) => sent.push(message),
    });

    expect(sent.at(-1)).toMatchObject({ type: 'finished', heldDeletions: 3 });
  });
});
