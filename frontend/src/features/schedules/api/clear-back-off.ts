import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Source } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';

export function clearBackoff(sourceId: string): Promise<Source> {
  return apiClient.post<Source>(`/sources/${encodeURIComponent(sourceId)}/auto-sync/clear-back-off`);
}

/** Forgets the failures of scheduled runs and resumes a paused schedule. */
export function useClearBackoff() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: clearBackoff,
    onSuccess: async (source) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.detail(source.id) }),
      ]);
    },
  });
}
