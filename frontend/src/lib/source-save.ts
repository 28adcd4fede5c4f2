import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Source, UpdateSourceRequest } from '@hamgam/shared';
import { apiClient } from './api-client';
import { sourceKeys } from './source-keys';

/** `PATCH /api/sources/:id`: only the parts sent change; a 400 carries `fields` keyed like `connection.baseUrl`. */
export function patchSource(sourceId: string, request: UpdateSourceRequest): Promise<Source> {
  return apiClient.patch<Source>(`/sources/${encodeURIComponent(sourceId)}`, request);
}

/** Refetches a source wherever it is shown: the dashboard's list and its own detail. */
export async function invalidateSource(queryClient: QueryClient, sourceId: string): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }), queryClient.invalidateQueries({ queryKey: sourceKeys.detail(sourceId) })]);
}

/** A mutation that changes a source through `save` and refetches it; the form shows its errors itself. */
export function useSourceSave<Variables>(save: (variables: Variables) => Promise<Source>) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: save,
    onSuccess: (source) => invalidateSource(queryClient, source.id),
  });
}
