import type { RecordPage, Source } from '@hamgam/shared';
import { triggerRun, waitForRunEnd } from './helpers/test-app';
import { readStudents, runStudents, startStudentsFixture, type StudentsFixture } from './helpers/students-fixture';

const toArabicForms = (text: string) => text.replace(/ی/g, 'ي').replace(/ک/g, 'ك');

describe('data browser and students options over the API', () => {
  let f: StudentsFixture;

  beforeAll(async () => {
    f = await startStudentsFixture();
    await runStudents(f.t);
  });

  afterAll(async () => {
    await f.close();
  });

  const browse = async (sourceId: string, query: Record<string, string | number> = {}) =>
    (await f.t.http().get(`/api/sources/${sourceId}/records`).query(query).expect(200)).body as RecordPage;

  it('should find a student by a name typed with Arabic yeh and kaf and show the term history when searching', async () => {
    const row = (await readStudents(f.t)).students.find((s) => /[یک]/.test(s.first_name + s.last_name))!;
    const byNumber = await browse('students', { q: row.student_number });
    const typed = toArabicForms(`${row.first_name} ${row.last_name}`);

    const page = await browse('students', { q: typed, pageSize: 100 });

    expect(page.items.map((item) => item.key)).toContain(row.student_number);
    expect(byNumber.items).toHaveLength(1);
    const [student] = byNumber.items;
    expect(student).toMatchObject({ name: `${row.first_name} ${row.last_name}`, deletedAt: null, lastRunId: expect.any(String) });
    expect(student.history!.length).toBeGreaterThan(0);
    expect(student.history!.at(-1)!.term).toBe(student.fields.term);
    // Campus codes come with their names.
    expect(student.history!.at(-1)!.campusName).toBe(student.fields.campusName);
    expect(page.columns).toContain('statusText');
  });

  it('should page through every student when no query is given', async () => {
    const total = (await readStudents(f.t)).students.length;
    const first = await browse('students', { pageSize: 7 });
    const second = await browse('students', { pageSize: 7, page: 2 });

    expect(first).toMatchObject({ total, page: 1, pageSize: 7 });
    expect(first.items).toHaveLength(7);
    expect(second.items[0].key > first.items[6].key).toBe(true);
  });

  it('should match Persian digits and answer 400 for a bad page size when searching', async () => {
    const number = (await readStudents(f.t)).students[2].student_number;
    const persian = number.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);

    expect((await browse('students', { q: persian })).items.map((item) => item.key)).toEqual([number]);
    await f.t.http().get('/api/sources/students/records?pageSize=1000').expect(400);
  });

  it('should browse faculty members too and answer 404 for a source that keeps no records', async () => {
    await waitForRunEnd(f.t, (await triggerRun(f.t, 'faculty')).id);
    const faculty = await browse('faculty', { pageSize: 5 });

    expect(faculty.total).toBeGreaterThan(0);
    expect(faculty.items[0]).toMatchObject({ history: null, deletedAt: null });
    const member = faculty.items[0];
    expect((await browse('faculty', { q: toArabicForms(member.name) })).items.map((item) => item.key)).toContain(member.key);
    await f.t.http().get('/api/sources/nope/records').expect(404);
  });

  it('should list the sources with their options and whether they can be browsed', async () => {
    const sources = (await f.t.http().get('/api/sources').expect(200)).body as Source[];
    const students = sources.find((s) => s.id === 'students')!;

    expect(students).toMatchObject({ modes: ['full', 'recent'], hasRecords: true });
    expect((students.options.campuses as unknown[]).length).toBe(4);
  });

  it('should save valid options and answer 400 naming each bad option when options are patched', async () => {
    const ok = await f.t
      .http()
      .patch('/api/sources/students')
      .send({ options: { concurrency: 2, toYear: null } })
      .expect(200);
    expect((ok.body as Source).options).toMatchObject({ concurrency: 2, toYear: null, pageSize: 10 });

    const bad = await f.t
      .http()
      .patch('/api/sources/students')
      .send({ options: { concurrency: 100, campuses: [{ code: 'x', name: '' }] } })
      .expect(400);
    expect(Object.keys((bad.body as { fields: Record<string, string[]> }).fields).sort()).toEqual(['options.campuses', 'options.concurrency']);
    // Faculty declares its options too: they are editable, checked by the same declaration.
    expect(
      (
        await f.t
          .http()
          .patch('/api/sources/faculty')
          .send({ options: { pageSize: 10 } })
          .expect(200)
      ).body.options,
    ).toMatchObject({ pageSize: 10 });
    const unknown = await f.t
      .http()
      .patch('/api/sources/faculty')
      .send({ options: { campuses: [] } })
      .expect(400);
    expect(Object.keys((unknown.body as { fields: Record<string, string[]> }).fields)).toEqual(['options.campuses']);
  });
});
