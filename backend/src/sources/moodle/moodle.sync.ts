import { EMPTY_COUNTS, type CourseActivityLevel, type MoodleStage, type RunCounts } from '@hamgam/shared';
import { SyncError } from '../../common/sync-error';
import type { WorkerContext, WorkerStep } from '../../sync/source-definition';
import { activityLevel, analyseCourse } from './moodle.analysis';
import { courseTerm, UserMatcher, type CourseTerm } from './moodle.classify';
import { MoodleClient, REQUIRED_FUNCTIONS } from './moodle.client';
import type { MoodleOptions } from './moodle.options';
import type { MoodleCourse, MoodleEnrolledUser, Rejected } from './moodle.parser';
import { MoodleRepository, MOODLE_TABLES } from './moodle.repository';
import * as rows from './moodle-snapshot';

// Rows are staged a page at a time as they are read, users once each (moodle.repository.ts), and users are matched
// after the last course (a teacher anywhere is tried as faculty first): memory does not follow the site's size.

// Share of the progress bar each stage ends at; analysing contents takes most of a run.
const PERCENT_AT: Record<MoodleStage, number> = {
  connecting: 0,
  fetching_courses: 5,
  analyzing_content: 10,
  classifying_data: 82,
  saving_to_database: 90,
  completed: 100,
};
const ANALYSIS_SPAN = PERCENT_AT.classifying_data - PERCENT_AT.analyzing_content;
const MAX_ENROLMENT_PAGES = 10_000;
const MAX_LISTED_IDS = 20;
const USER_BATCH = 1000;

