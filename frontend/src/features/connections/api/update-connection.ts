import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConnectionUpdate, Source } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';

export type UpdateConnectionVariables = { sourceId: string; connection: ConnectionUpdate };

export function updateConnection({ sourceId, connection }: UpdateConnectionVariables): Promise<Source> {
  return apiClient.patch<Source>(`/sources/${encodeURIComponent(sourceId)}`, { connection });
}

/** Saves a source's connection; a 400 carries `fields` keyed like `connection.baseUrl`. */
export function useUpdateConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: updateConnection,
    onSuccess: async (source) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: sourceKeys.detail(source.id) }),
      ]);
    },
  });
}
