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

/** Asks the server to stop a run; the run turns `cancelled` once the worker has stopped. */
export function useCancelRun() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: cancelRun,
    onSuccess: async (run) => {
      applyRunToCache(queryClient, run);
      await Promise.all([queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }), queryClient.invalidateQueries({ queryKey: runKeys.detail(run.id) })]);
    },
  });
}
