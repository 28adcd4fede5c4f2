import type { CrmStandIn } from '@hamgam/stand-ins';
import type { CrmConflict, ServerEvent, SourceStats } from '@hamgam/shared';
import { SyncEventsService } from '../../../src/sync/events/sync-events.service';
import type { TestApp } from '../helpers/test-app';
import { insertStudents, runToEnd, startCrmTestBed } from './crm-helpers';

const studentNumber = (i: number) => String(4031110000 + i);

describe('crm conflicts held for an admin (conflictPolicy ask)', () => {
  let crm: CrmStandIn;
  let t: TestApp;

  afterEach(async () => {
    await t.close();
    await crm.close();
  });

  const link = (contactId: string, number: string | null) => t.http().post('/api/sources/crm/links').send({ contactId, studentNumber: number });
  const stats = async () => (await t.http().get('/api/sources/crm/stats').expect(200)).body as SourceStats;
  const conflicts = async (status: string) => (await t.http().get(`/api/sources/crm/conflicts?status=${status}`).expect(200)).body as CrmConflict[];
  const contactIds = () => [...crm.store.live('contacts').keys()];

  describe('with ask', () => {
    beforeEach(async () => {
      ({ crm, t } = await startCrmTestBed({ contacts: 20, interactions: 10, seed: 4, now: () => Date.now() + 1000 }, { conflictPolicy: 'ask', maxRetries: 0 }));
      await runToEnd(t);
    });

    it('should hold conflicts open until an admin picks a side either way, and audit each choice', async () => {
      const [kept, dropped] = contactIds();
      await insertStudents(t, [studentNumber(1), studentNumber(2)]);
      await link(kept, studentNumber(1)).expect(202);
      await link(dropped, studentNumber(2)).expect(202);
      crm.store.editContact(kept, { owner: 'مشاور تازه' });
      crm.store.editContact(dropped, { owner: 'مشاور تازه' });

      await runToEnd(t);

      const open = await conflicts('open');
      expect(open.map((c) => c.recordId).sort()).toEqual([kept, dropped].sort());
      expect(open[0]).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          table: 'contacts',
          local: { student_number: expect.any(String) },
          server: expect.objectContaining({ owner: 'مشاور تازه', student_number: null }),
          localUpdatedAt: expect.any(String),
          serverUpdatedAt: expect.any(String),
          status: 'open',
        }),
      );
      expect(await conflicts('resolved')).toEqual([]);
      const badStatus = await t.http().get('/api/sources/crm/conflicts?status=closed').expect(400);
      expect(Object.keys(badStatus.body.fields)).toEqual(['status']);
      expect(await stats()).toMatchObject({ openConflicts: 2 });
      expect(crm.store.get('contacts', kept)!.data.student_number).toBeNull();

      const byRecord = new Map(open.map((c) => [c.recordId, c.id]));
      await t
        .http()
        .post(`/api/sources/crm/conflicts/${byRecord.get(kept)}/resolve`)
        .send({ resolution: 'accept_client', reason: 'checked by phone' })
        .expect(200);
      await t
        .http()
        .post(`/api/sources/crm/conflicts/${byRecord.get(dropped)}/resolve`)
        .send({ resolution: 'accept_server' })
        .expect(200);
      await t
        .http()
        .post(`/api/sources/crm/conflicts/${byRecord.get(dropped)}/resolve`)
        .send({ resolution: 'accept_client' })
        .expect(409);
      await t
        .http()
        .post(`/api/sources/crm/conflicts/${byRecord.get(kept)}/resolve`)
        .send({ resolution: 'mine' })
        .expect(400);

      expect(crm.store.get('contacts', kept)!.data).toMatchObject({ student_number: studentNumber(1), owner: 'مشاور تازه' });
      expect(crm.store.get('contacts', dropped)!.data.student_number).toBeNull();
      expect(await conflicts('open')).toEqual([]);
      expect((await conflicts('resolved')).map((c) => [c.recordId, c.resolution, c.resolvedBy, c.reason]).sort()).toEqual(
        [
          [kept, 'accept_client', 'admin', 'checked by phone'],
          [dropped, 'accept_server', 'admin', null],
        ].sort(),
      );
      const audit = (await t.http().get('/api/audit?action=request').expect(200)).body as { items: { target: string; details: Record<string, unknown> }[] };
      expect(
        audit.items
          .filter((entry) => entry.target.startsWith('crm:conflict:'))
          .map((entry) => entry.details.resolution)
          .sort(),
      ).toEqual(['accept_client', 'accept_server']);
    });

    it('should tell open pages which CRM data changed when a link is queued, a run opens conflicts and an admin resolves one', async () => {
      const events: ServerEvent[] = [];
      const subscription = t.app
        .get(SyncEventsService)
        .stream()
        .subscribe((event) => events.push(event));
      const dataChanges = () => events.filter((event) => event.type === 'source.data-changed');
      const [id] = contactIds();
      await insertStudents(t, [studentNumber(1)]);

      await link(id, studentNumber(1)).expect(202);
      expect(dataChanges()).toEqual([{ type: 'source.data-changed', sourceId: 'crm', parts: ['outbox'] }]);

      crm.store.editContact(id, { owner: 'مشاور تازه' });
      events.length = 0;
      const run = await runToEnd(t);
      // The push opened the conflict before the pull: open pages hear it while the run goes on, before its end.
      const finishedAt = events.findIndex((event) => event.type === 'run.finished');
      const opened = events.findIndex((event) => event.type === 'source.data-changed' && event.parts.includes('conflicts'));
      expect(opened).toBeGreaterThanOrEqual(0);
      expect(opened).toBeLessThan(finishedAt);
      expect(dataChanges().every((event) => event.type === 'source.data-changed' && event.sourceId === 'crm')).toBe(true);
      expect(run.status).toBe('success');

      events.length = 0;
      await runToEnd(t);
      expect(dataChanges()).toEqual([]);

      const [conflict] = await conflicts('open');
      await t.http().post(`/api/sources/crm/conflicts/${conflict.id}/resolve`).send({ resolution: 'accept_server' }).expect(200);
      expect(dataChanges()).toEqual([{ type: 'source.data-changed', sourceId: 'crm', parts: ['conflicts', 'outbox'] }]);
      subscription.unsubscribe();
    });
  });
});
