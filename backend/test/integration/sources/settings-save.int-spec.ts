import type { ServerEvent } from '@hamgam/shared';
import { SyncEventsService } from '../../../src/sync/events/sync-events.service';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('saving a source', () => {
  let t: TestApp;
  let events: ServerEvent[];

  beforeAll(async () => {
    t = await startTestApp();
    events = [];
    t.app
      .get(SyncEventsService)
      .stream()
      .subscribe((event) => events.push(event));
  });

  afterAll(() => t.close());

  it('should announce the saved source once, equal to the answer, when a PATCH changes options and the schedule', async () => {
    const answer = await t
      .http()
      .patch('/api/sources/moodle')
      .send({ options: { concurrency: 6 }, autoSync: { enabled: true, every: 2, unit: 'hours' } })
      .expect(200);

    const updates = events.filter((event) => event.type === 'source.updated');
    expect(updates).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(updates[0]))).toEqual({ type: 'source.updated', source: answer.body });
    expect(answer.body.options.concurrency).toBe(6);
    expect(answer.body.autoSync.nextRunAt).toEqual(expect.any(String));
  });

  it('should store nothing and announce nothing when one field of the PATCH is refused', async () => {
    events.length = 0;
    const refused = await t
      .http()
      .patch('/api/sources/moodle')
      .send({ enabled: false, options: { concurrency: 99 }, connection: { colour: 'red' } })
      .expect(400);

    expect(Object.keys(refused.body.fields).sort()).toEqual(['connection.colour', 'options.concurrency']);
    expect(events).toEqual([]);
    expect((await t.http().get('/api/sources/moodle').expect(200)).body.enabled).toBe(true);
  });
});
