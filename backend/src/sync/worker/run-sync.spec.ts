import type { WorkerMessage } from '@hamgam/shared';
import type { WorkerContext } from '../source-definition';
import { runSync } from './run-sync';

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
});
