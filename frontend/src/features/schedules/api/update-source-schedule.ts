import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Source, UpdateSourceRequest } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';

export type UpdateSourceScheduleVariables = { sourceId: string } & Pick<UpdateSourceRequest, 'autoSync' | 'timeoutSeconds'>;

export function updateSourceSchedule({ sourceId, ...request }: UpdateSourceScheduleVariables): Promise<Source> {
  return apiClient.patch<Source>(`/sources/${encodeURIComponent(sourceId)}`, request);
}

/** Saves a source's schedule settings; a 400 carries `fields` keyed like `autoSync.every`. */
export function useUpdateSourceSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: updateSourceSchedule,
    onSuccess: async (source) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.detail(source.id) }),
      ]);
    },
  });
}
