import { startGolestanStandIn, type GolestanStandIn } from '@hamgam/stand-ins';
import type { Page, RunLog, RunRejection } from '@hamgam/shared';
import { normalizeNationalCode, isValidNationalCode } from '../../src/common/national-code';
import { startTestApp, triggerRun, waitForRunEnd, type TestApp } from './helpers/test-app';

const FACULTY = 120;

/** What a correct run must store, computed from the stand-in's raw data independently of the connector. */
function expectedCounts(gateway: GolestanStandIn) {
  const seen = new Set<string>();
  let valid = 0;
  for (const record of gateway.faculty.list()) {
    const code = normalizeNationalCode(String(record.nationalcode ?? ''));
    if (!code || !isValidNationalCode(code) || seen.has(code)) continue;
    seen.add(code);
    valid++;
  }
  return { fetched: gateway.faculty.list().length, valid, rejected: gateway.faculty.list().length - valid };
}

describe('faculty sync against the stand-in gateway', () => {
  let gateway: GolestanStandIn;
  let t: TestApp;

  beforeEach(async () => {
    gateway = await startGolestanStandIn({ facultyCount: FACULTY, seed: 7 });
    t = await startTestApp({
      env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password },
    });
    // Small pages so a run makes several calls, and fast retries.
    await t.sql.run(`UPDATE sources SET options = ? WHERE id = 'faculty'`, [JSON.stringify({ pageSize: 25, retryBaseMs: 20, requestTimeoutMs: 2000 })]);
  });

  afterEach(async () => {
    await t.close();
    await gateway.close();
  });

  const storedMembers = async () => {
    const rows = await t.sql.all('SELECT national_code, first_name, last_name, hash, deleted_at FROM faculty_members ORDER BY national_code');
    return rows as { national_code: string; first_name: string; last_name: string; hash: string; deleted_at: string | null }[];
  };

  it('should end success with exact counts when the gateway answers normally', async () => {
    const expected = expectedCounts(gateway);
    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(run.counts).toEqual({ fetched: expected.fetched, inserted: expected.valid, updated: 0, unchanged: 0, deleted: 0, rejected: expected.rejected });
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(await storedMembers()).toHaveLength(expected.valid);
    // Cleaned on the way in: no Arabic yeh/kaf, no ZWNJ at the edges, ASCII digits in codes.
    for (const member of await storedMembers()) {
      expect(member.national_code).toMatch(/^\d{10}$/);
      expect(`${member.first_name} ${member.last_name}`).not.toMatch(/[يك]|^\u200c|\u200c$/);
    }
    const rejections = (await t.http().get(`/api/runs/${run.id}/rejections?pageSize=200`).expect(200)).body as Page<RunRejection>;
    expect(rejections.total).toBeGreaterThan(0);
    expect(rejections.total).toBeLessThanOrEqual(expected.rejected);
    const codes = rejections.items.flatMap((rejection) => rejection.reasons.map((reason) => reason.code));
    expect(codes.every((code) => ['not_an_object', 'missing_national_code', 'invalid_national_code', 'duplicate_national_code'].includes(code!))).toBe(true);
    expect(rejections.items.every((rejection) => rejection.reasons.every((reason) => reason.text.length > 0 && !reason.text.includes('{{')))).toBe(true);
  });

  it('should count every record unchanged when a second run sees no change', async () => {
    const expected = expectedCounts(gateway);
    await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    const before = await storedMembers();

    const second = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(second).toMatchObject({ status: 'success', errorMessage: null });
    expect(second.counts).toEqual({ fetched: expected.fetched, inserted: 0, updated: 0, unchanged: expected.valid, deleted: 0, rejected: expected.rejected });
    expect(await storedMembers()).toEqual(before);
  });

  it('should update changed members and soft-delete missing ones when a complete run sees them', async () => {
    await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    const [first, second] = await storedMembers();
    gateway.faculty.update(first.national_code, { family: 'تازه‌نام' });
    gateway.faculty.remove(second.national_code);

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(run.counts.updated).toBe(1);
    expect(run.counts.deleted).toBe(1);
    const after = await storedMembers();
    expect(after.find((member) => member.national_code === first.national_code)?.last_name).toBe('تازه‌نام');
    expect(after.find((member) => member.national_code === second.national_code)?.deleted_at).not.toBeNull();
  });

  it('should retry and succeed when the gateway answers 500 twice', async () => {
    gateway.setFaults({ failNext: 2 });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(gateway.stats().served500).toBe(2);
    const log = (await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog;
    expect(log.lines.some((line) => /retry/i.test(line.message))).toBe(true);
  });

  it('should wait as told and succeed when the gateway answers 429 with Retry-After', async () => {
    gateway.setFaults({ rateLimitNext: 1, retryAfterSeconds: 1 });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(gateway.stats().served429).toBe(1);
    const log = (await t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog;
    expect(log.lines.some((line) => /retry 1\/\d+ in 1\.0 s/.test(line.message))).toBe(true);
  });

  it('should fail as rate limited, with its retries counted, when the gateway keeps answering 429', async () => {
    gateway.setFaults({ rateLimitNext: 1000, retryAfterSeconds: 0 });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    gateway.setFaults({});

    expect(run).toMatchObject({ status: 'failed', errorKind: 'rate_limited' });
    expect(run.retries).toBeGreaterThan(0);
    expect(gateway.stats().served429).toBe(run.retries + 1);
  });

  it('should log in again and finish when the token expires mid-run', async () => {
    gateway.setFaults({ expireTokensAfterCalls: 2 });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(gateway.stats().served401).toBeGreaterThan(0);
    expect(gateway.stats().logins).toBeGreaterThan(1);
  });

  it('should retry a truncated JSON body and succeed when the next answer is whole', async () => {
    gateway.setFaults({ truncateNext: 1 });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'success', errorMessage: null, retries: 1 });
    expect(gateway.stats().servedTruncated).toBe(1);
  });

  it('should fail with kind upstream and keep earlier data when truncated bodies persist', async () => {
    await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);
    const before = await storedMembers();
    gateway.faculty.remove(before[0].national_code);
    gateway.setFaults({ truncateAlways: true });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'failed' });
    expect(run.errorKind).toBe('upstream');
    // The run records how often it tried again (each attempt but the first), so its failure can say so.
    expect(run.retries).toBeGreaterThan(0);
    expect(run.retries).toBe(gateway.stats().servedTruncated - 1);
    expect(run.errorMessage!.length).toBeLessThanOrEqual(500);
    expect(run.counts.deleted).toBe(0);
    expect(await storedMembers()).toEqual(before);
  });

  it('should fail with kind auth when the gateway refuses the login', async () => {
    gateway.setFaults({ loginFails: true });

    const run = await waitForRunEnd(t, (await triggerRun(t, 'faculty')).id);

    expect(run).toMatchObject({ status: 'failed' });
    expect(run.errorKind).toBe('auth');
  });
});
