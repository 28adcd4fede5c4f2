import type { RecordListQuery } from '@hamgam/shared';

/** Query keys of stored records: all → lists() → list(sourceId, query). */
export const recordKeys = {
  all: ['records'] as const,
  lists: () => [...recordKeys.all, 'list'] as const,
  list: (sourceId: string, query: RecordListQuery) => [...recordKeys.lists(), sourceId, query] as const,
};
