import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CrmWatermark } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { crmKeys } from './crm-keys';

export function getCrmWatermark(signal?: AbortSignal): Promise<CrmWatermark> {
  return apiClient.get<CrmWatermark>('/sources/crm/watermark', { signal });
}

export function getCrmWatermarkQueryOptions(lastRunId: string | null) {
  return queryOptions({ queryKey: crmKeys.watermark(lastRunId), queryFn: ({ signal }) => getCrmWatermark(signal) });
}

export function useCrmWatermark(lastRunId: string | null) {
  return useQuery(getCrmWatermarkQueryOptions(lastRunId));
}
