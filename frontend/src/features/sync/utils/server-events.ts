import type { QueryClient } from '@tanstack/react-query';
import { SERVER_EVENT_TYPES, SOURCE_DATA_PARTS, type RunLog, type ServerEvent } from '@hamgam/shared';
import { runKeys } from '../api/run-keys';
import { recordKeys } from '../../../lib/record-keys';
import { sourceKeys } from '../../../lib/source-keys';
import { writeSource, writeSourceHealth } from '../../../lib/source-save';
import { applyRunToCache, invalidateRunListsOf } from './cache-updates';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The stream is a trust boundary: anything that is not one of the shared event shapes is dropped. */
export function parseServerEvent(data: string): ServerEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(value) || !(SERVER_EVENT_TYPES as readonly unknown[]).includes(value.type)) return null;
  if (value.type === 'run.log') {
    return typeof value.runId === 'string' && isRecord(value.line) && typeof value.line.seq === 'number' ? (value as ServerEvent) : null;
  }
  if (value.type === 'source.health') {
    return typeof value.sourceId === 'string' && isRecord(value.health) && typeof value.health.state === 'string' ? (value as ServerEvent) : null;
  }
  if (value.type === 'source.data-changed') {
    const isParts = Array.isArray(value.parts) && value.parts.every((part) => (SOURCE_DATA_PARTS as readonly unknown[]).includes(part));
    return typeof value.sourceId === 'string' && isParts ? (value as ServerEvent) : null;
  }
  if (value.type === 'source.updated') {
    return isRecord(value.source) && typeof value.source.id === 'string' ? (value as ServerEvent) : null;
  }
  const run = value.run;
  return isRecord(run) && typeof run.id === 'string' && typeof run.sourceId === 'string' && typeof run.status === 'string' ? (value as ServerEvent) : null;
}

/** Turns one server event into cache writes (progress, a source) and the smallest invalidations (everything else). */
export function applyServerEvent(queryClient: QueryClient, event: ServerEvent): void {
  switch (event.type) {
    case 'run.progress':
      applyRunToCache(queryClient, event.run);
      return;
    case 'run.created':
      applyRunToCache(queryClient, event.run);
      void queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
      void invalidateRunListsOf(queryClient, event.run.sourceId);
      return;
    case 'run.finished':
      applyRunToCache(queryClient, event.run);
      void queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
      void invalidateRunListsOf(queryClient, event.run.sourceId);
      // What the run stored changes the counts the dashboard shows.
      void queryClient.invalidateQueries({ queryKey: sourceKeys.stats(event.run.sourceId) });
      void queryClient.invalidateQueries({ queryKey: recordKeys.source(event.run.sourceId) });
      // The run itself is fresh from the event; what it produced last (log tail, rejections) is not.
      void queryClient.invalidateQueries({ queryKey: runKeys.log(event.run.id) });
      void queryClient.invalidateQueries({ queryKey: runKeys.rejections(event.run.id) });
      return;
    case 'run.log':
      // Appended to a log that is already shown; nobody watching it, nothing to do.
      queryClient.setQueryData<RunLog>(runKeys.log(event.runId), (log) =>
        log && !log.lines.some((line) => line.seq === event.line.seq) ? { ...log, lines: [...log.lines, event.line] } : log,
      );
      return;
    case 'source.updated':
      // The whole source, as the server just built it: written, not refetched.
      writeSource(queryClient, event.source);
      return;
    case 'source.health':
      writeSourceHealth(queryClient, event.sourceId, event.health);
      return;
    case 'source.data-changed':
      // The parts that changed and the card's counts of what waits and what is open. A contact's row shows a
      // queued link from the outbox, so the stored records themselves have not changed.
      for (const part of event.parts) void queryClient.invalidateQueries({ queryKey: sourceKeys.data(event.sourceId, part) });
      void queryClient.invalidateQueries({ queryKey: sourceKeys.stats(event.sourceId) });
      return;
  }
}

/** After the stream was down, events may have been missed: refetch what they would have changed. */
export function resyncAfterOutage(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: runKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: runKeys.details() });
  void queryClient.invalidateQueries({ queryKey: sourceKeys.dataAll() });
}
