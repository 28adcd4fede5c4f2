import { describe, expect, it } from 'vitest';
import type { Page, SyncRun } from '@hamgam/shared';
import { createQueryClient } from '../../../lib/query-client';
import { makeActiveRun, makeRun, makeSource } from '../../../testing/fixtures';
import { runKeys } from '../api/run-keys';
import { recordKeys } from '../../../lib/record-keys';
import { sourceKeys } from '../../../lib/source-keys';
import { applyServerEvent, parseServerEvent } from './server-events';

function page(items: SyncRun[]): Page<SyncRun> {
  return { items, total: items.length, page: 1, pageSize: 10 };
}

function seededClient() {
  const queryClient = createQueryClient({ retry: false });
  const active = makeActiveRun();
  queryClient.setQueryData(sourceKeys.list(), [makeSource({ activeRun: active }), makeSource({ id: 'students', lastRun: null })]);
  queryClient.setQueryData(runKeys.list({ sourceId: 'faculty', pageSize: 10 }), page([active, makeRun()]));
  queryClient.setQueryData(runKeys.list({ sourceId: 'students', pageSize: 10 }), page([]));
  queryClient.setQueryData(runKeys.detail('13'), active);
  queryClient.setQueryData(runKeys.log('13'), { runId: '13', lines: [], truncated: false });
  queryClient.setQueryData(runKeys.detail('12'), makeRun());
  return queryClient;
}

