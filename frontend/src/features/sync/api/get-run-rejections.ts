import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, RunRejection, RunRejectionQuery } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { toLanguage } from '../../../lib/i18n';
import { pollWhile } from '../utils/polling';
import { runKeys } from './run-keys';

export const REJECTIONS_PAGE_SIZE = 20;

export function getRunRejections(id: string, query: RunRejectionQuery, signal?: AbortSignal): Promise<Page<RunRejection>> {
  return apiClient.get<Page<RunRejection>>(`/runs/${encodeURIComponent(id)}/rejections`, { query, signal });
}

export function getRunRejectionsQueryOptions(id: string, query: RunRejectionQuery) {
  return queryOptions({ queryKey: runKeys.rejectionsPage(id, query), queryFn: ({ signal }) => getRunRejections(id, query, signal) });
}

export function useRunRejections(id: string, query: RunRejectionQuery, isRunActive: boolean) {
  return useQuery({ ...getRunRejectionsQueryOptions(id, query), placeholderData: keepPreviousData, refetchInterval: pollWhile(isRunActive) });
}

/** The CSV of the run's rejected records matching `q`, in the UI's language. */
export function runRejectionsExportUrl(id: string, q: string, lng: string): string {
  const params = new URLSearchParams({ lang: toLanguage(lng) });
  if (q) params.set('q', q);
  return `/api/runs/${encodeURIComponent(id)}/rejections.csv?${params.toString()}`;
}
