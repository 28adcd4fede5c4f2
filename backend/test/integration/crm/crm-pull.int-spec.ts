import type { CrmStandIn } from '@hamgam/stand-ins';
import type { RecordPage, Source, SourceStats } from '@hamgam/shared';
import type { TestApp } from '../helpers/test-app';
import { localLive, query, runToEnd, serverTimes, startCrmTestBed, upstreamLive, watermark } from './crm-helpers';

type ContactRow = { id: string; full_name: string; server_updated_at: string; sync_version: number; deleted_at: string | null };

describe('crm pull against the stand-in CRM', () => {
  let crm: CrmStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ crm, t } = await startCrmTestBed({ contacts: 30, interactions: 70, seed: 5 }));
  });

  afterEach(async () => {
    await t.close();
    await crm.close();
  });

  const contact = async (id: string) =>
    (await query<ContactRow>(t, 'SELECT id, full_name, server_updated_at, sync_version, deleted_at FROM crm_contacts WHERE id = ?', id))[0];
  const notFirstVersion = async () =>
    Number((await query<{ n: number }>(t, 'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM crm_contacts WHERE sync_version <> 1'))[0].n);
  const newestUpstream = () => new Date(Math.max(...crm.store.list().map((r) => r.updatedAt))).toISOString();

  it('should store every record with its server time, version 1 and the watermark when a first run reads the feed', async () => {
    const run = await runToEnd(t);

    expect(run).toMatchObject({
      status: 'success',
      mode: 'recent',
      counts: { fetched: 100, inserted: 100, updated: 0, unchanged: 0, deleted: 0, rejected: 0 },
    });
    expect(await localLive(t)).toEqual(upstreamLive(crm));
    const times = await serverTimes(t, crm);
    expect(times.local).toEqual(times.upstream);
    expect(await notFirstVersion()).toBe(0);
    expect(await watermark(t)).toBe(newestUpstream());
    // 100 changes in pages of 25: four pages, one login.
    expect(crm.stats()).toMatchObject({ logins: 1, pullCalls: 4, pulledChanges: 100 });
  });

  it('should count a change the feed sends again on the next page once when pages overlap', async () => {
    crm.setFaults({ repeatPerPage: 3 });

    const run = await runToEnd(t);

    expect(crm.stats().pulledChanges).toBeGreaterThan(100);
    expect(run.counts).toEqual({ fetched: 100, inserted: 100, updated: 0, unchanged: 0, deleted: 0, rejected: 0 });
    expect(await notFirstVersion()).toBe(0);
    expect(await localLive(t)).toEqual(upstreamLive(crm));
  });

  it('should read only the changes after the watermark, keep a deleted record with its time, and revive it when it changes again', async () => {
    await runToEnd(t);
    const [first, second] = [...crm.store.live('contacts').keys()];
    const [interaction] = [...crm.store.live('interactions').keys()];
    crm.store.editContact(first, { full_name: 'نگار کاظمی' });
    const removed = crm.store.remove('contacts', second);
    crm.store.remove('interactions', interaction);
    const pulledBefore = crm.stats().pulledChanges;

    const incremental = await runToEnd(t);

    // The watermark's own instant is read again (several changes may share it): that one comes back unchanged.
    expect(incremental.counts).toEqual({ fetched: 4, inserted: 0, updated: 1, unchanged: 1, deleted: 2, rejected: 0 });
    expect(crm.stats().pulledChanges - pulledBefore).toBe(4);
    expect(await contact(first)).toMatchObject({ full_name: 'نگار کاظمی', sync_version: 2, deleted_at: null });
    expect(await contact(second)).toMatchObject({ deleted_at: new Date(removed.updatedAt).toISOString(), sync_version: 2 });
    expect(await localLive(t)).toEqual(upstreamLive(crm));

    crm.store.revive('contacts', second, { stage: 'alumnus' });
    const revival = await runToEnd(t);

    expect(revival.counts).toMatchObject({ updated: 1, deleted: 0 });
    expect(await contact(second)).toMatchObject({ deleted_at: null, sync_version: 3 });
    expect(await localLive(t)).toEqual(upstreamLive(crm));
    const found = (
      await t
        .http()
        .get(`/api/sources/crm/records?table=contacts&q=${second.slice(0, 8)}`)
        .expect(200)
    ).body as RecordPage;
    expect(found.items.map((item) => [item.key, item.fields.stage])).toEqual([[second, 'alumnus']]);
  });

  it('should search contacts by name, mobile, national code, stage, owner, linked student number and CRM id, and show interactions with their contact', async () => {
    const [withCode] = [...crm.store.live('contacts').values()].filter((data) => data.national_code && data.mobile);
    crm.store.editContact(String(withCode.id), { owner: 'مشاور جستجو', student_number: '4031239876' });
    await runToEnd(t);

    for (const q of [withCode.national_code, withCode.mobile, String(withCode.full_name), String(withCode.stage), 'مشاور جستجو', '4031239876', withCode.id]) {
      const page = (await t.http().get('/api/sources/crm/records').query({ table: 'contacts', q }).expect(200)).body as RecordPage;
      expect(page.items.map((item) => item.key)).toContain(withCode.id);
    }
    const interactions = (await t.http().get('/api/sources/crm/records?table=interactions&pageSize=100').expect(200)).body as RecordPage;
    expect(interactions).toMatchObject({ total: 70, columns: ['kind', 'occurredAt', 'contact', 'serverUpdatedAt'] });
    const one = [...crm.store.live('interactions').values()][0];
    const shown = interactions.items.find((item) => item.key === one.id)!;
    expect(shown.fields.contact).toBe(crm.store.get('contacts', String(one.contact_id))!.data.full_name);
  });

  it("should give the CRM's counts beside ours in the stats and test the connection with login and stats", async () => {
    await runToEnd(t);
    const [gone] = [...crm.store.live('contacts').keys()];
    crm.store.remove('contacts', gone);

    const stats = (await t.http().get('/api/sources/crm/stats').expect(200)).body as SourceStats;
    expect(stats.tables).toEqual([
      { table: 'contacts', live: 30, deleted: 0, upstream: 29 },
      { table: 'interactions', live: 70, deleted: 0, upstream: 70 },
    ]);

    const test = (await t.http().post('/api/sources/crm/test-connection').send({}).expect(200)).body;
    expect(test).toMatchObject({ isOk: true, errorKind: null });
    const refused = (
      await t
        .http()
        .post('/api/sources/crm/test-connection')
        .send({ connection: { password: 'wrong-password' } })
        .expect(200)
    ).body;
    expect(refused).toMatchObject({ isOk: false, errorKind: 'auth' });
    expect(JSON.stringify(refused)).not.toContain(crm.password);
  });

  it('should seed the connector from CRM_* and take a new connection through PATCH /api/sources/crm, the password never shown', async () => {
    const source = (await t.http().get('/api/sources/crm').expect(200)).body as Source;
    expect(source).toMatchObject({ id: 'crm', kind: 'connector', modes: ['recent', 'full'], connection: { baseUrl: crm.url, username: crm.username } });
    // The defaults beside what the test bed stored: last write wins, a week of outbox history.
    expect(source.options).toMatchObject({ conflictPolicy: 'lww', outboxRetentionDays: 7, pageSize: 25, maxRetries: 4, requestTimeoutMs: 3000 });
    expect(JSON.stringify(source)).not.toContain(crm.password);

    await t
      .http()
      .patch('/api/sources/crm')
      .send({ connection: { password: 'not-the-password' } })
      .expect(200);
    expect(await runToEnd(t)).toMatchObject({ status: 'failed', errorKind: 'auth' });
    await t
      .http()
      .patch('/api/sources/crm')
      .send({ connection: { password: crm.password } })
      .expect(200);
    expect(await runToEnd(t)).toMatchObject({ status: 'success', mode: 'recent' });
  });

  it('should log in again and go on when the token expires in the middle of a run', async () => {
    crm.setFaults({ expireTokensAfterCalls: 2 });

    const run = await runToEnd(t);

    expect(run).toMatchObject({ status: 'success', counts: { fetched: 100, inserted: 100 } });
    expect(crm.stats().logins).toBe(2);
    expect(await localLive(t)).toEqual(upstreamLive(crm));
  });

  it('should read everything again after an admin resets the watermark, and audit the reset', async () => {
    await runToEnd(t);
    expect((await t.http().get('/api/sources/crm/watermark').expect(200)).body).toMatchObject({ serverUpdatedAt: newestUpstream() });
    const auditor = await t.as('auditor');
    await auditor().post('/api/sources/crm/watermark/reset').send({}).expect(403);

    expect((await t.http().post('/api/sources/crm/watermark/reset').send({}).expect(200)).body).toMatchObject({ serverUpdatedAt: null });
    const audit = (await t.http().get('/api/audit?action=request').expect(200)).body as {
      items: { target: string; actor: string; details: { before: string } }[];
    };
    expect(audit.items.find((entry) => entry.target === 'crm:watermark:reset')).toMatchObject({ actor: 'admin', details: { before: newestUpstream() } });

    const again = await runToEnd(t);
    expect(again.counts).toEqual({ fetched: 100, inserted: 0, updated: 0, unchanged: 100, deleted: 0, rejected: 0 });
    expect(crm.stats().pullSince.at(-4)).toBe('1970-01-01T00:00:00.000Z');
    expect(await watermark(t)).toBe(newestUpstream());
  });
});
