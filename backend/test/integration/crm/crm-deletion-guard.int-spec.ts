import type { CrmStandIn } from '@hamgam/stand-ins';
import type { CrmOutboxItem, SyncRun } from '@hamgam/shared';
import { waitForRunEnd, type TestApp } from '../helpers/test-app';
import { insertStudents, localLive, query, runToEnd, startCrmTestBed, upstreamLive, watermark } from './crm-helpers';

type Row = { id: string; full_name: string | null; deleted_at: string | null; last_seen_run_id: string | null; sync_version: number };

describe('crm: dry runs and the deletion guard against the stand-in CRM', () => {
  let crm: CrmStandIn;
  let t: TestApp;

  beforeEach(async () => {
    ({ crm, t } = await startCrmTestBed({ contacts: 40, interactions: 60, seed: 4 }));
    await runToEnd(t);
  });

  afterEach(async () => {
    await t.close();
    await crm.close();
  });

  const rows = () => query<Row>(t, 'SELECT id, full_name, deleted_at, last_seen_run_id, sync_version FROM crm_contacts ORDER BY id');
  const runOf = async (body: Record<string, unknown>) =>
    waitForRunEnd(t, ((await t.http().post('/api/sources/crm/runs').send(body).expect(202)).body as SyncRun).id);

  it('should store nothing, keep the watermark and count like the real full run that follows when the run is dry', async () => {
    const [first, second] = [...crm.store.live('contacts').keys()];
    crm.store.editContact(first, { full_name: 'نگار کاظمی' });
    crm.store.purge('contacts', second);
    const before = { rows: await rows(), watermark: await watermark(t) };

    const dry = await runOf({ mode: 'full', dryRun: true });

    expect(dry).toMatchObject({ status: 'success', dryRun: true });
    expect({ rows: await rows(), watermark: await watermark(t) }).toEqual(before);
    const real = await runOf({ mode: 'full' });
    expect(dry.counts).toEqual(real.counts);
    expect(real.counts).toMatchObject({ updated: 1, deleted: 1 });
  });

  it('should not push the outbox and say so in its log when the run is dry', async () => {
    const [first] = [...crm.store.live('contacts').keys()];
    await insertStudents(t, ['4031230001']);
    await t.http().post('/api/sources/crm/links').send({ contactId: first, studentNumber: '4031230001' }).expect(202);
    const pushes = crm.stats().pushCalls;

    const dry = await runOf({ dryRun: true });

    expect(dry).toMatchObject({ status: 'success', dryRun: true });
    expect(crm.stats().pushCalls).toBe(pushes);
    const outbox = (await t.http().get('/api/sources/crm/outbox').expect(200)).body as CrmOutboxItem[];
    expect(outbox.map((item) => item.status)).toEqual(['pending']);
    const log = (await t.http().get(`/api/runs/${dry.id}/log`).expect(200)).body as { lines: { message: string }[] };
    expect(log.lines.some((line) => line.message.includes('the outbox was not pushed'))).toBe(true);
  });

  it('should hold a full run that would remove 20 % and on approval delete exactly the records not seen since', async () => {
    const purged = [...crm.store.live('contacts').keys()].slice(0, 20);
    for (const id of purged) crm.store.purge('contacts', id);

    const held = await runOf({ mode: 'full' });

    expect(held).toMatchObject({ status: 'awaiting_approval', heldDeletions: 20, counts: { deleted: 0 } });
    expect((await rows()).filter((row) => row.deleted_at !== null)).toEqual([]);
    // A later run saw one of them again (as a recent run that read a change of it would).
    await t.sql.run(`UPDATE crm_contacts SET last_seen_run_id = '999' WHERE id = ?`, [purged[0]]);

    const approved = (await t.http().post(`/api/runs/${held.id}/approve-deletions`).send({}).expect(200)).body as SyncRun;

    expect(approved).toMatchObject({ status: 'success', counts: { deleted: 19 }, deletionDecision: { kind: 'approved', applied: 19 } });
    const live = new Set((await localLive(t)).contacts);
    expect(purged.filter((id) => live.has(id))).toEqual([purged[0]]);
    expect(upstreamLive(crm).contacts.every((id) => live.has(id))).toBe(true);
  });

  it('should never hold or delete in a recent run', async () => {
    for (const id of [...crm.store.live('contacts').keys()].slice(0, 20)) crm.store.purge('contacts', id);

    expect(await runToEnd(t, 'recent')).toMatchObject({ status: 'success', heldDeletions: 0, counts: { deleted: 0 } });
  });
});
