import type { HeldDeletionQuery, RunChangeQuery, RunListQuery, RunRejectionQuery } from '@hamgam/shared';

/**
 * Query keys of runs: all → lists() → list(query) → details() → detail(id) → log/rejections/changes/held deletions.
 * The log, rejections, changes and held deletions sit under their run's detail key, so invalidating a run refreshes them too.
 */
export const runKeys = {
  all: ['runs'] as const,
  lists: () => [...runKeys.all, 'list'] as const,
  list: (query: RunListQuery) => [...runKeys.lists(), query] as const,
  details: () => [...runKeys.all, 'detail'] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
  log: (id: string) => [...runKeys.detail(id), 'log'] as const,
  rejections: (id: string) => [...runKeys.detail(id), 'rejections'] as const,
  rejectionsPage: (id: string, query: RunRejectionQuery) => [...runKeys.rejections(id), query] as const,
  changes: (id: string) => [...runKeys.detail(id), 'changes'] as const,
  changesPage: (id: string, query: RunChangeQuery) => [...runKeys.changes(id), query] as const,
  heldDeletions: (id: string) => [...runKeys.detail(id), 'held-deletions'] as const,
  heldDeletionsPage: (id: string, query: HeldDeletionQuery) => [...runKeys.heldDeletions(id), query] as const,
};

/** The filter of a `runKeys.list(query)` key, or undefined for any other key. */
export function runListQueryOf(queryKey: readonly unknown[]): RunListQuery | undefined {
  const [root, kind, query] = queryKey;
  if (root !== runKeys.all[0] || kind !== 'list' || typeof query !== 'object' || query === null) return undefined;
  return query as RunListQuery;
}
