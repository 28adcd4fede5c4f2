import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DeletionDecisionRequest, SyncRun } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';
import { applyRunToCache, invalidateRunListsOf } from '../utils/cache-updates';
import { runKeys } from './run-keys';

export type DeletionDecisionVariables = { runId: string; decision: 'approve' | 'discard' } & DeletionDecisionRequest;

export function decideDeletions({ runId, decision, ...request }: DeletionDecisionVariables): Promise<SyncRun> {
  return apiClient.post<SyncRun>(`/runs/${encodeURIComponent(runId)}/${decision}-deletions`, request);
}

/**
 * Approves (applies) or discards a run's held deletions. On a 409 (already decided, or superseded by a newer run)
 * the run is read again so the page shows what became of them.
 */
export function useDecideDeletions() {
  const queryClient = useQueryClient();
  const refresh = (runId: string) =>
    Promise.all([queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }), queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) })]);
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: decideDeletions,
    onSuccess: async (run) => {
      applyRunToCache(queryClient, run);
      await Promise.all([refresh(run.id), invalidateRunListsOf(queryClient, run.sourceId)]);
    },
    onError: (_error, { runId }) => refresh(runId),
  });
}
