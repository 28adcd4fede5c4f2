import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, RunListQuery, SyncRun } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { useIsLive } from '../hooks/live-updates-context';
import { pollWhile } from '../utils/polling';
import { isActiveRun } from '../utils/run-status';
import { runKeys } from './run-keys';

export function getRuns(query: RunListQuery, signal?: AbortSignal): Promise<Page<SyncRun>> {
  return apiClient.get<Page<SyncRun>>('/runs', { query, signal });
}

export function getRunsQueryOptions(query: RunListQuery) {
  return queryOptions({ queryKey: runKeys.list(query), queryFn: ({ signal }) => getRuns(query, signal) });
}

export type UseRunsOptions = { enabled?: boolean };

/** A page of runs, newest first; polled while it shows an active run and the event stream is down. */
export function useRuns(query: RunListQuery, { enabled = true }: UseRunsOptions = {}) {
  const isLive = useIsLive();
  return useQuery({
    ...getRunsQueryOptions(query),
    enabled,
    refetchInterval: (q) => pollWhile(!isLive && (q.state.data?.items.some(isActiveRun) ?? false)),
  });
}
