import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CrmConflict, CrmConflictStatus } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { crmKeys } from './crm-keys';

export function getCrmConflicts(status: CrmConflictStatus, signal?: AbortSignal): Promise<CrmConflict[]> {
  return apiClient.get<CrmConflict[]>('/sources/crm/conflicts', { query: { status }, signal });
}

export function getCrmConflictsQueryOptions(status: CrmConflictStatus) {
  return queryOptions({ queryKey: crmKeys.conflicts(status), queryFn: ({ signal }) => getCrmConflicts(status, signal) });
}

export function useCrmConflicts(status: CrmConflictStatus) {
  return useQuery(getCrmConflictsQueryOptions(status));
}
