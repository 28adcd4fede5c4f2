import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AutoSyncConfig } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { scheduleKeys } from './schedule-keys';

export function getScheduleConfig(signal?: AbortSignal): Promise<AutoSyncConfig> {
  return apiClient.get<AutoSyncConfig>('/schedules/config', { signal });
}

export function getScheduleConfigQueryOptions() {
  // Environment settings of the server: they change only with a restart.
  return queryOptions({ queryKey: scheduleKeys.config(), queryFn: ({ signal }) => getScheduleConfig(signal), staleTime: Infinity });
}

/** The server's limits (shortest interval, units, time zone) and whether auto-sync is allowed at all. */
export function useScheduleConfig() {
  return useQuery(getScheduleConfigQueryOptions());
}
