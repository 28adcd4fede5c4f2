import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryRunner } from 'typeorm';
import type { WorkerRejection } from '@hamgam/shared';
import { SqliteDb } from '../../common/database/sqlite-db';
import { CreateStudents1764000000200 } from './migrations/1764000000200-create-students';
import { StudentsPageWriter, type PageWriterHooks } from './students.page-writer';
import { StudentsRepository } from './students.repository';

const student = (n: number, status = '1', patch: Record<string, unknown> = {}) => ({
  studentnum: `4011111${String(n).padStart(4, '0')}`,
  firstname: 'علي',
  familyname: `نام ${n}`,
  codvaziayat: status,
  vazeiyat: status === '7' ? 'فارغ‌التحصیل' : 'در حال تحصیل',
  ...patch,
});
const hashOf = (items: unknown[]) => createHash('sha1').update(JSON.stringify(items)).digest('hex');
const num = (n: number) => `4011111${String(n).padStart(4, '0')}`;

describe('StudentsPageWriter', () => {
  let dir: string;
  let db: Database.Database;
  let rejects: WorkerRejection[];
  const hooks: PageWriterHooks = { reject: (rejection) => rejects.push(rejection), warn: () => undefined, repaired: () => undefined };
  const writer = (runId: string) => new StudentsPageWriter(new StudentsRepository(new SqliteDb(db, false)), runId, hooks);
  const stored = (n: number) =>
    db.prepare('SELECT term, campus_code, status_code, last_name, deleted_at, last_run_id FROM students WHERE student_number = ?').get(num(n)) as {
      term: string;
      campus_code: string;
      status_code: string;
      last_name: string;
      deleted_at: string | null;
      last_run_id: string;
    };
  const history = (n: number) => db.prepare('SELECT term, campus_code, status_code FROM student_terms WHERE student_number = ? ORDER BY term').all(num(n));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-students-'));
    db = new Database(join(dir, 'test.sqlite'));
    await new CreateStudents1764000000200().up({ query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner);
    rejects = [];
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should keep the latest term whatever order the terms arrive in', async () => {
    const orders = [
      ['4011', '4012', '4021'],
      ['4021', '4011', '4012'],
      ['4012', '4021', '4011'],
    ];
    for (const [i, order] of orders.entries()) {
      const w = writer(`run-${i}`);
      db.exec('DELETE FROM students; DELETE FROM student_terms');
      for (const term of order)
        await w.write([student(1, term === '4021' ? '7' : '1')], { campusCode: '1110', term, page: 1 }, hashOf([student(1, term === '4021' ? '7' : '1')]));

      expect(stored(1)).toMatchObject({ term: '4021', status_code: '7' });
      expect(history(1)).toEqual([
        { term: '4011', campus_code: '1110', status_code: '1' },
        { term: '4012', campus_code: '1110', status_code: '1' },
        { term: '4021', campus_code: '1110', status_code: '7' },
      ]);
    }
  });

  it('should count inserted, updated and unchanged when terms and runs repeat', async () => {
    const w = writer('run-1');
    expect(await w.write([student(1), student(2)], { campusCode: '1110', term: '4021', page: 1 }, hashOf([student(1), student(2)]))).toEqual({
      fetched: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      changes: [],
    });
    expect(await w.write([student(1), student(2)], { campusCode: '1110', term: '4012', page: 1 }, hashOf([student(1), student(2)]))).toEqual({
      fetched: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
      changes: [],
    });
    expect(await w.write([student(1, '7')], { campusCode: '1110', term: '4022', page: 1 }, hashOf([student(1, '7')]))).toEqual({
      fetched: 1,
      inserted: 0,
      updated: 1,
      unchanged: 0,
      rejected: 0,
      changes: [],
    });

    const again = writer('run-2');
    expect(await again.write([student(1, '7')], { campusCode: '1110', term: '4022', page: 1 }, hashOf([student(1, '7')]))).toEqual({
      fetched: 1,
      inserted: 0,
      updated: 0,
      unchanged: 1,
      rejected: 0,
      changes: [],
    });
    expect(stored(1).last_run_id).toBe('run-1');
  });

  it('should update the stored record when the same term comes back with other data', async () => {
    await writer('run-1').write([student(1)], { campusCode: '1110', term: '4021', page: 1 }, hashOf([student(1)]));

    const counts = await writer('run-2').write(
      [student(1, '1', { familyname: 'تازه' })],
      { campusCode: '1110', term: '4021', page: 1 },
      hashOf([student(1, '1', { familyname: 'تازه' })]),
    );
    expect(counts.updated).toBe(1);
    expect(stored(1)).toMatchObject({ last_name: 'تازه', last_run_id: 'run-2' });
  });

  it('should store the last record of a student a page lists twice and count the second as an update', async () => {
    const items = [student(1), student(2), student(1, '7')];

    const counts = await writer('run-1').write(items, { campusCode: '1110', term: '4021', page: 1 }, hashOf(items));

    expect(counts).toMatchObject({ fetched: 3, inserted: 2, updated: 1, unchanged: 0 });
    expect(stored(1)).toMatchObject({ term: '4021', status_code: '7' });
    expect(history(1)).toEqual([{ term: '4021', campus_code: '1110', status_code: '7' }]);
  });

  it('should let the higher campus code win a tie when one term comes from two campuses', async () => {
    const w = writer('run-1');
    await w.write([student(1)], { campusCode: '1210', term: '4021', page: 1 }, hashOf([student(1)]));
    await w.write([student(1)], { campusCode: '1110', term: '4021', page: 1 }, hashOf([student(1)]));

    expect(stored(1).campus_code).toBe('1210');
    expect(history(1)).toHaveLength(2);
  });

  it('should reject bad records after the page is saved and store the rest when a page mixes them', async () => {
    const counts = await writer('run-1').write(
      [student(1), { studentnum: '' }, student(2, '1', { nationalcode: '1234567890' })],
      { campusCode: '1110', term: '4021', page: 3 },
      hashOf([student(1), { studentnum: '' }, student(2, '1', { nationalcode: '1234567890' })]),
    );

    expect(counts).toEqual({ fetched: 3, inserted: 1, updated: 0, unchanged: 0, rejected: 2, changes: [] });
    expect(rejects).toEqual([
      { key: '1110/4021 page 3 #2', code: 'missing_student_number', term: '4021' },
      { key: num(2), code: 'invalid_national_code', params: { value: '1234567890' }, table: 'students', term: '4021' },
    ]);
  });

  it('should soft-delete only students the run did not see and restore one that comes back', async () => {
    const first = writer('run-1');
    await first.write([student(1), student(2), student(3)], { campusCode: '1110', term: '4021', page: 1 }, hashOf([student(1), student(2), student(3)]));
    const repository = new StudentsRepository(new SqliteDb(db, false));
    const second = new StudentsPageWriter(repository, 'run-2', hooks);
    await second.write([student(1), student(3)], { campusCode: '1110', term: '4021', page: 1 }, hashOf([student(1), student(3)]));

    expect(await repository.softDeleteUnseen(['1110/4021/1'], 'run-2', 't2')).toEqual([num(2)]);
    expect(stored(2)).toMatchObject({ deleted_at: 't2', last_run_id: 'run-2' });

    expect(await writer('run-3').write([student(2)], { campusCode: '1110', term: '4012', page: 1 }, hashOf([student(2)]))).toMatchObject({ updated: 1 });
    expect(stored(2)).toMatchObject({ deleted_at: null, term: '4021' });
  });

  it('should count a page unchanged, mark its students seen and report its rejects again when the same body comes back', async () => {
    const items = [student(1), student(2), { studentnum: 'x' }];
    const source = { campusCode: '1110', term: '4021', page: 1 };
    await writer('run-1').write(items, source, hashOf(items));
    const before = db.prepare('SELECT * FROM students').all();
    rejects = [];
    const repository = new StudentsRepository(new SqliteDb(db, false));
    const again = new StudentsPageWriter(repository, 'run-2', hooks);

    const pages = await again.storedPages([source.term]);
    expect(again.knownPage(pages.get('1110/4021/1'), 'another body')).toBeNull();
    const known = again.knownPage(pages.get('1110/4021/1'), hashOf(items))!;
    expect(again.replay(known, source)).toEqual({ fetched: 3, inserted: 0, updated: 0, unchanged: 2, rejected: 1, changes: [] });
    expect(rejects).toEqual([{ key: 'x', code: 'invalid_student_number', params: { value: 'x' }, term: '4021' }]);
    expect(await repository.softDeleteUnseen(['1110/4021/1'], 'run-2', 't2')).toEqual([]);
    expect(db.prepare('SELECT * FROM students').all()).toEqual(before);
  });

  it('should list inserts, changed fields old → new (sensitive ones without values) and a restore when logging changes', async () => {
    const logging = (runId: string) => new StudentsPageWriter(new StudentsRepository(new SqliteDb(db, false)), runId, hooks, true);
    const source = { campusCode: '1110', term: '4021', page: 1 };
    const first = await logging('run-1').write([student(1), student(2)], source, hashOf([student(1), student(2)]));
    const moved = [student(1, '1', { familyname: 'نام تازه', phonenum: '09121234567' }), student(2)];
    const second = await logging('run-2').write(moved, source, hashOf(moved));
    db.prepare('UPDATE students SET deleted_at = ? WHERE student_number = ?').run('t3', num(2));
    const back = await logging('run-3').write([student(2)], { ...source, term: '4012' }, hashOf([student(2)]));

    expect(first.changes).toEqual([
      { kind: 'inserted', table: 'students', key: num(1) },
      { kind: 'inserted', table: 'students', key: num(2) },
    ]);
    expect(second.changes).toEqual([{ kind: 'updated', table: 'students', key: num(1), diff: { lastName: ['نام 1', 'نام تازه'], mobile: 0 } }]);
    expect(JSON.stringify(second.changes)).not.toContain('09121234567');
    expect(back.changes).toEqual([{ kind: 'updated', table: 'students', key: num(2), diff: { deletedAt: ['t3', null] } }]);
  });
});
