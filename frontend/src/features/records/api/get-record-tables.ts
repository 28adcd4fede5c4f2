import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Source } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';

export function getSource(sourceId: string, signal?: AbortSignal): Promise<Source> {
  return apiClient.get<Source>(`/sources/${encodeURIComponent(sourceId)}`, { signal });
}

export function getSourceQueryOptions(sourceId: string) {
  return queryOptions({ queryKey: sourceKeys.detail(sourceId), queryFn: ({ signal }) => getSource(sourceId, signal) });
}

/** The record tables a source declares, its data browser's default first. */
export function useRecordTables(sourceId: string) {
  return useQuery({ ...getSourceQueryOptions(sourceId), select: (source) => source.recordTables });
}
