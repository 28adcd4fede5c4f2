import { DEFAULT_STUDENT_CAMPUSES, startGolestanStandIn } from '@hamgam/stand-ins';
import type { RunLog, Source } from '@hamgam/shared';
import { recentTerms } from '../../src/sources/students/students.terms';
import { startTestApp, triggerRun, waitForRunEnd } from './helpers/test-app';
import { expectedStudents, latestOf, readStudents, runStudents, startStudentsFixture, type StudentsFixture } from './helpers/students-fixture';

describe('students sync against the stand-in gateway', () => {
  let f: StudentsFixture;

  beforeEach(async () => {
    f = await startStudentsFixture();
  });

  afterEach(async () => {
    await f.close();
  });

  const logOf = async (runId: string) => ((await f.t.http().get(`/api/runs/${runId}/log`).expect(200)).body as RunLog).lines.map((l) => l.message);

  it('should store each student from their latest term and every term status when a full run completes', async () => {
    const expected = expectedStudents(f.gateway, f.terms);

    const run = await runStudents(f.t);

    expect(run).toMatchObject({ status: 'success', mode: 'full', errorMessage: null, percent: 100 });
    expect(run.counts).toMatchObject({ fetched: expected.fetched, rejected: expected.rejected, inserted: expected.latest.size, deleted: 0 });
    expect(run.counts.inserted + run.counts.updated + run.counts.unchanged + run.counts.rejected).toBe(run.counts.fetched);
    const stored = await readStudents(f.t);
    expect(latestOf(stored.students)).toEqual(expected.latest);
    expect(stored.history.sort()).toEqual([...expected.history].sort());
    expect(f.gateway.stats().studentCallsByTerm).toEqual(Object.fromEntries(f.terms.map((term) => [term, expect.any(Number)])));
  });

  it('should keep the latest term when calls finish out of order', async () => {
    const [newest, , , oldest] = [...f.terms].reverse();
    const [a, b] = f.gateway.students.campuses;
    // The newest term of one campus arrives last; the older terms of another arrive after their newer ones.
    f.gateway.setFaults({
      studentCalls: [
        { codePardis: a.code, term: newest, delayMs: 600 },
        { codePardis: b.code, term: oldest, delayMs: 400 },
        { codePardis: b.code, term: f.terms[0], delayMs: 500 },
      ],
    });
    const expected = expectedStudents(f.gateway, f.terms);

    const run = await runStudents(f.t);

    expect(run.status).toBe('success');
    const stored = await readStudents(f.t);
    expect(latestOf(stored.students)).toEqual(expected.latest);
    expect(stored.history.sort()).toEqual([...expected.history].sort());
  });

  it('should rewrite no row and count every record unchanged when a second full run sees no change', async () => {
    const expected = expectedStudents(f.gateway, f.terms);
    await runStudents(f.t);
    const before = await readStudents(f.t);

    const second = await runStudents(f.t);

    expect(second.status).toBe('success');
    expect(second.counts).toEqual({
      fetched: expected.fetched,
      inserted: 0,
      updated: 0,
      unchanged: expected.fetched - expected.rejected,
      deleted: 0,
      rejected: expected.rejected,
    });
    expect(await readStudents(f.t)).toEqual(before);
  });

  it('should soft-delete a student the stand-in dropped when a full run completes every call', async () => {
    await runStudents(f.t);
    const gone = (await readStudents(f.t)).students[3].student_number;
    f.gateway.students.remove(gone);

    const run = await runStudents(f.t);

    expect(run).toMatchObject({ status: 'success' });
    expect(run.counts.deleted).toBe(1);
    const row = (await readStudents(f.t)).students.find((s) => s.student_number === gone)!;
    expect(row.deleted_at).not.toBeNull();
    expect(row.last_run_id).toBe(run.id);
    expect((await readStudents(f.t)).students.filter((s) => s.deleted_at !== null)).toHaveLength(1);
  });

  it('should fail naming the pair, keep what it stored and delete nothing when one (campus, term) fails for good', async () => {
    await runStudents(f.t);
    const gone = (await readStudents(f.t)).students[0].student_number;
    f.gateway.students.remove(gone);
    f.gateway.students.update((await readStudents(f.t)).students[5].student_number, { familyname: 'نام تازه' });
    const [campus] = f.gateway.students.campuses;
    const term = f.terms[4];
    f.gateway.setFaults({ studentCalls: [{ codePardis: campus.code, term, fail: true }] });

    const run = await runStudents(f.t);

    expect(run).toMatchObject({ status: 'failed', errorKind: 'upstream' });
    expect(run.errorMessage).toContain(`${campus.code}/${term}`);
    expect(run.counts.deleted).toBe(0);
    expect(run.counts.fetched).toBeGreaterThan(0);
    expect((await readStudents(f.t)).students.every((s) => s.deleted_at === null)).toBe(true);
    const log = await logOf(run.id);
    expect(log.some((line) => line.includes(`${campus.code}/${term}`) && line.startsWith('failed calls'))).toBe(true);
  });

  it('should call only the current and previous term and delete nothing when the run is recent', async () => {
    await runStudents(f.t);
    const before = (await readStudents(f.t)).students;
    // Counts from the full run out of the way; then a student disappears, which a recent run must not act on.
    f.gateway.reset();
    f.gateway.students.remove(before[0].student_number);

    const run = await runStudents(f.t, { mode: 'recent' });

    expect(run).toMatchObject({ status: 'success', mode: 'recent' });
    expect(Object.keys(f.gateway.stats().studentCallsByTerm).sort()).toEqual(recentTerms(new Date()).sort());
    expect(run.counts.deleted).toBe(0);
    expect((await readStudents(f.t)).students.every((s) => s.deleted_at === null)).toBe(true);
  });
});

describe('students campus list on a first start', () => {
  it('should start with no campus and fail a run saying so when only the environment names the gateway', async () => {
    const gateway = await startGolestanStandIn({ seed: 5, students: { campusCount: 2, studentsPerCampus: 3 } });
    const t = await startTestApp({ env: { GOLESTAN_BASE_URL: gateway.url, GOLESTAN_USERNAME: gateway.username, GOLESTAN_PASSWORD: gateway.password } });
    try {
      const source = (await t.http().get('/api/sources/students').expect(200)).body as Source;
      expect(source.options.campuses).toEqual([]);

      const run = await waitForRunEnd(t, (await triggerRun(t, 'students')).id);

      expect(run).toMatchObject({ status: 'failed', errorKind: 'validation', errorMessage: expect.stringContaining('no campus is configured') });
      expect(gateway.stats().studentCallsByTerm).toEqual({});
    } finally {
      await t.close();
      await gateway.close();
    }
  });

  it("should start with the stand-in gateway's campuses when the demo seeds the source", async () => {
    const t = await startTestApp({ standIns: { students: { baseUrl: 'http://127.0.0.1:9', username: 'u', password: 'p' } } });
    try {
      const source = (await t.http().get('/api/sources/students').expect(200)).body as Source;
      expect(source.options.campuses).toEqual(DEFAULT_STUDENT_CAMPUSES);
      expect(source.isStandIn).toBe(true);
    } finally {
      await t.close();
    }
  });
});
