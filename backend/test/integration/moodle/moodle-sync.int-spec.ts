import { waitFor, waitForRunEnd, type TestApp } from '../helpers/test-app';
import type { MoodleStandIn } from '@hamgam/stand-ins';
import type { SyncRun } from '@hamgam/shared';
import { expectedSite, insertRow, query, runLog, startMoodleTestBed } from './moodle-helpers';

const TEACHER_CODES = ['0012345679', '2741852963'];
const STUDENT_NUMBERS = ['4031111001', '4031111002'];

describe('moodle sync against the stand-in Moodle', () => {
  let moodle: MoodleStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ moodle, t } = await startMoodleTestBed({ courses: 9, users: 40, seed: 4, teacherIdnumbers: TEACHER_CODES, studentIdnumbers: STUDENT_NUMBERS }));
  });

  afterEach(async () => {
    await t.close();
    await moodle.close();
  });

  const trigger = async (mode?: 'full' | 'recent'): Promise<SyncRun> => {
    const response = await t
      .http()
      .post('/api/sources/moodle/runs')
      .send(mode ? { mode } : {})
      .expect(202);
    return waitForRunEnd(t, (response.body as SyncRun).id);
  };

  it('should store categories, courses, contents, users and enrolments with exact counts and classify them when a full run succeeds', async () => {
    await insertRow(t, 'faculty_members', { national_code: TEACHER_CODES[0], hash: 'h', created_at: 'now', updated_at: 'now' });
    await insertRow(t, 'students', { student_number: STUDENT_NUMBERS[0], campus_code: '1111', term: '4031', hash: 'h', created_at: 'now', updated_at: 'now' });
    const expected = expectedSite(moodle.site.data());

    const run = await trigger();

    expect(run).toMatchObject({ status: 'success', errorMessage: null, stage: 'completed', percent: 100 });
    const stored = expected.categories + expected.courses * 2 + expected.users + expected.enrolments;
    expect(run.counts).toEqual({
      fetched: expected.categories + expected.courses + expected.enrolments,
      inserted: stored,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      rejected: 0,
    });
    const courses = await query<{ id: number; term_code: string | null; activity_level: string }>(
      t,
      'SELECT id, term_code, activity_level FROM moodle_courses ORDER BY id',
    );
    expect(courses.map((c) => c.id)).toEqual(moodle.site.data().courses.map((c) => c.id));
    for (const course of courses) {
      expect(course.term_code).toBe(moodle.site.data().expectedTerms.get(course.id));
      expect(course.activity_level).toBe(expected.levels.get(course.id));
    }
    expect(new Set(courses.map((c) => c.activity_level))).toEqual(new Set(['empty', 'light', 'active']));
    const matches = await query<{ match_kind: string; n: number }>(
      t,
      'SELECT match_kind, CAST(COUNT(*) AS INTEGER) AS n FROM moodle_users GROUP BY match_kind ORDER BY match_kind',
    );
    expect(matches).toEqual([
      { match_kind: 'faculty', n: 1 },
      { match_kind: 'none', n: expected.users - 2 },
      { match_kind: 'student', n: 1 },
    ]);
    const [summary] = await query<{ summary: string }>(t, 'SELECT summary FROM moodle_classifications WHERE run_id = ?', run.id);
    expect(JSON.parse(summary.summary)).toMatchObject({
      courses: expected.courses,
      users: expected.users,
      byMatch: { student: 1, faculty: 1 },
      studentsChecked: true,
    });
    const reconciliation = (await t.http().get('/api/sources/moodle/records?table=users&q=faculty').expect(200)).body as {
      total: number;
      items: { fields: Record<string, string | null> }[];
    };
    expect(reconciliation.total).toBe(1);
    expect(reconciliation.items[0].fields).toMatchObject({ match: 'faculty', matchedKey: TEACHER_CODES[0], roles: 'editingteacher' });
    expect(await runLog(t, run.id)).toMatch(/connected to "سامانهٔ آموزش مجازی دانشگاه \(نمایشی\)" \(Moodle 4\.3 \(Build: 20231009\)\)/);
  });

  it('should re-read only changed courses and keep the rest when an incremental run follows a full one', async () => {
    await trigger();
    const [changed] = moodle.site.data().courses;
    moodle.site.touchCourse(changed.id);
    const before = moodle.stats().contentsCourseIds.length;

    const run = await trigger('recent');

    expect(run).toMatchObject({ status: 'success', mode: 'recent' });
    expect(moodle.stats().contentsCourseIds.slice(before)).toEqual([changed.id]);
    expect(run.counts.updated).toBe(2); // the course's row (cache marker) and its content analysis
    expect(run.counts.deleted).toBe(0);
    const [contents] = await query<{ pages: number; last_run_id: string }>(
      t,
      'SELECT pages, last_run_id FROM moodle_course_contents WHERE course_id = ?',
      changed.id,
    );
    expect(contents.last_run_id).toBe(run.id);
    expect(await runLog(t, run.id)).toContain(`incremental run: 1 of ${moodle.site.data().courses.length} courses changed`);
  });

  it('should fall back to full analysis and say which courses when the token sees no timemodified', async () => {
    moodle.setFaults({ hideCourseUpdates: true });
    await trigger();
    const before = moodle.stats().contentsCourseIds.length;

    const run = await trigger('recent');

    expect(run.status).toBe('success');
    expect(moodle.stats().contentsCourseIds.length - before).toBe(moodle.site.data().courses.length);
    expect(await runLog(t, run.id)).toMatch(/9 courses show no timemodified to this token .* analysed in full every run: 2, 3, 4/);
  });

  it('should soft-delete a course and its enrolments when a full run no longer sees them', async () => {
    await trigger();
    const gone = moodle.site.data().courses[1];
    const enrolled = moodle.site.data().enrolments.get(gone.id)!.length;
    moodle.site.removeCourse(gone.id);

    const run = await trigger();

    expect(run.status).toBe('success');
    expect(run.counts.deleted).toBeGreaterThanOrEqual(2 + enrolled);
    expect(await query(t, 'SELECT deleted_at FROM moodle_courses WHERE id = ? AND deleted_at IS NOT NULL', gone.id)).toHaveLength(1);
  });

  it('should page enrolments past short pages and stop at the first empty page when Moodle drops users from pages', async () => {
    moodle.setFaults({ dropUsersPerPage: 2 });
    const run = await trigger();

    expect(run.status).toBe('success');
    const pages = moodle.stats().enrolmentPages;
    for (const course of moodle.site.data().courses) {
      const ofCourse = pages.filter((page) => page.courseid === course.id);
      const total = moodle.site.data().enrolments.get(course.id)!.length;
      expect(ofCourse.map((page) => page.limitfrom)).toEqual(Array.from({ length: Math.ceil(total / 7) + 1 }, (_, i) => i * 7));
      expect(ofCourse.at(-1)!.returned).toBe(0);
      expect(ofCourse.slice(0, -1).every((page) => page.returned > 0)).toBe(true);
    }
  });

  it('should fail with kind auth and the Moodle errorcode when the token is invalid', async () => {
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { token: '0123456789abcdef0123456789abcdef' } })
      .expect(200);

    const run = await trigger();

    expect(run).toMatchObject({ status: 'failed', errorKind: 'auth' });
    expect(run.errorMessage).toContain('invalidtoken');
    expect(run.errorMessage).not.toContain('0123456789abcdef0123456789abcdef');
  });

  it('should get a new token from login/token.php and finish when the token expires mid-run', async () => {
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ connection: { token: '', username: moodle.username, password: moodle.password } })
      .expect(200);
    moodle.setFaults({ expireTokensAfterCalls: 15 });

    const run = await trigger();

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(moodle.stats().tokenRequests).toBeGreaterThan(1);
    expect(moodle.stats().invalidTokens).toBeGreaterThan(0);
    expect(await runLog(t, run.id)).toContain('asking login/token.php for a new one');
  });

  it('should fail with kind auth naming the missing functions when the service does not allow them', async () => {
    moodle.setFaults({ withoutFunctions: ['core_course_get_contents', 'core_enrol_get_enrolled_users'] });

    const run = await trigger();

    expect(run).toMatchObject({ status: 'failed', errorKind: 'auth', stage: 'connecting' });
    expect(run.errorMessage).toContain('core_course_get_contents, core_enrol_get_enrolled_users');
  });

  it('should say web services are off when Moodle answers 403 with an empty body', async () => {
    moodle.setFaults({ restDisabled: true });

    const run = await trigger();

    expect(run.status).toBe('failed');
    expect(run.errorMessage).toMatch(/403 with an empty body: web services or the REST protocol are turned off/);
  });

  it('should retry 500s, 429s and cut-off bodies and succeed when the site recovers', async () => {
    moodle.setFaults({ failNext: 1, rateLimitNext: 1, truncateNext: 1, retryAfterSeconds: 0 });

    const run = await trigger();

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(moodle.stats()).toMatchObject({ served500: 1, served429: 1, servedTruncated: 1 });
  });

  const MOODLE_TABLES: [table: string, order: string][] = [
    ['moodle_categories', 'id'],
    ['moodle_courses', 'id'],
    ['moodle_course_contents', 'course_id'],
    ['moodle_users', 'id'],
    ['moodle_enrolments', 'course_id, user_id'],
    ['moodle_classifications', 'run_id'],
  ];
  const storedPicture = async () =>
    Object.fromEntries(await Promise.all(MOODLE_TABLES.map(async ([table, order]) => [table, await query(t, `SELECT * FROM ${table} ORDER BY ${order}`)])));
  // The staging tables are the run's connection's own: gone with it (PostgreSQL drops them when the worker closes it).
  const stagingTables = () =>
    t.dialect === 'postgres'
      ? query(t, `SELECT relname FROM pg_class WHERE relname LIKE '%staged%'`)
      : query(t, `SELECT name FROM sqlite_master WHERE name LIKE '%staged%'`);

  /** Changes of every kind a complete run would write: an update, a deletion, an unenrolment, a renamed user. */
  const changeTheSite = () => {
    const [touched, removed] = moodle.site.data().courses;
    moodle.site.touchCourse(touched.id);
    moodle.site.removeCourse(removed.id);
    const [first] = moodle.site.data().enrolments.get(touched.id)!;
    moodle.site.unenrol(touched.id, first.userid);
    moodle.site.renameUser(moodle.site.data().enrolments.get(moodle.site.data().courses[2].id)![0].userid, { lastname: 'تغییر' });
  };

  it('should leave every stored Moodle table exactly as it was when a run fails after reading half the courses', async () => {
    const first = await trigger();
    expect(first.status).toBe('success');
    const before = await storedPicture();
    // The same site again (generated from the same seed) and fresh call counts for its token.
    moodle.reset();
    changeTheSite();
    // The permanent token dies after 25 calls, halfway through the courses; there is no password to get another.
    moodle.setFaults({ expireTokensAfterCalls: 25 });

    const run = await trigger();

    expect(run).toMatchObject({ status: 'failed', errorKind: 'auth', stage: 'analyzing_content' });
    const read = moodle.stats().contentsCourseIds.length;
    expect(read).toBeGreaterThanOrEqual(3);
    expect(read).toBeLessThan(moodle.site.data().courses.length);
    expect(await storedPicture()).toEqual(before);
    await waitFor(async () => (await stagingTables()).length === 0);

    // Moodle deletes an expired token; the reset brings it back, and the same changes are made again.
    moodle.reset();
    changeTheSite();
    const retry = await trigger();

    expect(retry).toMatchObject({ status: 'success' });
    expect(retry.counts).toMatchObject({ inserted: 0, rejected: 0 });
    expect(retry.counts.updated).toBeGreaterThanOrEqual(3); // the touched course, its analysis, the renamed user
    expect(retry.counts.deleted).toBeGreaterThanOrEqual(3); // the removed course, its analysis, its enrolments, the unenrolment
  });

  it('should leave every stored Moodle table exactly as it was when a run is cancelled while reading courses', async () => {
    await trigger();
    const before = await storedPicture();
    changeTheSite();
    // Slow answers, so the run is surely still reading when it is cancelled.
    moodle.setFaults({ delayMs: 150 });
    const started = (await t.http().post('/api/sources/moodle/runs').send({}).expect(202)).body as SyncRun;
    await waitFor(async () => {
      const current = (await t.http().get(`/api/runs/${started.id}`).expect(200)).body as SyncRun;
      if (['success', 'failed', 'cancelled'].includes(current.status)) throw new Error(`the run is ${current.status} before it could be cancelled`);
      return current.stage === 'analyzing_content' && Number(current.messageParams?.done ?? 0) >= 2;
    });

    await t.http().post(`/api/runs/${started.id}/cancel`).send({}).expect(202);
    const run = await waitForRunEnd(t, started.id);

    expect(run.status).toBe('cancelled');
    expect(await storedPicture()).toEqual(before);
  });
});
