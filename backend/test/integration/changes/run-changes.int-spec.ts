import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { Page, RecordHistoryEntry, RunChangePage } from '@hamgam/shared';
import { RetentionService } from '../../../src/history/retention.service';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from '../helpers/test-app';

type Member = { national_code: string; last_name: string; field: string | null; mobile: string | null };
const DAY = 24 * 3600 * 1000;

describe('the change log of faculty runs', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  beforeAll(async () => {
    gateway = await startGolestanStandIn({ facultyCount: 120, seed: 7 });
    t = await startTestApp({ env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password } });
    await t.sql.run(`UPDATE sources SET options = ? WHERE id = 'faculty'`, [JSON.stringify({ pageSize: 25, retryBaseMs: 20, requestTimeoutMs: 2000 })]);
  });

  afterAll(async () => {
    await t.close();
    await gateway.close();
  });

  const members = async (): Promise<Member[]> => {
    const rows = await t.sql.all('SELECT national_code, last_name, field, mobile FROM faculty_members WHERE deleted_at IS NULL ORDER BY national_code');
    return rows as Member[];
  };
  const changes = async (runId: string, query = '') => (await t.http().get(`/api/runs/${runId}/changes${query}`).expect(200)).body as RunChangePage;

  let firstRunId: string;
  let secondRunId: string;
  let changed: Member;
  let removed: Member;

  it('should list every stored member as inserted after a first run, page by page', async () => {
    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    firstRunId = run.id;
    const stored = await members();

    const all = await changes(run.id, '?pageSize=200');
    const second = await changes(run.id, '?kind=inserted&page=2&pageSize=10');

    expect(run.counts.inserted).toBe(stored.length);
    expect(all.totals).toEqual({ inserted: stored.length, updated: 0, deleted: 0 });
    expect(all.items.map((change) => change.key).sort()).toEqual(stored.map((member) => member.national_code));
    expect(all.items.every((change) => change.kind === 'inserted' && change.table === 'members' && change.fields.length === 0)).toBe(true);
    expect(second).toMatchObject({ total: stored.length, page: 2, pageSize: 10 });
    expect(second.items.map((change) => change.key)).toEqual(all.items.slice(10, 20).map((change) => change.key));
    expect((await changes(run.id, '?kind=updated')).total).toBe(0);
  });

  it("should show a changed member's fields old → new, a sensitive one without values, and a missing member as deleted", async () => {
    [changed, removed] = await members();
    gateway.faculty.update(changed.national_code, { family: 'تازه‌نام', field: 'فیزیک نو', mobile: '09123334455' });
    gateway.faculty.remove(removed.national_code);

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    secondRunId = run.id;
    const page = await changes(run.id);

    expect(run).toMatchObject({ status: 'success', counts: { updated: 1, deleted: 1, inserted: 0 } });
    expect(page.totals).toEqual({ inserted: 0, updated: 1, deleted: 1 });
    expect(page.items).toEqual([
      {
        kind: 'updated',
        table: 'members',
        key: changed.national_code,
        fields: expect.arrayContaining([
          { field: 'lastName', before: changed.last_name, after: 'تازه‌نام', isSensitive: false },
          { field: 'field', before: changed.field, after: 'فیزیک نو', isSensitive: false },
          { field: 'mobile', before: null, after: null, isSensitive: true },
        ]) as unknown,
      },
      { kind: 'deleted', table: 'members', key: removed.national_code, fields: [] },
    ]);
    expect(page.items[0].fields).toHaveLength(3);
    const text = JSON.stringify(page);
    expect(text).not.toContain('09123334455');
    if (changed.mobile) expect(text).not.toContain(changed.mobile);
    expect(text).not.toContain(gateway.password);
    // Nothing of the sensitive values is stored either.
    const stored = (await t.sql.all<{ diff: string }>('SELECT diff FROM run_changes WHERE diff IS NOT NULL')).map((row) => row.diff).join('\n');
    expect(stored).toContain('تازه‌نام');
    expect(stored).not.toContain('09123334455');
  });

  it('should filter by kind, find a key or a new value, and let an auditor read them', async () => {
    const auditor = await t.as('auditor');
    const deleted = (await auditor().get(`/api/runs/${secondRunId}/changes?kind=deleted`).expect(200)).body as RunChangePage;
    const byKey = await changes(secondRunId, `?q=${changed.national_code}`);
    const byValue = await changes(secondRunId, `?q=${encodeURIComponent('فیزیک')}`);
    const none = await changes(secondRunId, '?q=nothing-like-this');

    expect(deleted.items.map((change) => change.key)).toEqual([removed.national_code]);
    expect(byKey.items.map((change) => change.key)).toEqual([changed.national_code]);
    expect(byValue.items.map((change) => change.kind)).toEqual(['updated']);
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('should answer 400 naming the field for a bad filter and 404 for an unknown run', async () => {
    const badKind = await t.http().get(`/api/runs/${secondRunId}/changes?kind=renamed`).expect(400);
    const badSize = await t.http().get(`/api/runs/${secondRunId}/changes?pageSize=500`).expect(400);
    const badPage = await t.http().get(`/api/runs/${secondRunId}/changes?page=0`).expect(400);

    expect(badKind.body.fields.kind).toBeDefined();
    expect(badSize.body.fields.pageSize).toBeDefined();
    expect(badPage.body.fields.page).toBeDefined();
    await t.http().get('/api/runs/99999/changes').expect(404);
    await t.anonymous().get(`/api/runs/${secondRunId}/changes`).expect(401);
  });

  it("should show a record's changes across runs, newest first", async () => {
    const history = (await t.http().get(`/api/sources/faculty/records/members/${changed.national_code}/changes`).expect(200)).body as Page<RecordHistoryEntry>;
    const gone = (await t.http().get(`/api/sources/faculty/records/members/${removed.national_code}/changes`).expect(200)).body as Page<RecordHistoryEntry>;

    expect(history.items.map((entry) => [entry.runId, entry.kind])).toEqual([
      [secondRunId, 'updated'],
      [firstRunId, 'inserted'],
    ]);
    expect(history.items[0].fields.find((field) => field.field === 'lastName')).toMatchObject({ after: 'تازه‌نام' });
    expect(history.items[0].runStartedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(gone.items.map((entry) => entry.kind)).toEqual(['deleted', 'inserted']);
    const badTable = await t.http().get(`/api/sources/faculty/records/courses/${changed.national_code}/changes`).expect(400);
    expect(badTable.body.fields.table).toBeDefined();
    await t.http().get(`/api/sources/nowhere/records/members/1/changes`).expect(404);
  });

  it('should purge the changes of runs older than the change retention and keep the newer ones', async () => {
    const now = Date.now();
    await t.sql.run('UPDATE data_syncs SET created_at = ? WHERE id = ?', [new Date(now - 100 * DAY).toISOString(), Number(firstRunId)]);
    const before = (await t.sql.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM run_changes WHERE run_id = ?', [Number(firstRunId)]))!.n;

    const result = await t.app.get(RetentionService).purge(new Date(now));

    expect(before).toBeGreaterThan(0);
    expect(result.changes).toBe(before);
    expect((await changes(firstRunId)).total).toBe(0);
    expect((await changes(secondRunId)).total).toBe(2);
    // The run itself is kept (its own retention is 365 days).
    await t.http().get(`/api/runs/${firstRunId}`).expect(200);
  });

  it('should keep the changes a dry run would make, store nothing, and list the same ones as the real run after it', async () => {
    const [edited, gone] = (await members()).filter((member) => member.national_code !== changed.national_code);
    gateway.faculty.update(edited.national_code, { family: 'نام آزمایشی' });
    gateway.faculty.remove(gone.national_code);
    const stored = await members();

    const dry = (await t.http().post('/api/sources/faculty/runs').send({ dryRun: true }).expect(202)).body as { id: string };
    const dryRun = await waitForRunEnd(t, dry.id);
    const dryChanges = await changes(dryRun.id);

    expect(dryRun).toMatchObject({ status: 'success', dryRun: true, counts: { updated: 1, deleted: 1, inserted: 0 } });
    expect(await members()).toEqual(stored);
    expect(dryChanges.totals).toEqual({ inserted: 0, updated: 1, deleted: 1 });
    expect(dryChanges.items.find((change) => change.kind === 'updated')).toMatchObject({
      key: edited.national_code,
      fields: [{ field: 'lastName', before: edited.last_name, after: 'نام آزمایشی', isSensitive: false }],
    });
    expect(dryChanges.items.find((change) => change.kind === 'deleted')?.key).toBe(gone.national_code);

    const real = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    const realChanges = await changes(real.id);
    expect(realChanges.items).toEqual(dryChanges.items);
  });
});
