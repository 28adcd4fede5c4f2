import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, RecordHistoryEntry, RecordHistoryQuery } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { recordKeys } from '../../../lib/record-keys';

export const HISTORY_PAGE_SIZE = 10;

export function getRecordHistory(sourceId: string, table: string, key: string, query: RecordHistoryQuery, signal?: AbortSignal) {
  const path = `/sources/${encodeURIComponent(sourceId)}/records/${encodeURIComponent(table)}/${encodeURIComponent(key)}/changes`;
  return apiClient.get<Page<RecordHistoryEntry>>(path, { query, signal });
}

export function getRecordHistoryQueryOptions(sourceId: string, table: string, key: string, query: RecordHistoryQuery) {
  return queryOptions({
    queryKey: recordKeys.changes(sourceId, table, key, query),
    queryFn: ({ signal }) => getRecordHistory(sourceId, table, key, query, signal),
  });
}

/** A record's changes across runs, newest first; asked only once `isEnabled` (the row's history is opened). */
export function useRecordHistory(sourceId: string, table: string, key: string, query: RecordHistoryQuery, isEnabled: boolean) {
  return useQuery({ ...getRecordHistoryQueryOptions(sourceId, table, key, query), placeholderData: keepPreviousData, enabled: isEnabled });
}
