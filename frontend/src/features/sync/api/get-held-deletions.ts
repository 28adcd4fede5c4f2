import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { HeldDeletion, HeldDeletionQuery, Page } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { runKeys } from './run-keys';

export const HELD_DELETIONS_PAGE_SIZE = 20;

export function getHeldDeletions(id: string, query: HeldDeletionQuery, signal?: AbortSignal): Promise<Page<HeldDeletion>> {
  return apiClient.get<Page<HeldDeletion>>(`/runs/${encodeURIComponent(id)}/held-deletions`, { query, signal });
}

export function getHeldDeletionsQueryOptions(id: string, query: HeldDeletionQuery) {
  return queryOptions({ queryKey: runKeys.heldDeletionsPage(id, query), queryFn: ({ signal }) => getHeldDeletions(id, query, signal) });
}

export function useHeldDeletions(id: string, query: HeldDeletionQuery) {
  return useQuery({ ...getHeldDeletionsQueryOptions(id, query), placeholderData: keepPreviousData });
}
