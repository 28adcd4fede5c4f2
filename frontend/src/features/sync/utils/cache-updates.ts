import type { QueryClient } from '@tanstack/react-query';
import type { Page, Source, SyncRun } from '@hamgam/shared';
import { runKeys, runListQueryOf } from '../api/run-keys';
import { sourceKeys } from '../../../lib/source-keys';
import { isActiveRun } from './run-status';

/** True when `incoming` is an older, still-active copy of a run the cache already knows as final. */
function isOutdated(known: SyncRun | null | undefined, incoming: SyncRun): boolean {
  return known?.id === incoming.id && !isActiveRun(known) && isActiveRun(incoming);
}

/** The source as it looks once `run` is known: its active run while it runs, its last run once it is final. */
export function withRun(source: Source, run: SyncRun): Source {
  if (source.id !== run.sourceId || isOutdated(source.lastRun, run)) return source;
  if (isActiveRun(run)) return { ...source, activeRun: run };
  const isNewer = source.lastRun === null || source.lastRun.id === run.id || source.lastRun.createdAt <= run.createdAt;
  return {
    ...source,
    activeRun: source.activeRun?.id === run.id ? null : source.activeRun,
    lastRun: isNewer ? run : source.lastRun,
  };
}

/** Writes a fresh copy of a run into every cached view that shows it, without a request. */
export function applyRunToCache(queryClient: QueryClient, run: SyncRun): void {
  queryClient.setQueryData<SyncRun>(runKeys.detail(run.id), (known) => (isOutdated(known, run) ? known : run));
  queryClient.setQueryData<Source[]>(sourceKeys.list(), (sources) => sources?.map((source) => withRun(source, run)));
  queryClient.setQueryData<Source>(sourceKeys.detail(run.sourceId), (source) => (source ? withRun(source, run) : source));
  queryClient.setQueriesData<Page<SyncRun>>({ queryKey: runKeys.lists() }, (page) => {
    if (!page?.items.some((item) => item.id === run.id)) return page;
    return { ...page, items: page.items.map((item) => (item.id === run.id && !isOutdated(item, run) ? run : item)) };
  });
}

/** Refetches the run lists that can contain runs of this source (its own, and unfiltered ones). */
export function invalidateRunListsOf(queryClient: QueryClient, sourceId: string): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: runKeys.lists(),
    predicate: (query) => {
      const filter = runListQueryOf(query.queryKey);
      return filter === undefined || filter.sourceId === undefined || filter.sourceId === sourceId;
    },
  });
}
