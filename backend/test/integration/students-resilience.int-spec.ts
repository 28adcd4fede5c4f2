import type { RunLog, SyncRun } from '@hamgam/shared';
import { waitFor, waitForRunEnd } from './helpers/test-app';
import { expectedStudents, latestOf, readStudents, runStudents, startStudentsFixture, type StudentsFixture } from './helpers/students-fixture';

describe('students sync when the gateway misbehaves', () => {
  let f: StudentsFixture;

  beforeEach(async () => {
    f = await startStudentsFixture();
  });

  afterEach(async () => {
    await f.close();
  });

  it('should slow every call down and still complete when the gateway answers a storm of 429s', async () => {
    f.gateway.setFaults({ rateLimitNext: 6, retryAfterSeconds: 1 });
    const expected = expectedStudents(f.gateway, f.terms);

    const run = await runStudents(f.t);

    expect(run).toMatchObject({ status: 'success', errorMessage: null });
    expect(f.gateway.stats().served429).toBe(6);
    expect(run.durationMs).toBeGreaterThanOrEqual(1000);
    expect(latestOf((await readStudents(f.t)).students)).toEqual(expected.latest);
    const log = ((await f.t.http().get(`/api/runs/${run.id}/log`).expect(200)).body as RunLog).lines.map((l) => l.message);
    expect(log.some((line) => /asked to slow down .*every call waits 1\.0 s, at most [12] at once/.test(line))).toBe(true);
  });

  it('should ask again for a cut-off answer and store everything when the next answer is whole', async () => {
    f.gateway.setFaults({ truncateNext: 2 });
    const expected = expectedStudents(f.gateway, f.terms);

    const run = await runStudents(f.t);

    expect(run).toMatchObject({ status: 'success', counts: { fetched: expected.fetched, rejected: expected.rejected } });
    expect(f.gateway.stats().servedTruncated).toBe(2);
    expect(latestOf((await readStudents(f.t)).students)).toEqual(expected.latest);
  });

  it('should log in again and finish when the token expires mid-run', async () => {
    f.gateway.setFaults({ expireTokensAfterCalls: 5 });

    const run = await runStudents(f.t);

    expect(run.status).toBe('success');
    expect(f.gateway.stats().logins).toBeGreaterThan(1);
  });

  it('should leave the tables consistent and delete nothing when a run is cancelled mid-way', async () => {
    await runStudents(f.t);
    f.gateway.students.remove((await readStudents(f.t)).students[0].student_number);
    f.gateway.setFaults({ delayMs: 150 });
    const started = (await f.t.http().post('/api/sources/students/runs').send({}).expect(202)).body as SyncRun;
    await waitFor(async () => {
      const run = (await f.t.http().get(`/api/runs/${started.id}`).expect(200)).body as SyncRun;
      return run.counts.fetched > 0;
    });

    await f.t.http().post(`/api/runs/${started.id}/cancel`).expect(202);
    const run = await waitForRunEnd(f.t, started.id);

    expect(run.status).toBe('cancelled');
    const orphans = (await f.t.sql.get<{ n: number }>(
      `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM students s WHERE NOT EXISTS (
        SELECT 1 FROM student_terms h WHERE h.student_number = s.student_number AND h.term = s.term AND h.campus_code = s.campus_code)`,
    ))!;
    expect(orphans.n).toBe(0);
    expect((await readStudents(f.t)).students.every((s) => s.deleted_at === null)).toBe(true);

    f.gateway.setFaults({});
    const after = await runStudents(f.t);
    expect(after).toMatchObject({ status: 'success' });
    expect(after.counts.deleted).toBe(1);
  });
});
