import type { MoodleStandIn } from '@hamgam/stand-ins';
import type { HeldDeletion, Page, SyncRun } from '@hamgam/shared';
import { waitForRunEnd, type TestApp } from '../helpers/test-app';
import { query, startMoodleTestBed } from './moodle-helpers';

type Counted = { n: number };

describe('moodle: dry runs and the deletion guard against the stand-in Moodle', () => {
  let moodle: MoodleStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ moodle, t } = await startMoodleTestBed({ courses: 9, users: 40, seed: 4 }));
    await runOf({});
  });

  afterEach(async () => {
    await t.close();
    await moodle.close();
  });

  async function runOf(body: Record<string, unknown>): Promise<SyncRun> {
    return waitForRunEnd(t, ((await t.http().post('/api/sources/moodle/runs').send(body).expect(202)).body as SyncRun).id);
  }
  const snapshot = () =>
    Promise.all(
      ['moodle_courses', 'moodle_course_contents', 'moodle_users', 'moodle_enrolments', 'moodle_categories'].map((table) =>
        query(t, `SELECT * FROM ${table} ORDER BY 1, 2`),
      ),
    );

  it('should switch nothing live in a dry run and count exactly what the real full run that follows does', async () => {
    const [changed, gone] = moodle.site.data().courses;
    moodle.site.touchCourse(changed.id);
    moodle.site.removeCourse(gone.id);
    const before = await snapshot();

    const dry = await runOf({ dryRun: true });

    expect(dry).toMatchObject({ status: 'success', dryRun: true });
    expect(await snapshot()).toEqual(before);
    const real = await runOf({});
    expect(dry.counts).toEqual(real.counts);
    expect(real.counts.deleted).toBeGreaterThan(0);
  });

  it('should hold a full run that would delete a third of the courses and delete them on approval', async () => {
    const gone = moodle.site.data().courses.slice(0, 3);
    for (const course of gone) moodle.site.removeCourse(course.id);

    const held = await runOf({});

    expect(held).toMatchObject({ status: 'awaiting_approval', counts: { deleted: 0 } });
    expect((await query<Counted>(t, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM moodle_courses WHERE deleted_at IS NOT NULL'))[0].n).toBe(0);
    const listed = (
      await t
        .http()
        .get(`/api/runs/${held.id}/held-deletions?q=${encodeURIComponent(gone[0].shortname)}`)
        .expect(200)
    ).body as Page<HeldDeletion>;
    expect(listed.items.map((item) => [item.table, item.key])).toContainEqual(['courses', String(gone[0].id)]);

    const approved = (await t.http().post(`/api/runs/${held.id}/approve-deletions`).send({}).expect(200)).body as SyncRun;

    expect(approved).toMatchObject({ status: 'success', counts: { deleted: held.heldDeletions } });
    const deleted = (await query<{ id: number }>(t, 'SELECT id FROM moodle_courses WHERE deleted_at IS NOT NULL ORDER BY id')).map((row) => row.id);
    expect(deleted).toEqual(gone.map((course) => course.id).sort((a, b) => a - b));
  });
});
