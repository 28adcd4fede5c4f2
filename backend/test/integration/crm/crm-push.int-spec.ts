import type { CrmStandIn } from '@hamgam/stand-ins';
import type { CrmConflict, CrmOutboxItem, RunLog, SourceStats } from '@hamgam/shared';
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
      await insertStudents(
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
      const linked = await query<{ id: string; student_number: string }>(t, 'SELECT id, student_number FROM crm_contacts WHERE student_number IS NOT NULL');
      expect(linked).toHaveLength(120);
      expect((await outbox()).every((item) => item.status === 'pushed' && item.attempts === 1)).toBe(true);
      expect(await stats()).toMatchObject({ pendingPush: 0 });
    });

    it('should answer 400 naming the field when the contact or the student is unknown', async () => {
      await insertStudents(t, [studentNumber(1)]);
      const unknownContact = await link('no-such-contact', studentNumber(1)).expect(400);
      expect(Object.keys(unknownContact.body.fields)).toEqual(['contactId']);
      const unknownStudent = await link(contactIds()[0], '4039999999').expect(400);
      expect(Object.keys(unknownStudent.body.fields)).toEqual(['studentNumber']);
      expect(await outbox()).toEqual([]);
      await link(contactIds()[0], null).expect(202);
    });

    it('should suggest the students whose national code or mobile matches the contact', async () => {
      const contact = [...crm.store.live('contacts').values()].find((data) => data.national_code && data.mobile)!;
      await insertStudents(t, [studentNumber(1), studentNumber(2), studentNumber(3)]);
      await updateStudent(t, studentNumber(1), { national_code: String(contact.national_code), first_name: 'سارا', last_name: 'احمدی' });
      await updateStudent(t, studentNumber(2), { mobile: String(contact.mobile) });
      await updateStudent(t, studentNumber(3), { national_code: '0012345679', mobile: '09350000000' });

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
      await insertStudents(t, [studentNumber(7)]);
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

    it('should clean pushed changes from the outbox after the retention days (7 by default, a setting), never what still waits', async () => {
      const [old, recent, waiting] = contactIds();
      await insertStudents(t, [studentNumber(1), studentNumber(2), studentNumber(3)]);
      const ids = [(await link(old, studentNumber(1)).expect(202)).body, (await link(recent, studentNumber(2)).expect(202)).body].map(
        (item: CrmOutboxItem) => item.id,
      );
      await runToEnd(t);
      const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
      await t.sql.run('UPDATE crm_outbox SET pushed_at = ? WHERE id = ?', [daysAgo(8), Number(ids[0])]);
      await t.sql.run('UPDATE crm_outbox SET pushed_at = ? WHERE id = ?', [daysAgo(6), Number(ids[1])]);
      // The CRM refuses this one: it stays queued, however old.
      await link(waiting, studentNumber(3)).expect(202);
      crm.setFaults({ failPushNext: 1 });

      const cleaning = await runToEnd(t);
      expect((await outbox()).map((item) => item.recordId).sort()).toEqual([recent, waiting].sort());
      const log = (await t.http().get(`/api/runs/${cleaning.id}/log`).expect(200)).body as RunLog;
      expect(log.lines.map((line) => line.message)).toContain('1 pushed changes older than 7 days left the outbox');

      await t
        .http()
        .patch('/api/sources/crm')
        .send({ options: { outboxRetentionDays: 5 } })
        .expect(200);
      crm.setFaults({ failPushNext: 1 });
      await runToEnd(t);
      expect((await outbox()).map((item) => [item.recordId, item.status])).toEqual([[waiting, 'pending']]);
    });

    it('should keep a push the CRM failed queued with its error and attempts across a restart, then push it', async () => {
      const [id] = contactIds();
      await insertStudents(t, [studentNumber(3)]);
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

  describe('with the CRM clock in step with ours', () => {
    beforeEach(async () => {
      // No clock skew here: a change made here after the CRM stored our previous one is newer than it, as in life.
      ({ crm, t } = await startCrmTestBed({ contacts: 20, interactions: 10, seed: 5 }, { maxRetries: 0 }));
      await runToEnd(t);
    });

    it('should unlink a contact with studentNumber null: queued, pushed, and the contact read back without a student', async () => {
      const [id] = contactIds();
      await insertStudents(t, [studentNumber(5)]);
      await link(id, studentNumber(5)).expect(202);
      await runToEnd(t);
      expect((await query<{ student_number: string | null }>(t, 'SELECT student_number FROM crm_contacts WHERE id = ?', id))[0].student_number).toBe(
        studentNumber(5),
      );

      const unlinked = (await link(id, null).expect(202)).body as CrmOutboxItem;
      expect(unlinked).toMatchObject({ recordId: id, status: 'pending', data: { student_number: null } });
      expect(await runToEnd(t)).toMatchObject({ status: 'success' });

      expect(crm.store.get('contacts', id)!.data.student_number).toBeNull();
      expect((await query<{ student_number: string | null }>(t, 'SELECT student_number FROM crm_contacts WHERE id = ?', id))[0].student_number).toBeNull();
      expect((await outbox()).find((item) => item.id === unlinked.id)).toMatchObject({ status: 'pushed', attempts: 1 });
      const audit = (await t.http().get('/api/audit?action=request').expect(200)).body as { items: { target: string; details: Record<string, unknown> }[] };
      expect(audit.items.filter((entry) => entry.target === 'crm:link').map((entry) => entry.details.studentNumber)).toEqual([null, studentNumber(5)]);
    });
  });
});
