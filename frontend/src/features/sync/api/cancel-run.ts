import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CancelRunRequest, SyncRun } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { applyRunToCache } from '../utils/cache-updates';
import { runKeys } from './run-keys';
import { sourceKeys } from '../../../lib/source-keys';

export type CancelRunVariables = { runId: string } & CancelRunRequest;

export function cancelRun({ runId, ...request }: CancelRunVariables): Promise<SyncRun> {
  return apiClient.post<SyncRun>(`/runs/${encodeURIComponent(runId)}/cancel`, request);
}

/**
 * Asks the server to stop a run; the run turns `cancelled` once the worker has stopped. When the run had already
 * ended (409), the sources and the run are read again so the views show how it ended.
 */
export function useCancelRun() {
  const queryClient = useQueryClient();
  const refresh = (runId: string) =>
    Promise.all([queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }), queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) })]);
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: cancelRun,
    onSuccess: async (run) => {
      applyRunToCache(queryClient, run);
      await refresh(run.id);
    },
    onError: (_error, { runId }) => refresh(runId),
  });
}
