import type { CrmConflictStatus } from '@hamgam/shared';
import { sourceKeys } from '../../../lib/source-keys';

/**
 * Query keys of the CRM's own data: watermark(lastRunId) | outbox() | conflicts(status) | stats(lastRunId) |
 * suggestions(contactId). The outbox, the conflicts and the stats sit under the core's source keys, so the
 * `source.data-changed` and `run.finished` events refresh them without naming the CRM.
 */
export const crmKeys = {
  all: ['crm'] as const,
  watermarks: () => [...crmKeys.all, 'watermark'] as const,
  // The last run is in the key: a run that ends moves the watermark, and the card's source list already refetches then.
  watermark: (lastRunId: string | null) => [...crmKeys.watermarks(), lastRunId] as const,
  outbox: () => sourceKeys.data('crm', 'outbox'),
  conflictLists: () => sourceKeys.data('crm', 'conflicts'),
  conflicts: (status: CrmConflictStatus) => [...crmKeys.conflictLists(), status] as const,
  statsAll: () => sourceKeys.stats('crm'),
  // Like the watermark: a run that ends changes our counts, and the card's source list refetches then.
  stats: (lastRunId: string | null) => [...crmKeys.statsAll(), lastRunId] as const,
  suggestions: (contactId: string) => [...crmKeys.all, 'suggestions', contactId] as const,
};
