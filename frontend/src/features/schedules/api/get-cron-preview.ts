import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CronPreview } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { scheduleKeys } from './schedule-keys';

export function getCronPreview(cron: string, signal?: AbortSignal): Promise<CronPreview> {
  return apiClient.get<CronPreview>('/schedules/preview', { query: { cron }, signal });
}

export function getCronPreviewQueryOptions(cron: string) {
  return queryOptions({ queryKey: scheduleKeys.preview(cron), queryFn: ({ signal }) => getCronPreview(cron, signal), staleTime: 60_000 });
}

/** The next fire times of a cron expression as the server reads it; a 400 says why it is invalid. */
export function useCronPreview(cron: string) {
  return useQuery({ ...getCronPreviewQueryOptions(cron), enabled: cron.trim() !== '', retry: false, placeholderData: keepPreviousData });
}
