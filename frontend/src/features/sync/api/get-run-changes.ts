import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RunChangePage, RunChangeQuery } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { pollWhile } from '../utils/polling';
import { runKeys } from './run-keys';

export const CHANGES_PAGE_SIZE = 20;

export function getRunChanges(id: string, query: RunChangeQuery, signal?: AbortSignal): Promise<RunChangePage> {
  return apiClient.get<RunChangePage>(`/runs/${encodeURIComponent(id)}/changes`, { query, signal });
}

export function getRunChangesQueryOptions(id: string, query: RunChangeQuery) {
  return queryOptions({ queryKey: runKeys.changesPage(id, query), queryFn: ({ signal }) => getRunChanges(id, query, signal) });
}

/** A page of the run's record-level changes; polled while the run goes on. */
export function useRunChanges(id: string, query: RunChangeQuery, isRunActive: boolean) {
  return useQuery({ ...getRunChangesQueryOptions(id, query), placeholderData: keepPreviousData, refetchInterval: pollWhile(isRunActive) });
}
