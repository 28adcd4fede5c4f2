import { useQuery } from '@tanstack/react-query';
import type { SourceStats } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { crmKeys } from './crm-keys';

export function getCrmStats(signal?: AbortSignal): Promise<SourceStats> {
  return apiClient.get<SourceStats>('/sources/crm/stats', { signal });
}

/** Our counts and the CRM's per table (the server asks the CRM; `upstream` is null when it could not). */
export function useCrmStats(lastRunId: string | null) {
  return useQuery({ queryKey: crmKeys.stats(lastRunId), queryFn: ({ signal }) => getCrmStats(signal) });
}
