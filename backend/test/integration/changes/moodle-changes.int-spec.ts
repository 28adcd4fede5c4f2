import type { MoodleStandIn } from '@hamgam/stand-ins';
import type { RunChangePage, SyncRun } from '@hamgam/shared';
import { waitForRunEnd, type TestApp } from '../helpers/test-app';
import { query, startMoodleTestBed } from '../moodle/moodle-helpers';

describe('the change log of Moodle runs', () => {
  let moodle: MoodleStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ moodle, t } = await startMoodleTestBed({ courses: 6, users: 20, seed: 4 }));
  });

  afterEach(async () => {
    await t.close();
    await moodle.close();
  });

  const trigger = async (): Promise<SyncRun> => {
    const response = await t.http().post('/api/sources/moodle/runs').send({}).expect(202);
    return waitForRunEnd(t, (response.body as SyncRun).id);
  };
  const changes = async (runId: string) => (await t.http().get(`/api/runs/${runId}/changes?pageSize=200`).expect(200)).body as RunChangePage;

  it('should log every stored course, user and category as inserted, then a removed course as deleted, from the commit', async () => {
    const first = await trigger();
    const inserted = await changes(first.id);
    const stored = async (table: string) => (await query<{ id: number }>(t, `SELECT id FROM ${table} ORDER BY id`)).map((row) => String(row.id));

    expect(first.status).toBe('success');
    expect(inserted.totals).toMatchObject({ updated: 0, deleted: 0 });
    for (const [table, live] of [
      ['courses', 'moodle_courses'],
      ['users', 'moodle_users'],
      ['categories', 'moodle_categories'],
    ] as const) {
      expect(
        inserted.items
          .filter((change) => change.table === table)
          .map((change) => change.key)
          .sort(),
      ).toEqual((await stored(live)).sort());
    }

    // One course of six, with its contents and enrolments, passes the default deletion guard (10 %): off here, so
    // the run deletes and logs it (held deletions are the guard's own tests).
    await t
      .http()
      .patch('/api/sources/moodle')
      .send({ deletionGuard: { maxPercent: null, maxCount: null } })
      .expect(200);
    const gone = moodle.site.data().courses[1];
    moodle.site.removeCourse(gone.id);
    const second = await trigger();
    const removed = await changes(second.id);

    expect(removed.items.filter((change) => change.kind === 'deleted' && change.table === 'courses').map((change) => change.key)).toEqual([String(gone.id)]);
    expect(removed.totals.inserted).toBe(0);
  });
});
