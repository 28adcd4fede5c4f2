import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Source, SourceHealth, UpdateSourceRequest } from '@hamgam/shared';
import { apiClient } from './api-client';
import { sourceKeys } from './source-keys';

/** `PATCH /api/sources/:id`: only the parts sent change; a 400 carries `fields` keyed like `connection.baseUrl`. */
export function patchSource(sourceId: string, request: UpdateSourceRequest): Promise<Source> {
  return apiClient.patch<Source>(`/sources/${encodeURIComponent(sourceId)}`, request);
}

/**
 * Writes a source the server sent whole (a PATCH answer, a `source.updated` event) wherever it is cached: the
 * dashboard's list and its own detail. Nothing is refetched: the server built it from what it just stored.
 */
export function writeSource(queryClient: QueryClient, source: Source): void {
  queryClient.setQueryData<Source[]>(sourceKeys.list(), (sources) => sources?.map((cached) => (cached.id === source.id ? source : cached)));
  queryClient.setQueryData<Source>(sourceKeys.detail(source.id), (cached) => (cached ? source : cached));
}

/** Writes a source's new health (a `source.health` event) into the cached source wherever it is shown. */
export function writeSourceHealth(queryClient: QueryClient, sourceId: string, health: SourceHealth): void {
  queryClient.setQueryData<Source[]>(sourceKeys.list(), (sources) => sources?.map((cached) => (cached.id === sourceId ? { ...cached, health } : cached)));
  queryClient.setQueryData<Source>(sourceKeys.detail(sourceId), (cached) => (cached ? { ...cached, health } : cached));
}

/** Refetches a source wherever it is shown, when what the cache holds is in doubt (a refused optimistic change). */
export async function invalidateSource(queryClient: QueryClient, sourceId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: sourceKeys.detail(sourceId) }),
  ]);
}

/** A mutation that changes a source through `save` and writes the answer into the cache; the form shows its errors itself. */
export function useSourceSave<Variables>(save: (variables: Variables) => Promise<Source>) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { showsOwnErrors: true },
    mutationFn: save,
    onSuccess: (source) => writeSource(queryClient, source),
  });
}
