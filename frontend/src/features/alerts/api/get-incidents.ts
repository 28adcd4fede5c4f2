import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Incident, IncidentStatus, IncidentSummary, Page } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { alertKeys } from './alert-keys';

export const INCIDENTS_PAGE_SIZE = 20;

export function getIncidents(status: IncidentStatus, page: number, signal?: AbortSignal): Promise<Page<Incident>> {
  return apiClient.get<Page<Incident>>('/notifications/incidents', { query: { status, page, pageSize: INCIDENTS_PAGE_SIZE }, signal });
}

export function useIncidents(status: IncidentStatus, page: number) {
  return useQuery(queryOptions({ queryKey: alertKeys.incidentList(status, page), queryFn: ({ signal }) => getIncidents(status, page, signal) }));
}

export function getIncidentSummary(signal?: AbortSignal): Promise<IncidentSummary> {
  return apiClient.get<IncidentSummary>('/notifications/incidents/summary', { signal });
}

/** The header's open-incident count; refetched when a source's health changes (see `app/attention-count.tsx`). */
export function useIncidentSummary() {
  return useQuery(queryOptions({ queryKey: alertKeys.summary(), queryFn: ({ signal }) => getIncidentSummary(signal), refetchInterval: 30_000 }));
}
