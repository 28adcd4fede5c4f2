import type { RecordListQuery } from '@hamgam/shared';

/** Query keys of stored records: all → lists() → source(sourceId) → list(sourceId, query). */
export const recordKeys = {
  all: ['records'] as const,
  lists: () => [...recordKeys.all, 'list'] as const,
  source: (sourceId: string) => [...recordKeys.lists(), sourceId] as const,
  list: (sourceId: string, query: RecordListQuery) => [...recordKeys.source(sourceId), query] as const,
};
