import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Source } from '@hamgam/shared';
import { sourceKeys } from '../../../lib/source-keys';
import { invalidateSource, patchSource, writeSource } from '../../../lib/source-save';

export type ToggleAutoSyncVariables = { sourceId: string; enabled: boolean };

export function toggleAutoSync({ sourceId, enabled }: ToggleAutoSyncVariables): Promise<Source> {
  return patchSource(sourceId, { autoSync: { enabled } });
}

function withToggle(source: Source, enabled: boolean): Source {
  return { ...source, autoSync: { ...source.autoSync, enabled, nextRunAt: enabled ? source.autoSync.nextRunAt : null } };
}

type Snapshot = { list: Source[] | undefined; detail: Source | undefined };

/**
 * Switches auto-sync on or off at once. The card and the dialog both show the switch, so the cached source
 * changes before the server answers and is put back if the server refuses.
 */
export function useToggleAutoSync() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: toggleAutoSync,
    onMutate: async ({ sourceId, enabled }): Promise<Snapshot> => {
      await Promise.all([queryClient.cancelQueries({ queryKey: sourceKeys.lists() }), queryClient.cancelQueries({ queryKey: sourceKeys.detail(sourceId) })]);
      const snapshot = { list: queryClient.getQueryData<Source[]>(sourceKeys.list()), detail: queryClient.getQueryData<Source>(sourceKeys.detail(sourceId)) };
      queryClient.setQueryData<Source[]>(sourceKeys.list(), (sources) =>
        sources?.map((source) => (source.id === sourceId ? withToggle(source, enabled) : source)),
      );
      queryClient.setQueryData<Source>(sourceKeys.detail(sourceId), (source) => (source ? withToggle(source, enabled) : source));
      return snapshot;
    },
    onSuccess: (source) => writeSource(queryClient, source),
    onError: async (_error, { sourceId }, snapshot) => {
      if (snapshot) {
        queryClient.setQueryData(sourceKeys.list(), snapshot.list);
        queryClient.setQueryData(sourceKeys.detail(sourceId), snapshot.detail);
      }
      await invalidateSource(queryClient, sourceId);
    },
  });
}
