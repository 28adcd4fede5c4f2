import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RecordListQuery, RecordPage } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { recordKeys } from '../../../lib/record-keys';

export function getRecords(sourceId: string, query: RecordListQuery, signal?: AbortSignal): Promise<RecordPage> {
  return apiClient.get<RecordPage>(`/sources/${encodeURIComponent(sourceId)}/records`, { query, signal });
}

export function getRecordsQueryOptions(sourceId: string, query: RecordListQuery) {
  return queryOptions({ queryKey: recordKeys.list(sourceId, query), queryFn: ({ signal }) => getRecords(sourceId, query, signal) });
}

/** A page of a source's stored records; the previous page stays on screen while the next one loads. */
export function useRecords(sourceId: string, query: RecordListQuery) {
  return useQuery({ ...getRecordsQueryOptions(sourceId, query), placeholderData: keepPreviousData });
}
