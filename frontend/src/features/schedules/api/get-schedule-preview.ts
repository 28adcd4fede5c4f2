import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SchedulePreview } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { scheduleKeys, type SchedulePreviewQuery } from './schedule-keys';

export type { SchedulePreviewQuery };

export function getSchedulePreview(query: SchedulePreviewQuery, signal?: AbortSignal): Promise<SchedulePreview> {
  return apiClient.get<SchedulePreview>('/schedules/preview', { query, signal });
}

export function getSchedulePreviewQueryOptions(query: SchedulePreviewQuery) {
  return queryOptions({ queryKey: scheduleKeys.preview(query), queryFn: ({ signal }) => getSchedulePreview(query, signal), staleTime: 60_000 });
}

/** The next scheduled runs as the server would plan them (its zone, its floor, the quiet window); a 400 says why not. */
export function useSchedulePreview(query: SchedulePreviewQuery | null) {
  return useQuery({
    ...getSchedulePreviewQueryOptions(query ?? {}),
    enabled: query !== null,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
