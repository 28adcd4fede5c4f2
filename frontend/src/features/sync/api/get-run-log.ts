import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RunLog } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { pollWhile } from '../utils/polling';
import { runKeys } from './run-keys';

export function getRunLog(id: string, signal?: AbortSignal): Promise<RunLog> {
  return apiClient.get<RunLog>(`/runs/${encodeURIComponent(id)}/log`, { signal });
}

export function getRunLogQueryOptions(id: string) {
  return queryOptions({ queryKey: runKeys.log(id), queryFn: ({ signal }) => getRunLog(id, signal) });
}

/** The run's log; the event stream carries no log lines, so it is polled while the run is active. */
export function useRunLog(id: string, isRunActive: boolean) {
  return useQuery({ ...getRunLogQueryOptions(id), refetchInterval: pollWhile(isRunActive) });
}
