import type { RecordHistoryQuery, RecordListQuery } from '@hamgam/shared';

/** Query keys of stored records: all → lists() → source(sourceId) → list(sourceId, query); a record's changes under all. */
export const recordKeys = {
  all: ['records'] as const,
  lists: () => [...recordKeys.all, 'list'] as const,
  source: (sourceId: string) => [...recordKeys.lists(), sourceId] as const,
  list: (sourceId: string, query: RecordListQuery) => [...recordKeys.source(sourceId), query] as const,
  changes: (sourceId: string, table: string, key: string, query: RecordHistoryQuery) => [...recordKeys.all, 'changes', sourceId, table, key, query] as const,
};
