import type { CrmStandIn } from '@hamgam/stand-ins';
import type { CrmConflict, CrmOutboxItem, ServerEvent, SourceStats } from '@hamgam/shared';
import { SyncEventsService } from '../../../src/sync/events/sync-events.service';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { insertStudents, query, runToEnd, startCrmTestBed, updateStudent } from './crm-helpers';

const studentNumber = (i: number) => String(4031110000 + i);

describe('crm push: links through the outbox, in batches, with conflicts', () => {
  let crm: CrmStandIn;
  let t: TestApp;

  afterEach(async () => {
    await t.close();
    await crm.close();
  });

  const link = (contactId: string, number: string | null) => t.http().post('/api/sources/crm/links').send({ contactId, studentNumber: number });
  const stats = async () => (await t.http().get('/api/sources/crm/stats').expect(200)).body as SourceStats;
  const outbox = async () => (await t.http().get('/api/sources/crm/outbox').expect(200)).body as CrmOutboxItem[];
  const conflicts = async (status: string) => (await t.http().get(`/api/sources/crm/conflicts?status=${status}`).expect(200)).body as CrmConflict[];
  const contactIds = () => [...crm.store.live('contacts').keys()];

  describe('with last write wins', () => {
    beforeEach(async () => {
      // The CRM's clock runs a second ahead: an edit made there after our link is newer than it.
      ({ crm, t } = await startCrmTestBed({ contacts: 130, interactions: 10, seed: 2, now: () => Date.now() + 1000 }, { maxRetries: 0 }));
      await runToEnd(t);
    });

    it('should push 120 queued links in batches of at most 50 and pull back the linked student numbers', async () => {
      const ids = contactIds().slice(0, 120);
      insertStudents(
        t,
        ids.map((_, i) => studentNumber(i)),
      );
      for (const [i, id] of ids.entries()) {
        const queued = (await link(id, studentNumber(i)).expect(202)).body as CrmOutboxItem;
        expect(queued).toMatchObject({ recordId: id, status: 'pending', attempts: 0, data: { student_number: studentNumber(i) } });
      }
      expect(await stats()).toMatchObject({ pendingPush: 120, openConflicts: 0 });

      const run = await runToEnd(t);

      expect(run.status).toBe('success');
      expect(crm.stats().pushBatchSizes).toEqual([50, 50, 20]);
      ids.forEach((id, i) => expect(crm.store.get('contacts', id)!.data.student_number).toBe(studentNumber(i)));
      const linked = query<{ id: string; student_number: string }>(t, 'SELECT id, student_number FROM crm_contacts WHERE student_number IS NOT NULL');
      expect(linked).toHaveLength(120);
      expect((await outbox()).every((item) => item.status === 'pushed' && item.attempts === 1)).toBe(true);
      expect(await stats()).toMatchObject({ pendingPush: 0 });
    });

    it('should answer 400 naming the field when the contact or the student is unknown', async () => {
      insertStudents(t, [studentNumber(1)]);
      const unknownContact = await link('no-such-contact', studentNumber(1)).expect(400);
      expect(Object.keys(unknownContact.body.fields)).toEqual(['contactId']);
      const unknownStudent = await link(contactIds()[0], '4039999999').expect(400);
      expect(Object.keys(unknownStudent.body.fields)).toEqual(['studentNumber']);
      expect(await outbox()).toEqual([]);
      await link(contactIds()[0], null).expect(202);
    });

    it('should suggest the students whose national code or mobile matches the contact', async () => {
      const contact = [...crm.store.live('contacts').values()].find((data) => data.national_code && data.mobile)!;
      insertStudents(t, [studentNumber(1), studentNumber(2), studentNumber(3)]);
      updateStudent(t, studentNumber(1), { national_code: String(contact.national_code), first_name: 'سارا', last_name: 'احمدی' });
      updateStudent(t, studentNumber(2), { mobile: String(contact.mobile) });
      updateStudent(t, studentNumber(3), { national_code: '0012345679', mobile: '09350000000' });

      const suggestions = (
        await t
          .http()
          .get(`/api/sources/crm/contacts/${String(contact.id)}/suggestions`)
          .expect(200)
      ).body;

      expect(suggestions).toEqual([
        expect.objectContaining({ studentNumber: studentNumber(1), name: 'سارا احمدی', matchedBy: ['nationalCode'] }),
        expect.objectContaining({ studentNumber: studentNumber(2), matchedBy: ['mobile'] }),
      ]);
      await t.http().get('/api/sources/crm/contacts/no-such-contact/suggestions').expect(404);
    });

    it('should keep the newer side and record the conflict resolved with both versions when the CRM edited the contact after the link', async () => {
      const [id] = contactIds();
      insertStudents(t, [studentNumber(7)]);
      await link(id, studentNumber(7)).expect(202);
      crm.store.editContact(id, { stage: 'alumnus' });

      expect(await runToEnd(t)).toMatchObject({ status: 'success' });

      const [conflict] = await conflicts('resolved');
      expect(conflict).toMatchObject({
        table: 'contacts',
        recordId: id,
        local: { student_number: studentNumber(7) },
        server: { stage: 'alumnus', student_number: null },
        resolution: 'accept_server',
        resolvedBy: 'lww',
      });
      expect(Date.parse(conflict.serverUpdatedAt)).toBeGreaterThan(Date.parse(conflict.localUpdatedAt));
      expect(crm.store.get('contacts', id)!.data.student_number).toBeNull();
      expect(crm.stats().resolveCalls).toBe(1);
      expect(await stats()).toMatchObject({ pendingPush: 0, openConflicts: 0 });
    });

    it('should keep a push the CRM failed queued with its error and attempts across a restart, then push it', async () => {
      const [id] = contactIds();
      insertStudents(t, [studentNumber(3)]);
      await link(id, studentNumber(3)).expect(202);
      crm.setFaults({ failPushNext: 1 });

      expect(await runToEnd(t)).toMatchObject({ status: 'failed', errorKind: 'upstream' });
      expect(await outbox()).toEqual([expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.stringContaining('500') })]);

      const dataDir = t.dataDir;
      await t.close({ keepData: true });
      t = await startTestApp({ dataDir, env: { CRM_BASE_URL: crm.url, CRM_USERNAME: crm.username, CRM_PASSWORD: crm.password } });
      expect(await stats()).toMatchObject({ pendingPush: 1 });

      expect(await runToEnd(t)).toMatchObject({ status: 'success' });
      expect(await outbox()).toEqual([expect.objectContaining({ status: 'pushed', attempts: 2, lastError: null })]);
      expect(crm.store.get('contacts', id)!.data.student_number).toBe(studentNumber(3));
    });
  });

  describe('with ask', () => {
    beforeEach(async () => {
      ({ crm, t } = await startCrmTestBed({ contacts: 20, interactions: 10, seed: 4, now: () => Date.now() + 1000 }, { conflictPolicy: 'ask', maxRetries: 0 }));
      await runToEnd(t);
    });

    it('should hold conflicts open until an admin picks a side either way, and audit each choice', async () => {
      const [kept, dropped] = contactIds();
      insertStudents(t, [studentNumber(1), studentNumber(2)]);
      await link(kept, studentNumber(1)).expect(202);
      await link(dropped, studentNumber(2)).expect(202);
      crm.store.editContact(kept, { owner: 'مشاور تازه' });
      crm.store.editContact(dropped, { owner: 'مشاور تازه' });

      await runToEnd(t);

      const open = await conflicts('open');
      expect(open.map((c) => c.recordId).sort()).toEqual([kept, dropped].sort());
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
      insertStudents(t, [studentNumber(1)]);

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
