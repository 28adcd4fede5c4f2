import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RunRejection } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { pollWhile } from '../utils/polling';
import { runKeys } from './run-keys';

export function getRunRejections(id: string, signal?: AbortSignal): Promise<RunRejection[]> {
  return apiClient.get<RunRejection[]>(`/runs/${encodeURIComponent(id)}/rejections`, { signal });
}

export function getRunRejectionsQueryOptions(id: string) {
  return queryOptions({ queryKey: runKeys.rejections(id), queryFn: ({ signal }) => getRunRejections(id, signal) });
}

export function useRunRejections(id: string, isRunActive: boolean) {
  return useQuery({ ...getRunRejectionsQueryOptions(id), refetchInterval: pollWhile(isRunActive) });
}
