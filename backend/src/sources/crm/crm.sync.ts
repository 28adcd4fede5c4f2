import type { RunCounts } from '@hamgam/shared';
import { throwIfAborted } from '../../common/http/retry';
import { SyncError } from '../../common/sync-error';
import type { WorkerContext, WorkerStep } from '../../sync/source-definition';
import { CrmClient } from './crm.client';
import { CrmOutbox } from './crm.outbox';
import { pushOutbox } from './crm.push';
import { CrmRepository } from './crm.repository';
import type { CrmOptions } from './crm.settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a full run (and a first run) starts: before any change the CRM can have. */
export const FEED_START = '1970-01-01T00:00:00.000Z';

/**
 * Where a `recent` run asks from: just before the watermark, not at it. Several changes can share the
 * watermark's instant and a run cut off between two pages may have stored only some of them; the ones read
 * again are stored already and counted once (the repository's dedupe by id and `server_updated_at`).
 */
export function resumeSince(watermark: string | null): string {
  return watermark === null ? FEED_START : new Date(Date.parse(watermark) - 1).toISOString();
}

/**
 * The CRM worker step: log in, read the change feed page by page (from the watermark in `recent` mode, from the
 * beginning in `full` mode), store each page and move the watermark in one transaction, and after a complete
 * full run soft-delete what the CRM no longer has at all.
 */
export const runCrmSync: WorkerStep = async (ctx) => {
  const { report, signal } = ctx;
  // Read by the declaration in the API before the run (a refused stored value is already its default, logged).
  const options = ctx.settings.options as CrmOptions;
  const connection = ctx.settings.connection;
  if (!connection?.baseUrl || !connection.username || !connection.password) {
    throw new SyncError('auth', 'the CRM connection is not configured: set the base URL, user name and password');
  }
  const client = new CrmClient({
    baseUrl: connection.baseUrl,
    username: connection.username,
    password: connection.password,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
    signal,
    onRetry: (info) => report.retried(`retry ${info.attempt}/${info.maxRetries} in ${info.delayMs} ms: ${info.reason}`),
  });
  const repository = new CrmRepository(ctx.db, { logChanges: ctx.changes.isEnabled, isDryRun: ctx.dryRun });
  const isFull = ctx.mode === 'full';
  const counts: RunCounts = { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  let revived = 0;
  let repeats = 0;

  report.progress({ stage: 'connecting', processed: 0, counts: { ...counts } }, true);
  await client.login();

  // Local changes go first, so the pull that follows brings back what the CRM made of them. A dry run writes to
  // neither side: no push (the CRM's write API), no outbox cleaning, and every page rolled back with its watermark.
  if (ctx.dryRun) {
    report.log('info', 'dry run: the outbox was not pushed (a dry run never writes to the CRM) and every page is rolled back; nothing is stored');
  } else {
    await pushOutboxFirst(ctx, client, options, counts);
  }
  const watermark = await repository.watermark();
  const since = isFull ? FEED_START : resumeSince(watermark);
  report.log('info', isFull ? 'full run: reading every change from the beginning' : `reading changes after ${since} (watermark ${watermark ?? 'none'})`);

  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    throwIfAborted(signal);
    report.progress({ stage: 'fetching', processed: counts.fetched, counts: { ...counts }, messageKey: 'crm.page', messageParams: { page } }, page === 1);
    const answer = await client.pullChanges(since, cursor, options.pageSize);
    for (const rejected of answer.rejected) report.reject(rejected);
    throwIfAborted(signal);
    const stored = await repository.applyPage(answer.changes, ctx.runId, new Date().toISOString());
    // After the page's transaction, in one of its own (a rolled-back page keeps its changes too).
    await ctx.changes.write(stored.changes);
    counts.fetched += answer.changes.length - stored.repeats + answer.rejected.length;
    counts.rejected += answer.rejected.length;
    counts.inserted += stored.inserted;
    counts.updated += stored.updated + stored.revived;
    counts.unchanged += stored.unchanged;
    counts.deleted += stored.deleted;
    revived += stored.revived;
    repeats += stored.repeats;
    report.log(
      'info',
      `page ${page}: ${answer.changes.length} changes (inserted ${stored.inserted}, updated ${stored.updated}, deleted ${stored.deleted}, ` +
        `revived ${stored.revived}, unchanged ${stored.unchanged}, repeated ${stored.repeats}, rejected ${answer.rejected.length})`,
    );
    report.progress({ stage: 'saving', processed: counts.fetched, counts: { ...counts }, messageKey: 'crm.page', messageParams: { page } });
    if (!answer.hasMore) break;
    cursor = answer.nextCursor;
  }
  if (repeats > 0) report.log('info', `${repeats} changes the feed sent again were counted once`);
  if (revived > 0) report.log('info', `${revived} records deleted earlier came back`);

  if (isFull) {
    throwIfAborted(signal);
    // An empty feed is far likelier a CRM fault than a CRM without records; deleting everything on its word would lose the tables.
    if (counts.fetched - counts.rejected === 0 && (await repository.countLive()) > 0) {
      throw new SyncError('upstream', 'the CRM returned no records in a full run; nothing was deleted');
    }
    const unseen = await repository.unseenLive(ctx.runId);
    const live = await repository.countLive();
    let gone = 0;
    if (ctx.deletions.exceeds(unseen.length, live)) {
      await ctx.deletions.hold(unseen);
      report.log(
        'warn',
        `${unseen.length} of ${live} records are no longer in the CRM: more than the deletion guard allows; the deletions wait for an admin's approval`,
      );
    } else if (ctx.dryRun) {
      gone = unseen.length;
      if (ctx.changes.isEnabled) await ctx.changes.write(unseen.map((record) => ({ kind: 'deleted' as const, table: record.table, key: record.key })));
    } else {
      const removed = await repository.softDeleteUnseen(ctx.runId, new Date().toISOString());
      await ctx.changes.write(removed.changes);
      gone = removed.deleted;
    }
    counts.deleted += gone;
    if (gone > 0) report.log('info', `${gone} records the CRM no longer has ${ctx.dryRun ? 'would be' : 'were'} marked deleted`);
  }
  if (!ctx.dryRun) report.log('info', `watermark now ${(await repository.watermark()) ?? 'none'}`);
  report.progress({ stage: 'completed', processed: counts.fetched, percent: 100, counts: { ...counts } }, true);
  return counts;
};

async function pushOutboxFirst(ctx: WorkerContext, client: CrmClient, options: CrmOptions, counts: RunCounts): Promise<void> {
  const { report, signal } = ctx;
  const outbox = new CrmOutbox(ctx.db);
  const cleaned = await outbox.clean(new Date(Date.now() - options.outboxRetentionDays * DAY_MS).toISOString());
  if (cleaned > 0) report.log('info', `${cleaned} pushed changes older than ${options.outboxRetentionDays} days left the outbox`);
  report.progress({ stage: 'pushing', processed: 0, counts: { ...counts } }, true);
  const pushed = await pushOutbox(client, outbox, options.conflictPolicy, report, signal);
  if (pushed.batches === 0) return;
  report.log(
    'info',
    `outbox: ${pushed.pushed} pushed in ${pushed.batches} batches, ${pushed.conflicts} conflicts (${pushed.openConflicts} left open), ${pushed.refused} refused`,
  );
}