/** The Moodle worker step: site check, categories and courses, contents and enrolments per course, classify, save. */
export const runMoodleSync: WorkerStep = async (ctx) => {
  const { report, signal } = ctx;
  // Read by the declaration in the API before the run (a refused stored value is already its default, logged).
  const options = ctx.settings.options as MoodleOptions;
  const counts: RunCounts = { ...EMPTY_COUNTS };
  const stage = (
    name: MoodleStage,
    extra: { percent?: number; processed?: number; total?: number; messageParams?: Record<string, number> } = {},
    force = true,
  ) =>
    report.progress(
      {
        stage: name,
        percent: extra.percent ?? PERCENT_AT[name],
        processed: extra.processed ?? counts.fetched,
        total: extra.total,
        counts: { ...counts },
        ...(extra.messageParams ? { messageKey: 'moodle.courses', messageParams: extra.messageParams } : {}),
      },
      force,
    );
  const reject = (rejected: Rejected[]) => {
    for (const item of rejected) report.reject(item);
    counts.rejected += rejected.length;
  };

  const connection = ctx.settings.connection;
  if (!connection?.baseUrl) throw new SyncError('auth', 'the Moodle connection is not configured: set the base URL and a web-service token');
  const client = new MoodleClient({
    baseUrl: connection.baseUrl,
    token: connection.token ?? '',
    username: connection.username,
    password: connection.password,
    service: options.service,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetries: options.maxRetries,
    retryBaseMs: options.retryBaseMs,
    signal,
    onRetry: (info) => report.retried(`retry ${info.attempt}/${info.maxRetries} in ${info.delayMs} ms: ${info.reason}`),
    onLog: (message) => report.log('warn', message),
  });
  const repository = await MoodleRepository.open(ctx.db, { logChanges: ctx.changes.isEnabled, isDryRun: ctx.dryRun });

  stage('connecting');
  const site = await client.siteInfo();
  const missing = REQUIRED_FUNCTIONS.filter((name) => !site.functions.includes(name));
  if (missing.length > 0) {
    throw new SyncError(
      'auth',
      `the token's web service does not allow ${missing.join(', ')}; add them to the service under Site administration › Server › Web services › External services`,
    );
  }
  report.log(
    'info',
    `connected to "${site.siteName}" (Moodle ${site.release ?? site.version ?? 'of unknown release'}) as ${site.username ?? 'an unnamed user'}`,
  );

  throwIfCancelled(signal, 'before fetching courses');
  stage('fetching_courses');
  const categories = await client.categories();
  const listed = await client.courses();
  reject([...categories.rejected, ...listed.rejected]);
  // The front page is a course to the API (format "site"); it is not one to the university.
  const courses = listed.items.filter((course) => course.id !== site.siteId && course.format !== 'site');
  counts.fetched += categories.items.length + courses.length;
  report.log('info', `${categories.items.length} categories and ${courses.length} courses listed`);
  if (courses.length === 0 && (await repository.countActiveCourses()) > 0) {
    throw new SyncError('upstream', 'Moodle listed no courses although courses are stored; nothing was changed or deleted');
  }

  const isIncremental = ctx.mode === 'recent';
  const stored = await repository.storedContents();
  const toAnalyse = new Set(courses.filter((course) => !isIncremental || needsAnalysis(course, stored.get(course.id)?.marker)).map((c) => c.id));
  logMarkers(ctx, courses, isIncremental, toAnalyse.size);

  await repository.stage(['categories', categories.items.map(rows.categoryRow)]);
  stage('analyzing_content', { total: courses.length, processed: 0, messageParams: { done: 0, total: courses.length } });
  let done = 0;
  const terms: (CourseTerm | null)[] = [];
  const levels: CourseActivityLevel[] = [];
  const keptContents: number[] = [];
  await forEachLimited(courses, options.concurrency, signal, async (course) => {
    const analysis = toAnalyse.has(course.id) ? analyseCourse(course.id, await client.contents(course.id)) : null;
    const term = courseTerm(course);
    const level = activityLevel(analysis?.teachingActivities ?? stored.get(course.id)?.teachingActivities ?? 0, options.activeMinActivities);
    terms.push(term);
    levels.push(level);
    if (analysis === null) keptContents.push(course.id);
    await repository.stage(
      ['courses', [rows.courseRow(course, term, level)]],
      ['contents', analysis ? [rows.contentsRow(analysis, rows.changeMarker(course))] : []],
    );
    // Each page is staged as it comes: a course with thousands of participants is never held whole.
    const participants = await readParticipants(client, course.id, options, reject, async (page) => {
      await repository.seeUsers(page);
      await repository.stage(['enrolments', page.map((user) => rows.enrolmentRow(course.id, user.id, user.roles))]);
    });
    counts.fetched += participants;
    done += 1;
    stage(
      'analyzing_content',
      {
        percent: PERCENT_AT.analyzing_content + (ANALYSIS_SPAN * done) / Math.max(1, courses.length),
        processed: done,
        total: courses.length,
        messageParams: { done, total: courses.length },
      },
      done === courses.length,
    );
  });

  throwIfCancelled(signal, 'before classifying');
  stage('classifying_data');
  const matcher = await UserMatcher.open(ctx.db);
  if (!matcher.hasStudents) report.log('info', 'no students table yet: Moodle users are matched to faculty members only');
  const matches = { student: 0, faculty: 0, none: 0 };
  for (let batch = await repository.seenUsers(0, USER_BATCH); batch.length > 0; batch = await repository.seenUsers(batch[batch.length - 1].id, USER_BATCH)) {
    const found = await matcher.matchAll(batch);
    const userRows = batch.map((user, index) => {
      matches[found[index].kind] += 1;
      return rows.userRow(user, found[index]);
    });
    await repository.stage(['users', userRows]);
  }
  const summary = rows.summarise(terms, levels, matches, {
    studentsChecked: matcher.hasStudents,
    facultyChecked: matcher.hasFaculty,
    analysedCourses: toAnalyse.size,
    keptCourses: courses.length - toAnalyse.size,
  });
  report.log(
    'info',
    `classified: ${summary.courses - summary.withoutTerm} courses tied to a term, ${summary.withoutTerm} without; ` +
      `${summary.byLevel.empty} empty, ${summary.byLevel.light} light, ${summary.byLevel.active} active; ` +
      `users: ${summary.byMatch.student} students, ${summary.byMatch.faculty} faculty members, ${summary.byMatch.none} unmatched`,
  );

  throwIfCancelled(signal, 'before saving');
  stage('saving_to_database');
  const savingStarted = performance.now();
  const commit = { deleteUnseen: !isIncremental, keptContents, summary, deletions: ctx.deletions };
  const { counts: saved, changes, held } = await repository.commit(ctx.runId, new Date().toISOString(), commit);
  // After the commit's transaction, each in one of its own (a dry run's rolled-back commit still lists what it would change).
  await ctx.changes.write(changes);
  if (held.length > 0) await ctx.deletions.hold(held);
  // The commit holds the database's write lock: how long says what other writers waited.
  const took = Math.round(performance.now() - savingStarted);
  report.log(
    'info',
    ctx.dryRun
      ? `dry run: the switch was compared and rolled back in ${took} ms; nothing went live`
      : `what the run read was switched live in one transaction in ${took} ms`,
  );
  if (ctx.deletions.heldCount() > 0) {
    report.log(
      'warn',
      `${ctx.deletions.heldCount()} rows Moodle no longer lists are more than the deletion guard allows; the deletions wait for an admin's approval`,
    );
  }
  for (const name of MOODLE_TABLES) {
    const c = saved[name];
    counts.inserted += c.inserted;
    counts.updated += c.updated;
    counts.unchanged += c.unchanged;
    counts.deleted += c.deleted;
    report.log('info', `${name}: inserted ${c.inserted}, updated ${c.updated}, unchanged ${c.unchanged}, deleted ${c.deleted}`);
  }
  stage('completed', { processed: counts.fetched });
  return counts;
};

