import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncRun, TriggerRunRequest } from '@hamgam/shared';
import { apiClient, isApiError } from '../../../lib/api-client';
import { applyRunToCache, invalidateRunListsOf } from '../utils/cache-updates';
import { sourceKeys } from '../../../lib/source-keys';

export type TriggerRunVariables = { sourceId: string } & TriggerRunRequest;

export function triggerRun({ sourceId, ...request }: TriggerRunVariables): Promise<SyncRun> {
  // A click in the panel is a `manual` run; scripts calling the API default to `api`.
  return apiClient.post<SyncRun>(`/sources/${encodeURIComponent(sourceId)}/runs`, { trigger: 'manual', ...request });
}

/** Starts a run; a 409 (`ApiError` whose body names `activeRun`) means one is already going. */
export function useTriggerRun() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: triggerRun,
    onSuccess: async (run) => {
      applyRunToCache(queryClient, run);
      await Promise.all([queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }), invalidateRunListsOf(queryClient, run.sourceId)]);
    },
    onError: async (error, { sourceId }) => {
      if (!isApiError(error) || error.status !== 409) return;
      // Our view missed the active run; show it.
      if (error.body?.activeRun) applyRunToCache(queryClient, error.body.activeRun);
      await Promise.all([queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }), invalidateRunListsOf(queryClient, sourceId)]);
    },
  });
}
