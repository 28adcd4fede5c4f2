import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { AuditEntry, HeldDeletion, Page, Source, SyncRun } from '@hamgam/shared';
import { normalizeNationalCode } from '../../src/common/national-code';
import { startTestApp, waitForRunEnd, type TestApp } from './helpers/test-app';

const FACULTY = 100;

type Member = { national_code: string; last_name: string; hash: string; deleted_at: string | null; last_seen_run_id: string | null };

describe('dry runs and the deletion guard (faculty against the stand-in gateway)', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  beforeEach(async () => {
    gateway = await startGolestanStandIn({ facultyCount: FACULTY, seed: 11 });
    t = await startTestApp({
      env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password },
    });
    await t.sql.run(`UPDATE sources SET options = ? WHERE id = 'faculty'`, [JSON.stringify({ pageSize: 25, retryBaseMs: 20, requestTimeoutMs: 2000 })]);
  });

  afterEach(async () => {
    await t.close();
    await gateway.close();
  });

  const members = async (): Promise<Member[]> => {
    const rows = await t.sql.all('SELECT national_code, last_name, hash, deleted_at, last_seen_run_id FROM faculty_members ORDER BY national_code');
    return rows as Member[];
  };
  const live = async () => (await members()).filter((member) => member.deleted_at === null);
  const runOf = async (body: Record<string, unknown> = {}) =>
    waitForRunEnd(t, ((await t.http().post('/api/sources/faculty/runs').send(body).expect(202)).body as SyncRun).id);
  /** Removes `count` stored members from the gateway (they come back with `restore`). */
  const removeFromGateway = async (count: number) => {
    const liveNow = await live();
    const removed = gateway.faculty.list().filter((record) => liveNow.some((m) => m.national_code === normalizeNationalCode(String(record.nationalcode))));
    return removed.slice(0, count).map((record) => {
      gateway.faculty.remove(String(record.nationalcode));
      return normalizeNationalCode(String(record.nationalcode))!;
    });
  };

  it('should store nothing in a dry run and count exactly what the real run that follows does', async () => {
    await runOf();
    const before = await members();
    const removed = await removeFromGateway(3);
    const changed = before.find((member) => !removed.includes(member.national_code))!;
    gateway.faculty.update(changed.national_code, { family: 'تازه‌نام' });
    gateway.faculty.add();

    const dry = await runOf({ dryRun: true });

    expect(dry).toMatchObject({ status: 'success', dryRun: true, heldDeletions: 0 });
    expect(await members()).toEqual(before);
    const real = await runOf();
    expect(real).toMatchObject({ status: 'success', dryRun: false });
    expect(dry.counts).toEqual(real.counts);
    expect(real.counts).toMatchObject({ inserted: 1, updated: 1, deleted: 3 });
    const log = (await t.http().get(`/api/runs/${dry.id}/log`).expect(200)).body as { lines: { message: string }[] };
    expect(log.lines.some((line) => line.message.startsWith('dry run'))).toBe(true);
  });

  it("should not count a dry run as the source's last success", async () => {
    await runOf({ dryRun: true });

    const source = (await t.http().get('/api/sources/faculty').expect(200)).body as Source;

    expect(source.health).toMatchObject({ state: 'never', lastSuccessAt: null });
    expect(source.lastRun).toMatchObject({ dryRun: true });
  });

  it('should hold deletions past the guard, list them, then delete exactly those not seen since when approved', async () => {
    const first = await runOf();
    const removed = await removeFromGateway(20);
    const changed = (await members()).find((member) => !removed.includes(member.national_code))!;
    gateway.faculty.update(changed.national_code, { family: 'تازه‌نام' });

    const held = await runOf();

    expect(held).toMatchObject({ status: 'awaiting_approval', heldDeletions: 20, deletionDecision: null });
    expect(held.counts).toMatchObject({ updated: 1, deleted: 0 });
    const waiting = (await t.http().get('/api/runs?status=awaiting_approval').expect(200)).body as Page<SyncRun>;
    expect(waiting.items.map((run) => run.id)).toEqual([held.id]);
    expect(await live()).toHaveLength(first.counts.inserted);
    expect((await members()).find((m) => m.national_code === changed.national_code)?.last_name).toBe('تازه‌نام');
    const listed = (await t.http().get(`/api/runs/${held.id}/held-deletions?pageSize=10`).expect(200)).body as Page<HeldDeletion>;
    expect(listed.total).toBe(20);
    expect(listed.items).toHaveLength(10);
    expect(listed.items[0]).toMatchObject({ table: 'members' });
    expect(listed.items[0].values).toHaveProperty('lastName');
    const searched = (await t.http().get(`/api/runs/${held.id}/held-deletions?q=${removed[0]}`).expect(200)).body as Page<HeldDeletion>;
    expect(searched.items.map((item) => item.key)).toEqual([removed[0]]);
    // A run after the hold saw one of them again (as a partial run that reached its page would).
    await t.sql.run(`UPDATE faculty_members SET last_seen_run_id = '999' WHERE national_code = ?`, [removed[1]]);

    const approved = (await t.http().post(`/api/runs/${held.id}/approve-deletions`).send({ reason: 'the gateway is right' }).expect(200)).body as SyncRun;

    expect(approved).toMatchObject({ status: 'success', counts: { deleted: 19 } });
    expect(approved.deletionDecision).toMatchObject({ kind: 'approved', by: 'admin', reason: 'the gateway is right', applied: 19 });
    const stillLive = new Set((await live()).map((m) => m.national_code));
    expect(removed.filter((code) => stillLive.has(code))).toEqual([removed[1]]);
    expect(stillLive.size).toBe(first.counts.inserted - 19);
    await t.http().post(`/api/runs/${held.id}/approve-deletions`).send({}).expect(409);
    await t.http().post(`/api/runs/${held.id}/discard-deletions`).send({}).expect(409);
    const audit = (await t.http().get('/api/audit?action=deletions.approved').expect(200)).body as Page<AuditEntry>;
    expect(audit.items[0]).toMatchObject({ actor: 'admin', target: `run:${held.id}` });
  });

  it('should delete nothing when the held deletions are discarded', async () => {
    const first = await runOf();
    await removeFromGateway(20);
    const held = await runOf();
    const before = await members();

    const discarded = (await t.http().post(`/api/runs/${held.id}/discard-deletions`).send({ reason: 'gateway outage' }).expect(200)).body as SyncRun;

    expect(discarded).toMatchObject({
      status: 'success',
      counts: { deleted: 0 },
      deletionDecision: { kind: 'discarded', applied: 0, reason: 'gateway outage' },
    });
    expect(await members()).toEqual(before);
    expect(await live()).toHaveLength(first.counts.inserted);
  });

  it('should refuse an auditor both decisions but let them read the held list', async () => {
    await runOf();
    await removeFromGateway(20);
    const held = await runOf();
    const auditor = await t.as('auditor');

    await auditor().post(`/api/runs/${held.id}/approve-deletions`).send({}).expect(403);
    await auditor().post(`/api/runs/${held.id}/discard-deletions`).send({}).expect(403);
    await auditor().get(`/api/runs/${held.id}/held-deletions`).expect(200);
    expect(((await t.http().get(`/api/runs/${held.id}`).expect(200)).body as SyncRun).status).toBe('awaiting_approval');
  });

  it('should answer 409 when the run is not awaiting approval', async () => {
    const run = await runOf();

    await t.http().post(`/api/runs/${run.id}/approve-deletions`).send({}).expect(409);
    await t.http().post(`/api/runs/${run.id}/discard-deletions`).send({}).expect(409);
  });

  it('should close a pending approval as superseded when a newer complete run decides again', async () => {
    await runOf();
    await removeFromGateway(20);
    const older = await runOf();

    const newer = await runOf();

    expect(newer).toMatchObject({ status: 'awaiting_approval', heldDeletions: 20 });
    const closed = (await t.http().get(`/api/runs/${older.id}`).expect(200)).body as SyncRun;
    expect(closed).toMatchObject({ status: 'success', deletionDecision: { kind: 'superseded', applied: 0 } });
    await t.http().post(`/api/runs/${older.id}/approve-deletions`).send({}).expect(409);
    // A dry run decides nothing.
    await runOf({ dryRun: true });
    expect(((await t.http().get(`/api/runs/${newer.id}`).expect(200)).body as SyncRun).status).toBe('awaiting_approval');
  });

  it('should save the guard per field, refuse a bad limit with its field, and let a run delete when the limits are off', async () => {
    const refused = await t
      .http()
      .patch('/api/sources/faculty')
      .send({ deletionGuard: { maxPercent: 150, maxCount: -1 } })
      .expect(400);
    expect(Object.keys(refused.body.fields).sort()).toEqual(['deletionGuard.maxCount', 'deletionGuard.maxPercent']);
    expect(((await t.http().get('/api/sources/faculty').expect(200)).body as Source).deletionGuard).toEqual({ maxPercent: 10, maxCount: null });
    const saved = (
      await t
        .http()
        .patch('/api/sources/faculty')
        .send({ deletionGuard: { maxPercent: null } })
        .expect(200)
    ).body as Source;
    expect(saved.deletionGuard).toEqual({ maxPercent: null, maxCount: null });
    const audit = (await t.http().get('/api/audit?action=settings.changed').expect(200)).body as Page<AuditEntry>;
    expect(JSON.stringify(audit.items[0].details)).toContain('deletionGuard.maxPercent');
    await runOf();
    await removeFromGateway(20);

    const run = await runOf();

    expect(run).toMatchObject({ status: 'success', heldDeletions: 0, counts: { deleted: 20 } });
  });
});
