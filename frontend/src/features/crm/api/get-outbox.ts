import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CrmOutboxItem } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { crmKeys } from './crm-keys';

export function getCrmOutbox(signal?: AbortSignal): Promise<CrmOutboxItem[]> {
  return apiClient.get<CrmOutboxItem[]>('/sources/crm/outbox', { signal });
}

export function getCrmOutboxQueryOptions() {
  return queryOptions({ queryKey: crmKeys.outbox(), queryFn: ({ signal }) => getCrmOutbox(signal) });
}

/** The CRM outbox: changes waiting to be pushed, and the recent history of pushed ones. */
export function useCrmOutbox(enabled = true) {
  return useQuery({ ...getCrmOutboxQueryOptions(), enabled });
}