const isInvalidated = (queryClient: ReturnType<typeof seededClient>, key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated ?? false;

describe('parseServerEvent', () => {
  it('should return the event when the data is a well-formed server event', () => {
    const run = makeActiveRun();
    expect(parseServerEvent(JSON.stringify({ type: 'run.progress', run }))).toEqual({ type: 'run.progress', run });
  });

  it('should return null when the data is not JSON, of an unknown type, or without a run', () => {
    expect(parseServerEvent('not json')).toBeNull();
    expect(parseServerEvent(JSON.stringify({ type: 'ping' }))).toBeNull();
    expect(parseServerEvent(JSON.stringify({ type: 'run.progress', run: { id: 13 } }))).toBeNull();
  });
});

describe('applyServerEvent', () => {
  it('should write the run into every cached view without invalidating anything when the event is run.progress', () => {
    const queryClient = seededClient();
    const progressed = makeActiveRun({ percent: 80 });

    applyServerEvent(queryClient, { type: 'run.progress', run: progressed });

    expect(queryClient.getQueryData(runKeys.detail('13'))).toEqual(progressed);
    expect(queryClient.getQueryData<ReturnType<typeof makeSource>[]>(sourceKeys.list())?.[0].activeRun).toEqual(progressed);
    expect(queryClient.getQueryData<Page<SyncRun>>(runKeys.list({ sourceId: 'faculty', pageSize: 10 }))?.items[0]).toEqual(progressed);
    expect(isInvalidated(queryClient, sourceKeys.list())).toBe(false);
  });

  it('should invalidate the sources, that source runs and the run log only when the event is run.finished', () => {
    const queryClient = seededClient();
    const finished = makeRun({ id: '13', status: 'success' });

    applyServerEvent(queryClient, { type: 'run.finished', run: finished });

    const faculty = queryClient.getQueryData<ReturnType<typeof makeSource>[]>(sourceKeys.list())?.[0];
    expect(faculty?.activeRun).toBeNull();
    expect(faculty?.lastRun).toEqual(finished);
    expect(isInvalidated(queryClient, sourceKeys.list())).toBe(true);
    expect(isInvalidated(queryClient, runKeys.list({ sourceId: 'faculty', pageSize: 10 }))).toBe(true);
    expect(isInvalidated(queryClient, runKeys.log('13'))).toBe(true);
    expect(isInvalidated(queryClient, runKeys.list({ sourceId: 'students', pageSize: 10 }))).toBe(false);
    expect(isInvalidated(queryClient, runKeys.detail('12'))).toBe(false);
  });

  it('should write the sent source into the cached list without refetching it when the event is source.updated', () => {
    const queryClient = seededClient();
    const updated = makeSource({ enabled: false });

    applyServerEvent(queryClient, { type: 'source.updated', source: updated });

    expect(queryClient.getQueryData<ReturnType<typeof makeSource>[]>(sourceKeys.list())?.map((source) => source.enabled)).toEqual([false, true]);
    expect(isInvalidated(queryClient, sourceKeys.list())).toBe(false);
    expect(isInvalidated(queryClient, runKeys.list({ sourceId: 'faculty', pageSize: 10 }))).toBe(false);
  });

  it('should write the health into the cached source and parse only a well-formed health event when the event is source.health', () => {
    const queryClient = seededClient();
    const health = { state: 'late', since: '2026-11-23T12:00:00Z', lastSuccessAt: '2026-11-23T10:00:00Z', reason: 'max_age_exceeded' } as const;
    const event = parseServerEvent(JSON.stringify({ type: 'source.health', sourceId: 'students', health }));
    expect(parseServerEvent(JSON.stringify({ type: 'source.health', sourceId: 'students' }))).toBeNull();

    if (event === null) throw new Error('a well-formed source.health event was refused');
    applyServerEvent(queryClient, event);

    const cached = queryClient.getQueryData<ReturnType<typeof makeSource>[]>(sourceKeys.list());
    expect(cached?.map((source) => source.health.state)).toEqual(['fresh', 'late']);
    expect(isInvalidated(queryClient, sourceKeys.list())).toBe(false);
  });

  it('should keep the final run when a late progress event of the same run arrives', () => {
    const queryClient = seededClient();
    const finished = makeRun({ id: '13', status: 'success' });
    applyServerEvent(queryClient, { type: 'run.finished', run: finished });

    applyServerEvent(queryClient, { type: 'run.progress', run: makeActiveRun({ percent: 90 }) });

    expect(queryClient.getQueryData(runKeys.detail('13'))).toEqual(finished);
    expect(queryClient.getQueryData<ReturnType<typeof makeSource>[]>(sourceKeys.list())?.[0].activeRun).toBeNull();
  });

  it('should refetch only the changed parts of that source and its counts when the event is source.data-changed', () => {
    const queryClient = seededClient();
    const conflictsOpen = [...sourceKeys.data('crm', 'conflicts'), 'open'];
    queryClient.setQueryData(conflictsOpen, []);
    queryClient.setQueryData(sourceKeys.data('crm', 'outbox'), []);
    queryClient.setQueryData([...sourceKeys.stats('crm'), '13'], { tables: [], pendingPush: 0, openConflicts: 0 });
    queryClient.setQueryData(recordKeys.list('crm', { page: 1, pageSize: 20 }), { items: [] });
    queryClient.setQueryData(sourceKeys.stats('faculty'), { tables: [], pendingPush: 0, openConflicts: 0 });
    const event = parseServerEvent(JSON.stringify({ type: 'source.data-changed', sourceId: 'crm', parts: ['conflicts'] }));
    expect(parseServerEvent(JSON.stringify({ type: 'source.data-changed', sourceId: 'crm', parts: ['everything'] }))).toBeNull();
    expect(parseServerEvent(JSON.stringify({ type: 'source.data-changed', parts: ['outbox'] }))).toBeNull();

    if (event === null) throw new Error('a well-formed source.data-changed event was refused');
    applyServerEvent(queryClient, event);

    expect(isInvalidated(queryClient, conflictsOpen)).toBe(true);
    expect(isInvalidated(queryClient, [...sourceKeys.stats('crm'), '13'])).toBe(true);
    expect(isInvalidated(queryClient, sourceKeys.data('crm', 'outbox'))).toBe(false);
    expect(isInvalidated(queryClient, recordKeys.list('crm', { page: 1, pageSize: 20 }))).toBe(false);
    expect(isInvalidated(queryClient, sourceKeys.stats('faculty'))).toBe(false);
    expect(isInvalidated(queryClient, sourceKeys.list())).toBe(false);
    expect(isInvalidated(queryClient, runKeys.list({ sourceId: 'faculty', pageSize: 10 }))).toBe(false);
  });

  it("should refetch that source's stored records when its run finishes, not another source's", () => {
    const queryClient = seededClient();
    queryClient.setQueryData(recordKeys.list('faculty', { page: 1, pageSize: 20 }), { items: [] });
    queryClient.setQueryData(recordKeys.list('students', { page: 1, pageSize: 20 }), { items: [] });

    applyServerEvent(queryClient, { type: 'run.finished', run: makeRun({ id: '13', status: 'success' }) });

    expect(isInvalidated(queryClient, recordKeys.list('faculty', { page: 1, pageSize: 20 }))).toBe(true);
    expect(isInvalidated(queryClient, recordKeys.list('students', { page: 1, pageSize: 20 }))).toBe(false);
  });
});
