import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SyncRun } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { useIsLive } from '../hooks/live-updates-context';
import { pollWhile } from '../utils/polling';
import { isActiveRun } from '../utils/run-status';
import { runKeys } from './run-keys';

export function getRun(id: string, signal?: AbortSignal): Promise<SyncRun> {
  return apiClient.get<SyncRun>(`/runs/${encodeURIComponent(id)}`, { signal });
}

export function getRunQueryOptions(id: string) {
  return queryOptions({ queryKey: runKeys.detail(id), queryFn: ({ signal }) => getRun(id, signal) });
}

/** One run; polled every 2 s while it is active and the event stream is down, never once it is final. */
export function useRun(id: string) {
  const isLive = useIsLive();
  return useQuery({
    ...getRunQueryOptions(id),
    refetchInterval: (query) => pollWhile(!isLive && isActiveRun(query.state.data)),
  });
}
