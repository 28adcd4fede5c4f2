import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export function getUsers(signal?: AbortSignal): Promise<User[]> {
  return apiClient.get<User[]>('/users', { signal });
}

export function getUsersQueryOptions() {
  return queryOptions({ queryKey: userKeys.list(), queryFn: ({ signal }) => getUsers(signal) });
}

export function useUsers() {
  return useQuery(getUsersQueryOptions());
}
