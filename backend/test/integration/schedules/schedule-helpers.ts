import { SchedulerRegistry } from '@nestjs/schedule';
import type { AutoSyncSettings, Page, Source, SyncRun } from '@hamgam/shared';
import { waitFor, type TestApp } from '../helpers/test-app';

export async function setAutoSync(t: TestApp, autoSync: Partial<AutoSyncSettings>, sourceId = 'faculty'): Promise<Source> {
  const response = await t.http().patch(`/api/sources/${sourceId}`).send({ autoSync }).expect(200);
  return response.body as Source;
}

export async function getSource(t: TestApp, sourceId = 'faculty'): Promise<Source> {
  return (await t.http().get(`/api/sources/${sourceId}`).expect(200)).body as Source;
}

/** Runs of a source, oldest first. */
export async function runsOf(t: TestApp, sourceId = 'faculty'): Promise<SyncRun[]> {
  const page = (await t.http().get(`/api/runs?sourceId=${sourceId}&pageSize=100`).expect(200)).body as Page<SyncRun>;
  return [...page.items].reverse();
}

export async function scheduledRunsOf(t: TestApp, sourceId = 'faculty'): Promise<SyncRun[]> {
  return (await runsOf(t, sourceId)).filter((run) => run.trigger === 'schedule');
}

export function autoSyncTimers(t: TestApp): string[] {
  return t.app
    .get(SchedulerRegistry)
    .getTimeouts()
    .filter((name) => name.startsWith('auto-sync:'));
}

export const msBetween = (from: string, to: string) => new Date(to).getTime() - new Date(from).getTime();

/** Polls until the source has at least `count` scheduled runs; answers them oldest first. */
export async function waitForScheduledRuns(t: TestApp, count: number, sourceId = 'faculty'): Promise<SyncRun[]> {
  return waitFor(async () => {
    const runs = await scheduledRunsOf(t, sourceId);
    return runs.length >= count ? runs : undefined;
  });
}
