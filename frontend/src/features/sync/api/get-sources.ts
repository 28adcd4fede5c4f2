import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Source } from '@hamgam/shared';
import { apiClient } from '../../../lib/api-client';
import { addConfiguredSourceNames } from '../../../lib/i18n';
import { useIsLive } from '../hooks/live-updates-context';
import { pollWhile } from '../utils/polling';
import { sourceKeys } from '../../../lib/source-keys';

export async function getSources(signal?: AbortSignal): Promise<Source[]> {
  const sources = await apiClient.get<Source[]>('/sources', { signal });
  addConfiguredSourceNames(sources.map((source) => ({ id: source.id, name: source.command?.name ?? null })));
  return sources;
}

export function getSourcesQueryOptions() {
  return queryOptions({ queryKey: sourceKeys.list(), queryFn: ({ signal }) => getSources(signal) });
}

export function hasActiveSource(sources: Source[] | undefined): boolean {
  return sources?.some((source) => source.activeRun !== null) ?? false;
}

/** All sources; polled every 2 s while one of them runs and the event stream is down. */
export function useSources() {
  const isLive = useIsLive();
  return useQuery({
    ...getSourcesQueryOptions(),
    refetchInterval: (query) => pollWhile(!isLive && hasActiveSource(query.state.data)),
  });
}
