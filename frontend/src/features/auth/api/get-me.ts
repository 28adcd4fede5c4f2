import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { SESSION_QUERY_KEY } from '../../../lib/session';

export function getMe(signal?: AbortSignal): Promise<User> {
  return apiClient.get<User>('/auth/me', { signal });
}

export function getMeQueryOptions() {
  // A 401 is an answer (signed out), not a failure to retry.
  return queryOptions({ queryKey: SESSION_QUERY_KEY, queryFn: ({ signal }) => getMe(signal), retry: false, staleTime: Infinity });
}

export function useMe() {
  return useQuery(getMeQueryOptions());
}
