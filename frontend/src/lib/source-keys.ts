import type { SourceDataPart } from '@hamgam/shared';

/** Query keys of sources: all → lists() → list() → details() → detail(id); all → data() → data(id, part). */
export const sourceKeys = {
  all: ['sources'] as const,
  lists: () => [...sourceKeys.all, 'list'] as const,
  // The list takes no filters today; the empty object keeps the factory's shape for when it does.
  list: () => [...sourceKeys.lists(), {}] as const,
  details: () => [...sourceKeys.all, 'detail'] as const,
  detail: (id: string) => [...sourceKeys.details(), id] as const,
  /** Stored record counts (`GET /api/sources/:id/stats`), under the source's detail key. */
  stats: (id: string) => [...sourceKeys.detail(id), 'stats'] as const,
  /** A two-way source's own data beside its records (the CRM's outbox, its conflicts), refreshed by `source.data-changed`. */
  dataAll: () => [...sourceKeys.all, 'data'] as const,
  data: (id: string, part: SourceDataPart) => [...sourceKeys.dataAll(), id, part] as const,
};
