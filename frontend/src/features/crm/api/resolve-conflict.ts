import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CrmConflict, CrmResolveRequest } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { recordKeys } from '../../../lib/record-keys';
import { crmKeys } from './crm-keys';

export type ResolveConflictVariables = { id: string } & CrmResolveRequest;

export function resolveCrmConflict({ id, ...body }: ResolveConflictVariables): Promise<CrmConflict> {
  return apiClient.post<CrmConflict>(`/sources/crm/conflicts/${encodeURIComponent(id)}/resolve`, body);
}

/** An admin picks a side of an open conflict; the conflict lists, the outbox and the CRM's records refetch. */
export function useResolveCrmConflict() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: resolveCrmConflict,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: crmKeys.conflictLists() }),
        queryClient.invalidateQueries({ queryKey: crmKeys.outbox() }),
        queryClient.invalidateQueries({ queryKey: crmKeys.statsAll() }),
        queryClient.invalidateQueries({ queryKey: recordKeys.source('crm') }),
      ]),
  });
}
