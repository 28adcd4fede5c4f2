import type { AuditListQuery } from '@hamgam/shared';

/** Query keys of the audit trail: all → lists() → list(query). */
export const auditKeys = {
  all: ['audit'] as const,
  lists: () => [...auditKeys.all, 'list'] as const,
  list: (query: AuditListQuery) => [...auditKeys.lists(), query] as const,
};
