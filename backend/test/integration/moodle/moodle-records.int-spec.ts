import type { MoodleStandIn } from '@hamgam/stand-ins';
import type { RecordPage, Source, SourceStats, SyncRun } from '@hamgam/shared';
import { waitForRunEnd, type TestApp } from '../helpers/test-app';
import { expectedSite, query, startMoodleTestBed } from './moodle-helpers';

const toArabicForms = (text: string) => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');

describe('moodle record tables and counts over the API, after real runs against the stand-in Moodle', () => {
  let moodle: MoodleStandIn;
  let t: TestApp;
  let expected: ReturnType<typeof expectedSite>;
  let removedCourseId: number;

  beforeAll(async () => {
    ({ moodle, t } = await startMoodleTestBed({ courses: 9, users: 40, seed: 7 }));
    const run = async () => waitForRunEnd(t, ((await t.http().post('/api/sources/moodle/runs').send({}).expect(202)).body as SyncRun).id);
    expect(await run()).toMatchObject({ status: 'success' });
    removedCourseId = moodle.site.data().courses[0].id;
    moodle.site.removeCourse(removedCourseId);
    expected = expectedSite(moodle.site.data());
    expect(await run()).toMatchObject({ status: 'success' });
  });

  afterAll(async () => {
    await t.close();
    await moodle.close();
  });

  const browse = async (query: Record<string, string | number> = {}) =>
    (await t.http().get('/api/sources/moodle/records').query(query).expect(200)).body as RecordPage;

  it('should list the three tables with their columns, courses first, when the source is read', async () => {
    const source = (await t.http().get('/api/sources/moodle').expect(200)).body as Source;

    expect(source.recordTables.map((table) => table.id)).toEqual(['courses', 'users', 'categories']);
    expect(source.recordTables[0].columns).toEqual(['shortName', 'category', 'term', 'classification', 'activities', 'enrolledUsers']);
    expect(source.hasRecords).toBe(true);
  });

  it('should answer courses with category, term, classification, activities and enrolled users when no table is named', async () => {
    const page = await browse({ pageSize: 100 });

    expect(page).toMatchObject({ table: 'courses', total: expected.courses + 1 });
    const site = moodle.site.data();
    for (const course of site.courses) {
      const item = page.items.find((candidate) => candidate.key === String(course.id))!;
      expect(item).toMatchObject({ name: course.fullname, deletedAt: null });
      expect(item.fields).toMatchObject({
        shortName: course.shortname,
        category: site.categories.find((category) => category.id === course.categoryid)!.name,
        term: site.expectedTerms.get(course.id) ?? null,
        classification: expected.levels.get(course.id),
        enrolledUsers: String(site.enrolments.get(course.id)?.length ?? 0),
      });
      expect(Number(item.fields.activities)).toBeGreaterThanOrEqual(0);
    }
    expect(page.items.find((item) => item.key === String(removedCourseId))!.deletedAt).not.toBeNull();
  });

  it('should find a course by its short name and by its full name typed with Arabic yeh and kaf when searching courses', async () => {
    const course = moodle.site.data().courses.find((candidate) => /[یک]/.test(candidate.fullname)) ?? moodle.site.data().courses[1];

    const byShort = await browse({ table: 'courses', q: course.shortname });
    const byFull = await browse({ table: 'courses', q: toArabicForms(course.fullname) });

    expect(byShort.items.map((item) => item.key)).toContain(String(course.id));
    expect(byFull.items.map((item) => item.key)).toEqual([String(course.id)]);
    expect((await browse({ table: 'courses', q: 'no-such-course-xyz' })).total).toBe(0);
  });

  it('should page through users and categories when those tables are named', async () => {
    const users = await browse({ table: 'users', pageSize: 5 });
    const categories = await browse({ table: 'categories', pageSize: 100 });

    expect(users).toMatchObject({ table: 'users', pageSize: 5, columns: ['username', 'idnumber', 'email', 'match', 'matchedKey', 'courses', 'roles'] });
    expect(users.items).toHaveLength(5);
    expect(categories).toMatchObject({ table: 'categories', total: expected.categories });
    const site = moodle.site.data();
    const child = site.categories.find((category) => category.parent !== 0)!;
    const item = categories.items.find((candidate) => candidate.key === String(child.id))!;
    expect(item).toMatchObject({ name: child.name });
    expect(item.fields.parent).toBe(site.categories.find((category) => category.id === child.parent)!.name);
    expect(item.fields.courses).toBe(String(site.courses.filter((course) => course.categoryid === child.id).length));
  });

  it('should answer 400 naming the table field when the table is unknown', async () => {
    const response = await t.http().get('/api/sources/moodle/records?table=grades').expect(400);

    expect((response.body as { fields: Record<string, string[]> }).fields).toEqual({ table: ['table must be one of: courses, users, categories'] });
  });

  it('should count live and soft-deleted rows per table for admins and auditors when the stats are read', async () => {
    const [users] = await query<{ live: number; deleted: number }>(
      t,
      'SELECT CAST(COUNT(*) - COUNT(deleted_at) AS INTEGER) AS live, CAST(COUNT(deleted_at) AS INTEGER) AS deleted FROM moodle_users',
    );
    const auditor = await t.as('auditor');

    const stats = (await auditor().get('/api/sources/moodle/stats').expect(200)).body as SourceStats;

    expect(stats).toEqual({
      tables: [
        { table: 'courses', live: expected.courses, deleted: 1, upstream: null },
        { table: 'users', live: users.live, deleted: users.deleted, upstream: null },
        { table: 'categories', live: expected.categories, deleted: 0, upstream: null },
      ],
      pendingPush: 0,
      openConflicts: 0,
    });
    expect(users.live).toBe(expected.users);
    expect((await t.http().get('/api/sources/students/stats').expect(200)).body).toEqual({
      tables: [{ table: 'students', live: 0, deleted: 0, upstream: null }],
      pendingPush: 0,
      openConflicts: 0,
    });
    await t.http().get('/api/sources/nope/stats').expect(404);
    await t.anonymous().get('/api/sources/moodle/stats').expect(401);
  });
});
