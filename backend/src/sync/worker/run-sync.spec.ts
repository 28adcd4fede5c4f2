import type { WorkerMessage } from '@hamgam/shared';
import type { WorkerContext } from '../source-definition';
import { runSync } from './run-sync';

describe('runSync', () => {
  it('should hand the step the options the declaration read and log its warnings when a stored option is refused', async () => {
    const sent: WorkerMessage[] = [];
    let seenOptions: Record<string, unknown> = {};
    const context = {
      runId: '1',
      sourceId: 'library',
      mode: null,
      settings: { connection: null, options: { pageSize: 500 } },
      db: {},
      signal: new AbortController().signal,
    } as unknown as Omit<WorkerContext, 'report'>;

    await runSync({
      step: async ({ settings }) => {
        seenOptions = settings.options;
        return { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
      },
      context,
      send: (message) => sent.push(message),
      readOptions: (raw, warn) => {
        warn(`option pageSize ${String(raw.pageSize)} is too big; using 20`);
        return { pageSize: 20 };
      },
    });

    expect(seenOptions).toEqual({ pageSize: 20 });
    expect(sent).toContainEqual({ type: 'log', level: 'warn', message: 'option pageSize 500 is too big; using 20' });
    expect(sent.at(-1)).toMatchObject({ type: 'finished' });
  });
});
