import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditListQuery, Page } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { toLanguage } from '../../../lib/i18n';
import { auditKeys } from './audit-keys';

export function getAudit(query: AuditListQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiClient.get<Page<AuditEntry>>('/audit', { query, signal });
}

export function getAuditQueryOptions(query: AuditListQuery) {
  return queryOptions({ queryKey: auditKeys.list(query), queryFn: ({ signal }) => getAudit(query, signal) });
}

export function useAudit(query: AuditListQuery) {
  return useQuery(getAuditQueryOptions(query));
}

/** The export of exactly the filtered trail (no paging), written in the UI's language (the server keeps none per user). */
export function auditExportUrl(format: 'csv' | 'xlsx', query: AuditListQuery, lng: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
  params.set('lang', toLanguage(lng));
  return `/api/audit/export.${format}?${params.toString()}`;
}
