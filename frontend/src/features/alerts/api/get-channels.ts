import { queryOptions, useQuery } from '@tanstack/react-query';
import type { NotificationChannel } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { alertKeys } from './alert-keys';

export function getChannels(signal?: AbortSignal): Promise<NotificationChannel[]> {
  return apiClient.get<NotificationChannel[]>('/notifications/channels', { signal });
}

export function getChannelsQueryOptions() {
  return queryOptions({ queryKey: alertKeys.channels(), queryFn: ({ signal }) => getChannels(signal) });
}

export function useChannels() {
  return useQuery(getChannelsQueryOptions());
}
