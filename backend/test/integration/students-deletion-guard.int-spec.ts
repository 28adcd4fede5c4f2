import type { SyncRun } from '@hamgam/shared';
import { readStudents, runStudents, startStudentsFixture, type StudentsFixture } from './helpers/students-fixture';

describe('students: dry runs and the deletion guard against the stand-in gateway', () => {
  let f: StudentsFixture;

  beforeEach(async () => {
    f = await startStudentsFixture();
  });

  afterEach(async () => {
    await f.close();
  });

  it('should store nothing in a dry run and count exactly what the real full run that follows does', async () => {
    await runStudents(f.t);
    const before = await readStudents(f.t);
    const [gone, changed] = before.students;
    f.gateway.students.remove(gone.student_number);
    f.gateway.students.update(changed.student_number, { familyname: 'نام تازه' });

    const dry = await runStudents(f.t, { dryRun: true });

    expect(dry).toMatchObject({ status: 'success', dryRun: true });
    expect(await readStudents(f.t)).toEqual(before);
    const real = await runStudents(f.t);
    expect(dry.counts).toEqual(real.counts);
    expect(real.counts).toMatchObject({ deleted: 1 });
    expect(real.counts.updated).toBeGreaterThan(0);
  });

  it('should hold a mass deletion, then on approval keep a student a failed run fetched again and delete the rest', async () => {
    await runStudents(f.t);
    const stored = (await readStudents(f.t)).students;
    const gone = stored.slice(0, Math.ceil(stored.length * 0.2));
    for (const student of gone) f.gateway.students.remove(student.student_number);

    const held = await runStudents(f.t);

    expect(held).toMatchObject({ status: 'awaiting_approval', heldDeletions: gone.length, counts: { deleted: 0 } });
    expect((await readStudents(f.t)).students.every((s) => s.deleted_at === null)).toBe(true);
    // One of them comes back, and a run that fails on another campus's call still fetches it.
    const back = gone[0];
    f.gateway.students.reset();
    for (const student of gone.slice(1)) f.gateway.students.remove(student.student_number);
    const otherCampus = f.gateway.students.campuses.find((campus) => campus.code !== back.campus_code)!;
    f.gateway.setFaults({ studentCalls: [{ codePardis: otherCampus.code, term: f.terms[0], fail: true }] });
    expect(await runStudents(f.t)).toMatchObject({ status: 'failed' });

    const response = await f.t.http().post(`/api/runs/${held.id}/approve-deletions`).send({ reason: 'checked with the registrar' }).expect(200);

    const approved = response.body as SyncRun;
    expect(approved).toMatchObject({
      status: 'success',
      counts: { deleted: gone.length - 1 },
      deletionDecision: { kind: 'approved', applied: gone.length - 1 },
    });
    const after = new Map((await readStudents(f.t)).students.map((s) => [s.student_number, s.deleted_at]));
    expect(after.get(back.student_number)).toBeNull();
    expect(gone.slice(1).every((student) => after.get(student.student_number) !== null)).toBe(true);
    expect([...after.values()].filter((deletedAt) => deletedAt !== null)).toHaveLength(gone.length - 1);
  });

  it('should never hold or delete in a recent run', async () => {
    await runStudents(f.t);
    const stored = (await readStudents(f.t)).students;
    for (const student of stored.slice(0, 40)) f.gateway.students.remove(student.student_number);

    const run = await runStudents(f.t, { mode: 'recent' });

    expect(run).toMatchObject({ status: 'success', heldDeletions: 0, counts: { deleted: 0 } });
  });
});
