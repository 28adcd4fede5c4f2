import type { RunCounts, StudentCampus } from '@hamgam/shared';
import { SqliteDb } from '../../common/database/sqlite-db';
import { SyncError } from '../../common/sync-error';
import type { WorkerStep } from '../../sync/source-definition';
import { runPool } from './call-pool';
import { RateGate } from '../golestan/rate-gate';
import { StudentsClient } from './students.client';
import { StudentsPageWriter } from './students.page-writer';
import { pageKey, StudentsRepository, type StoredPage } from './students.repository';
import { recentTerms, termCodes } from './students.terms';
import { resolveStudentsYears, type DeclaredStudentsOptions } from './students.years';

type Call = { campus: StudentCampus; campusIndex: number; term: string };
type FailedCall = { campus: string; term: string; message: string };

// Enough to see what kind of warnings or retries a run has without flooding its log.
const MAX_WARNING_LINES = 50;
const MAX_RETRY_LINES = 100;
const PAIRS_IN_ERROR = 10;

/**
 * The students worker step: one call per campus × term (a `recent` run: the current and previous term only),
 * at most `concurrency` at once behind one rate gate, each paging until a short page; every page is stored in
 * one transaction as it arrives. A complete `full` run then soft-deletes the students no call returned.
 */
export const runStudentsSync: WorkerStep = async (ctx) => {
  const { report, signal, runId } = ctx;
  const now = new Date();
  // Read by the declaration in the API before the run (a refused stored value is already its default, logged).
  const options = resolveStudentsYears(ctx.settings.options as DeclaredStudentsOptions, now, (message) => report.log('warn', message));
  const mode = ctx.mode ?? 'full';
  const connection = ctx.settings.connection;
  if (!connection?.baseUrl || !connection.username || !connection.password) {
    throw new SyncError('auth', 'the students connection is not configured: set the base URL, user name and password');
  }
  if (options.campuses.length === 0) throw new SyncError('validation', 'no campus is configured: add campus codes to the students source');
  const terms = (mode === 'recent' ? recentTerms(now) : termCodes(options.fromYear, options.toYear)).reverse();
  const calls = orderCalls(options.campuses, terms, options.concurrency);

  const counts: RunCounts = { fetched: 0, inserted: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  const failures: FailedCall[] = [];
  let fatal: unknown = null;
  let completed = 0;
  let current: Call = calls[0];
  let retryLines = 0;
  let warningLines = 0;
  let recordsWithWarnings = 0;
  let recordsRepaired = 0;
  let replayedPages = 0;
  const remaining = options.campuses.map(() => terms.length);
  const rowsOfCampus = options.campuses.map(() => 0);

  const gate = new RateGate({ concurrency: options.concurrency });
  const limitedLog = (message: string) => {
    retryLines += 1;
    if (retryLines <= MAX_RETRY_LINES) report.log('warn', message);
  };
  const client = new StudentsClient({
    baseUrl: connection.baseUrl,
    username: connection.username,
    password: connection.password,
    ...options,
    gate,
    signal,
    onRetry: (info) => {
      report.retried();
      limitedLog(`retry ${info.attempt}/${info.maxRetries} in ${formatDelay(info.delayMs)}: ${info.reason}`);
    },
    onSlowDown: (slowDown, reason) => {
      if (slowDown.isNew)
        limitedLog(`the gateway asked to slow down (${reason}): every call waits ${formatDelay(slowDown.waitMs)}, at most ${slowDown.limit} at once`);
    },
  });
  // SQLite only: this connection is the run's own. Checkpoint the WAL every 64 MB instead of every 4 MB, so pages
  // rewritten by many page transactions are copied into the database file once per checkpoint, not once per 4 MB
  // (−14 % run time measured); the step checkpoints once more at the end. Each student is read by key once per page
  // and a page is written per transaction, so pages kept past 4 MB of cache were mostly ones already written (the
  // worker's peak RSS 78–92 → 73–82 MB with the same CPU; docs/benchmarks.md).
  const sqlite = ctx.db.dialect === 'sqlite' && ctx.db instanceof SqliteDb ? ctx.db.handle : null;
  sqlite?.pragma('wal_autocheckpoint = 16384');
  sqlite?.pragma('cache_size = -4000');
  // On PostgreSQL the worker's session plans each statement for its values and commits asynchronously (PostgresDb).
  const repository = new StudentsRepository(ctx.db, ctx.dryRun);
  // A dry run stores no page, so it keeps the students its pages listed to know who was seen.
  const seenInDryRun = new Set<string>();
  if (ctx.dryRun) report.log('info', 'dry run: every page is compared and rolled back; nothing is stored');
  // One key per page fetched (not per student): after a complete full run, what they list was seen.
  const fetchedPages: string[] = [];
  const writer = new StudentsPageWriter(
    repository,
    runId,
    {
      reject: (rejection) => report.reject(rejection),
      ...(ctx.dryRun ? { seen: (numbers: readonly string[]) => numbers.forEach((number) => seenInDryRun.add(number)) } : {}),
      repaired: () => (recordsRepaired += 1),
      warn: (studentNumber, warnings) => {
        recordsWithWarnings += 1;
        if (warningLines >= MAX_WARNING_LINES) return;
        warningLines += 1;
        report.log('warn', `${studentNumber}: ${warnings.join('; ')}`);
      },
    },
    ctx.changes.isEnabled,
  );
  const progress = (stage: string, force = false) =>
    report.progress(
      {
        stage,
        percent: (completed / calls.length) * 100,
        processed: completed,
        total: calls.length,
        counts: { ...counts },
        messageKey: 'students.call',
        messageParams: { campus: current.campusIndex + 1, campuses: options.campuses.length, campusName: current.campus.name, term: current.term },
      },
      force,
    );

  const fetchCall = async (call: Call): Promise<void> => {
    let firstHash: string | null = null;
    for (let page = 1; ; page += 1) {
      const source = { campusCode: call.campus.code, term: call.term, page };
      const known: { page: StoredPage | null } = { page: null };
      const answer = await client.fetchPage(
        call.campus.code,
        call.term,
        page,
        options.pageSize,
        (hash) => (known.page = writer.knownPage(storedPages.get(pageKey(call.campus.code, call.term, page)), hash)) !== null,
      );
      const size = known.page ? known.page.fetched : answer.items!.length;
      if (page === 1) firstHash = answer.hash;
      // A gateway that ignores pageNumber answers page 1 forever; stop instead of paging without end.
      else if (size === options.pageSize && answer.hash === firstHash) {
        throw new SyncError('upstream', `campus ${call.campus.code}, term ${call.term}: page ${page} repeats page 1; the gateway may be ignoring pageNumber`);
      }
      if (signal.aborted) return;
      const saved = known.page ? writer.replay(known.page, source) : await writer.write(answer.items!, source, answer.hash);
      // After the page's transaction, in one of its own (a rolled-back page keeps its changes too).
      if (!known.page) await ctx.changes.write(saved.changes);
      fetchedPages.push(pageKey(call.campus.code, call.term, page));
      for (const key of ['fetched', 'inserted', 'updated', 'unchanged', 'rejected'] as const) counts[key] += saved[key];
      if (known.page) replayedPages += 1;
      rowsOfCampus[call.campusIndex] += size;
      progress('saving');
      if (size < options.pageSize) return;
    }
  };

  report.log('info', describeRun(mode, options.campuses.length, terms, options.concurrency));
  // What each page held last time, read once: a page whose body comes back the same is counted without a read.
  const storedPages = await writer.storedPages(terms);
  report.progress({ stage: 'connecting', processed: 0, total: calls.length, counts: { ...counts } }, true);
  await client.login();
  progress('fetching', true);

  await runPool(
    calls,
    options.concurrency,
    async (call) => {
      current = call;
      try {
        await fetchCall(call);
      } catch (error) {
        // Cancel, timeout, a refused login or a bug stop the run; a call that failed after its retries does not.
        if (signal.aborted || !(error instanceof SyncError) || error.kind === 'auth' || error.kind === 'cancelled') {
          fatal ??= error;
          return;
        }
        failures.push({ campus: call.campus.code, term: call.term, message: error.message });
        report.log('error', `campus ${call.campus.code}, term ${call.term} failed: ${error.message}`);
      }
      completed += 1;
      remaining[call.campusIndex] -= 1;
      if (remaining[call.campusIndex] === 0) {
        report.log(
          'info',
          `campus ${call.campus.code} «${call.campus.name}» (${call.campusIndex + 1} of ${options.campuses.length}): ${rowsOfCampus[call.campusIndex]} records in ${terms.length} terms`,
        );
      }
      progress('fetching');
    },
    () => fatal !== null || signal.aborted,
  );

  if (retryLines > MAX_RETRY_LINES) report.log('warn', `${retryLines - MAX_RETRY_LINES} more retries and slow-downs were not logged`);
  if (replayedPages > 0) report.log('info', `${replayedPages} pages came back byte for byte as stored before and were counted without being written again`);
  if (recordsRepaired > 0) report.log('info', `${recordsRepaired} records had mis-decoded text that was repaired`);
  if (recordsWithWarnings > 0) report.log('warn', `${recordsWithWarnings} records were saved with warnings`);
  progress('saving', true);
  if (signal.aborted)
    throw signal.reason instanceof SyncError ? signal.reason : new SyncError('cancelled', 'the run was cancelled; every page saved so far is kept');
  if (fatal !== null) throw fatal;
  if (failures.length > 0) {
    const pairs = failures.map((failure) => `${failure.campus}/${failure.term}`);
    report.log('error', `failed calls (campus/term) after retries: ${pairs.join(', ')}`);
    const shown = pairs.slice(0, PAIRS_IN_ERROR).join(', ') + (pairs.length > PAIRS_IN_ERROR ? ` and ${pairs.length - PAIRS_IN_ERROR} more` : '');
    throw new SyncError(
      'upstream',
      `${failures.length} of ${calls.length} calls failed after retries (campus/term: ${shown}); what was stored is kept and nothing was deleted`,
    );
  }

  if (mode === 'full') {
    const kept = counts.inserted + counts.updated + counts.unchanged;
    // An empty answer is far likelier a gateway fault than a university without students.
    if (kept === 0 && (await repository.countActive()) > 0)
      throw new SyncError('upstream', 'the gateway returned no valid student records; nothing was deleted');
    const unseen = await repository.unseenLive(fetchedPages, seenInDryRun);
    const live = ctx.dryRun ? seenInDryRun.size + unseen.length : await repository.countActive();
    if (ctx.deletions.exceeds(unseen.length, live)) {
      await ctx.deletions.hold(unseen);
      report.log(
        'warn',
        `${unseen.length} of ${live} students were returned by no call: more than the deletion guard allows; the deletions wait for an admin's approval`,
      );
    } else {
      const deletedKeys = ctx.dryRun ? unseen.map((record) => record.key) : await repository.softDeleteUnseen(fetchedPages, runId, new Date().toISOString());
      counts.deleted = deletedKeys.length;
      if (ctx.changes.isEnabled) await ctx.changes.write(deletedKeys.map((key) => ({ kind: 'deleted' as const, table: 'students', key })));
    }
    if (counts.deleted > 0) report.log('info', `${counts.deleted} students no call returned ${ctx.dryRun ? 'would be' : 'were'} marked deleted`);
  }
  sqlite?.pragma('wal_checkpoint(PASSIVE)');
  report.progress({ stage: 'completed', percent: 100, processed: completed, total: calls.length, counts: { ...counts } }, true);
  return counts;
};

/**
 * Campus by campus, `concurrency` campuses at a time, and within them newest term first, taking turns: the calls
 * in flight together are of different campuses (different students), and a student's latest term mostly
 * arrives before their older ones, so most students are written once. `terms` is newest first.
 */
export function orderCalls(campuses: readonly StudentCampus[], terms: readonly string[], concurrency: number): Call[] {
  const calls: Call[] = [];
  for (let start = 0; start < campuses.length; start += concurrency) {
    const group = campuses.slice(start, start + concurrency);
    for (const term of terms) group.forEach((campus, i) => calls.push({ campus, campusIndex: start + i, term }));
  }
  return calls;
}

function describeRun(mode: string, campuses: number, terms: string[], concurrency: number): string {
  const range = terms.length === 1 ? terms[0] : `${terms.at(-1)}–${terms[0]}`;
  return `${mode} run: ${campuses} campuses × ${terms.length} terms (${range}) = ${campuses * terms.length} calls, at most ${concurrency} at once`;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
