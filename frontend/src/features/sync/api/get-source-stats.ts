import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SourceStats } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { sourceKeys } from '../../../lib/source-keys';

export function getSourceStats(sourceId: string, signal?: AbortSignal): Promise<SourceStats> {
  return apiClient.get<SourceStats>(`/sources/${encodeURIComponent(sourceId)}/stats`, { signal });
}

export function getSourceStatsQueryOptions(sourceId: string) {
  return queryOptions({ queryKey: sourceKeys.stats(sourceId), queryFn: ({ signal }) => getSourceStats(sourceId, signal) });
}

/** Stored record counts of a source; refetched when one of its runs ends (see `server-events.ts`). */
export function useSourceStats(sourceId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getSourceStatsQueryOptions(sourceId), enabled });
}

/** Rows stored and not deleted, over every record table of the source. */
export function liveRecords(stats: SourceStats): number {
  return stats.tables.reduce((sum, table) => sum + table.live, 0);
}