function needsAnalysis(course: MoodleCourse, storedMarker: string | null | undefined): boolean {
  const marker = rows.changeMarker(course);
  return marker === null || storedMarker !== marker;
}

function logMarkers(ctx: WorkerContext, courses: MoodleCourse[], isIncremental: boolean, analysed: number): void {
  const blind = courses.filter((course) => rows.changeMarker(course) === null).map((course) => course.id);
  if (isIncremental) ctx.report.log('info', `incremental run: ${analysed} of ${courses.length} courses changed since their last analysis and are read again`);
  if (blind.length > 0) {
    const ids = blind.slice(0, MAX_LISTED_IDS).join(', ') + (blind.length > MAX_LISTED_IDS ? ' …' : '');
    ctx.report.log(
      'warn',
      `${blind.length} courses show no timemodified to this token (it lacks moodle/course:update), so they are analysed in full every run: ${ids}`,
    );
  }
}

/**
 * Pages until an empty page: a short page proves nothing, since Moodle 4.x drops users the caller may not see.
 * Hands each page's new participants to `take` and returns how many there were.
 */
async function readParticipants(
  client: MoodleClient,
  courseId: number,
  options: MoodleOptions,
  reject: (r: Rejected[]) => void,
  take: (participants: MoodleEnrolledUser[]) => Promise<void>,
): Promise<number> {
  const seen = new Set<number>();
  for (let page = 0, from = 0; ; page += 1, from += options.enrolmentPageSize) {
    if (page >= MAX_ENROLMENT_PAGES) throw new SyncError('upstream', `course ${courseId}: enrolments did not end after ${MAX_ENROLMENT_PAGES} pages`);
    const result = await client.enrolledUsers(courseId, from, options.enrolmentPageSize);
    reject(result.rejected.map((r) => ({ ...r, key: `course ${courseId} ${r.key}`, params: { ...r.params, course: courseId } })));
    if (result.items.length === 0 && result.rejected.length === 0) return seen.size;
    const fresh = result.items.filter((user) => !seen.has(user.id));
    // A site that ignores limitfrom answers the first page forever.
    if (fresh.length === 0 && result.items.length > 0)
      throw new SyncError('upstream', `course ${courseId}: enrolment page ${page + 1} repeats users already read; the site may ignore limitfrom`);
    fresh.forEach((user) => seen.add(user.id));
    await take(fresh);
  }
}

/** Runs `work` over `items` with at most `limit` at a time; stops taking work after a failure. */
async function forEachLimited<T>(items: T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      throwIfCancelled(signal, 'while reading courses');
      const item = items[next++];
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

function throwIfCancelled(signal: AbortSignal, when: string): void {
  if (!signal.aborted) return;
  if (signal.reason instanceof SyncError) throw signal.reason;
  throw new SyncError('cancelled', `the run was cancelled ${when}`);
}
