import type { RunCounts } from '@hamgam/shared';
import { SyncError } from '../../common/sync-error';
import type { WorkerContext, WorkerStep } from '../../sync/source-definition';
import { FacultyClient } from './faculty.client';
import { mapFacultyRecord, type CleanFacultyRecord } from './faculty.mapper';
import { FacultyRepository } from './faculty.repository';
import type { FacultyOptions } from './faculty.settings';

// Enough to see what kind of warnings a run has without flooding the log when every record has one.
const MAX_WARNING_LINES = 50;

/** The faculty worker step: log in, fetch page by page, clean, upsert each page, then soft-delete the unseen. */
export const runFacultySync: WorkerStep = async (ctx) => {
  const { report, signal } = ctx;
  // Read by the declaration in the API before the run (a refused stored value is already its default, logged).
  const options = ctx.settings.options as FacultyOptions;
  const counts: RunCounts = { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  const connection = ctx.settings.connection;
  if (!connection?.baseUrl || !connection.username || !connection.password) {
    throw new SyncError('auth', 'the faculty connection is not configured: set the base URL, user name and password');
  }
  const client = new FacultyClient({
    baseUrl: connection.baseUrl,
    username: connection.username,
    password: connection.password,
    ...options,
    signal,
    onRetry: (info) => report.retried(`retry ${info.attempt}/${info.maxRetries} in ${formatDelay(info.delayMs)}: ${info.reason}`),
  });
  const repository = new FacultyRepository(ctx.db, { logChanges: ctx.changes.isEnabled, isDryRun: ctx.dryRun });
  const seen = new Set<string>();
  const keptCodes = new Set<string>();
  if (ctx.dryRun) report.log('info', 'dry run: every batch is compared and rolled back; nothing is stored');
  let warningLines = 0;
  let recordsWithWarnings = 0;
  let recordsRepaired = 0;

  report.progress({ stage: 'connecting', processed: 0, counts: { ...counts } }, true);
  await client.login();
  report.log('info', `logged in to ${describeBase(connection.baseUrl)}`);

  for (let page = 1; ; page += 1) {
    throwIfCancelled(signal, `before page ${page}`);
    report.progress({ stage: 'fetching', processed: counts.fetched, counts: { ...counts }, messageKey: 'faculty.page', messageParams: { page } }, page === 1);
    const raw = await client.fetchFacultyPage(page, options.pageSize);
    counts.fetched += raw.length;

    const accepted: CleanFacultyRecord[] = [];
    let pageRejected = 0;
    let pageDuplicates = 0;
    raw.forEach((item, index) => {
      const result = mapFacultyRecord(item, seen, `page ${page} #${index + 1}`);
      if (!result.ok) {
        const { key, code, params } = result;
        report.reject({ key, code, ...(params ? { params } : {}), ...(result.isRecordKey ? { table: 'members' } : {}) });
        pageRejected += 1;
        if (code === 'duplicate_national_code') pageDuplicates += 1;
        return;
      }
      accepted.push(result.record);
      keptCodes.add(result.record.nationalCode);
      if (result.repaired) recordsRepaired += 1;
      if (result.warnings.length > 0) {
        recordsWithWarnings += 1;
        if (warningLines < MAX_WARNING_LINES) {
          warningLines += 1;
          report.log('warn', `${result.record.nationalCode}: ${result.warnings.join('; ')}`);
        }
      }
    });
    counts.rejected += pageRejected;
    // A gateway that ignores pageNumber answers page 1 forever; stop instead of paging without end.
    if (page > 1 && raw.length === options.pageSize && pageDuplicates === raw.length) {
      throw new SyncError('upstream', `faculty page ${page} repeats records already fetched; the gateway may be ignoring pageNumber`);
    }

    const saved = await repository.upsertBatch(accepted, ctx.runId, new Date().toISOString());
    // After the batch's transaction, in one of its own (a rolled-back batch keeps its changes too).
    await ctx.changes.write(saved.changes);
    counts.inserted += saved.inserted;
    counts.updated += saved.updated;
    counts.unchanged += saved.unchanged;
    report.progress({
      stage: 'saving',
      processed: counts.fetched,
      counts: { ...counts },
      messageKey: 'faculty.page',
      messageParams: { page },
    });
    report.log(
      'info',
      `page ${page}: ${raw.length} records (inserted ${saved.inserted}, updated ${saved.updated}, ` + `unchanged ${saved.unchanged}, rejected ${pageRejected})`,
    );
    if (raw.length < options.pageSize) break;
  }

  if (recordsRepaired > 0) report.log('info', `${recordsRepaired} records had mis-decoded text that was repaired`);
  if (recordsWithWarnings > 0) report.log('warn', `${recordsWithWarnings} records were saved with warnings`);

  throwIfCancelled(signal, 'before removing members the gateway no longer lists');
  const kept = counts.inserted + counts.updated + counts.unchanged;
  // An empty answer is far likelier a gateway fault than a university without faculty; deleting everyone on
  // its word would lose the whole table.
  if (kept === 0 && (await repository.countActive()) > 0) {
    throw new SyncError('upstream', 'the gateway returned no valid faculty records; nothing was deleted');
  }
  const unseen = await repository.unseenLive(ctx.runId, keptCodes);
  // Every member kept is live now, so the live members are those kept and those about to go.
  const live = keptCodes.size + unseen.length;
  if (ctx.deletions.exceeds(unseen.length, live)) {
    await ctx.deletions.hold(unseen);
    report.log(
      'warn',
      `${unseen.length} of ${live} members are no longer listed: more than the deletion guard allows; the deletions wait for an admin's approval`,
    );
  } else if (ctx.dryRun) {
    counts.deleted = unseen.length;
    await ctx.changes.write(repository.wouldDelete(unseen));
  } else {
    const removed = await repository.softDeleteUnseen(ctx.runId, new Date().toISOString());
    await ctx.changes.write(removed.changes);
    counts.deleted = removed.deleted;
  }
  if (counts.deleted > 0) report.log('info', `${counts.deleted} members no longer listed ${ctx.dryRun ? 'would be' : 'were'} marked deleted`);

  report.progress({ stage: 'completed', processed: counts.fetched, percent: 100, counts: { ...counts } }, true);
  return counts;
};

function throwIfCancelled(signal: WorkerContext['signal'], when: string): void {
  if (!signal.aborted) return;
  if (signal.reason instanceof SyncError) throw signal.reason;
  throw new SyncError('cancelled', `the run was cancelled ${when}`);
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function describeBase(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return 'the gateway';
  }
}
