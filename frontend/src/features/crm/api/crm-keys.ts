import type { CrmConflictStatus } from '@hamgam/shared';

/** Query keys of the CRM's own data: all → watermark(lastRunId) | outbox() | conflicts(status) | stats(lastRunId) | suggestions(contactId). */
export const crmKeys = {
  all: ['crm'] as const,
  watermarks: () => [...crmKeys.all, 'watermark'] as const,
  // The last run is in the key: a run that ends moves the watermark, and the card's source list already refetches then.
  watermark: (lastRunId: string | null) => [...crmKeys.watermarks(), lastRunId] as const,
  outbox: () => [...crmKeys.all, 'outbox'] as const,
  conflictLists: () => [...crmKeys.all, 'conflicts'] as const,
  conflicts: (status: CrmConflictStatus) => [...crmKeys.conflictLists(), status] as const,
  statsAll: () => [...crmKeys.all, 'stats'] as const,
  // Like the watermark: a run that ends changes our counts, and the card's source list refetches then.
  stats: (lastRunId: string | null) => [...crmKeys.statsAll(), lastRunId] as const,
  suggestions: (contactId: string) => [...crmKeys.all, 'suggestions', contactId] as const,
};
