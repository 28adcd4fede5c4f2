import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditListQuery, Page } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
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

export function auditExportUrl(query: AuditListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && key !== 'page' && key !== 'pageSize') params.set(key, String(value));
  const search = params.toString();
  return `/api/audit/export.csv${search ? `?${search}` : ''}`;
}
