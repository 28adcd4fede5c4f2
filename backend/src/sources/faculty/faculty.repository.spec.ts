import Database from 'better-sqlite3';
import { SqliteDb } from '../../common/database/sqlite-db';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QueryRunner } from 'typeorm';
import { hashFacultyFields, type CleanFacultyRecord } from './faculty.mapper';
import { FacultyRepository } from './faculty.repository';
import { CreateFacultyMembers1764000000100 } from './migrations/1764000000100-create-faculty-members';

type Row = {
  national_code: string;
  last_name: string;
  deleted_at: string | null;
  last_run_id: string | null;
  last_seen_run_id: string | null;
  created_at: string;
  updated_at: string;
};

function member(nationalCode: string, lastName = 'کریمی'): CleanFacultyRecord {
  const fields = {
    nationalCode,
    professorCode: null,
    firstName: 'علی',
    lastName,
    field: null,
    code: null,
    mobile: null,
    email: null,
    personnelId: null,
    campusCode: null,
    campusName: null,
    city: null,
    sex: null,
    scope: null,
    scopeId: null,
    provinceName: null,
    employState: null,
    employType: null,
    employTypeTitle: null,
    hireType: null,
    hireTypeTitle: null,
  };
  return { ...fields, hash: hashFacultyFields(fields) };
}

describe('FacultyRepository', () => {
  let dir: string;
  let db: Database.Database;
  let repository: FacultyRepository;
  const row = (code: string) => db.prepare('SELECT * FROM faculty_members WHERE national_code = ?').get(code) as Row;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-faculty-'));
    db = new Database(join(dir, 'test.sqlite'));
    const queryRunner = { query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner;
    await new CreateFacultyMembers1764000000100().up(queryRunner);
    repository = new FacultyRepository(new SqliteDb(db, false));
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should insert every record when the table is empty', async () => {
    expect(await repository.upsertBatch([member('1'), member('2'), member('3')], 'run-1', 't1')).toEqual({
      inserted: 3,
      updated: 0,
      unchanged: 0,
      changes: [],
    });
    expect(row('2')).toMatchObject({ created_at: 't1', updated_at: 't1', deleted_at: null, last_run_id: 'run-1', last_seen_run_id: 'run-1' });
  });

  it('should count unchanged and only mark them seen when the hash is the same', async () => {
    await repository.upsertBatch([member('1'), member('2')], 'run-1', 't1');

    expect(await repository.upsertBatch([member('1'), member('2')], 'run-2', 't2')).toEqual({ inserted: 0, updated: 0, unchanged: 2, changes: [] });
    expect(row('1')).toMatchObject({ updated_at: 't1', last_run_id: 'run-1', last_seen_run_id: 'run-2' });
  });

  it('should update the row when the hash differs', async () => {
    await repository.upsertBatch([member('1'), member('2')], 'run-1', 't1');

    expect(await repository.upsertBatch([member('1', 'رضایی'), member('2')], 'run-2', 't2')).toEqual({ inserted: 0, updated: 1, unchanged: 1, changes: [] });
    expect(row('1')).toMatchObject({ last_name: 'رضایی', created_at: 't1', updated_at: 't2', last_run_id: 'run-2', last_seen_run_id: 'run-2' });
  });

  it('should soft-delete only rows the run did not see when asked after a complete run', async () => {
    await repository.upsertBatch([member('1'), member('2'), member('3')], 'run-1', 't1');
    await repository.upsertBatch([member('1'), member('3')], 'run-2', 't2');

    expect(await repository.softDeleteUnseen('run-2', 't3')).toEqual({ deleted: 1, changes: [] });
    expect(row('2')).toMatchObject({ deleted_at: 't3', last_run_id: 'run-2' });
    expect(row('1').deleted_at).toBeNull();
    expect(await repository.countActive()).toBe(2);
    // Already deleted rows are not counted again.
    expect(await repository.softDeleteUnseen('run-2', 't4')).toEqual({ deleted: 0, changes: [] });
  });

  it('should restore a soft-deleted row as updated when it comes back unchanged', async () => {
    await repository.upsertBatch([member('1'), member('2')], 'run-1', 't1');
    await repository.upsertBatch([member('1')], 'run-2', 't2');
    await repository.softDeleteUnseen('run-2', 't2');

    expect(await repository.upsertBatch([member('1'), member('2')], 'run-3', 't3')).toEqual({ inserted: 0, updated: 1, unchanged: 1, changes: [] });
    expect(row('2')).toMatchObject({ deleted_at: null, last_run_id: 'run-3', last_seen_run_id: 'run-3' });
  });

  it('should write nothing when a record in the batch fails', async () => {
    const broken = { ...member('2'), hash: null } as unknown as CleanFacultyRecord;

    // (Not `rejects.toThrow()`: better-sqlite3's error comes from outside jest's realm and was missed now and then.)
    const outcome = await repository.upsertBatch([member('1'), broken], 'run-1', 't1').then(
      () => 'stored',
      (error: unknown) => String(error),
    );
    expect(outcome).toContain('NOT NULL constraint failed');
    expect(await repository.countActive()).toBe(0);
  });

  it('should list inserted keys, changed fields with old and new values, and deleted keys when logging changes', async () => {
    const logging = new FacultyRepository(new SqliteDb(db, false), { logChanges: true });
    const first = await logging.upsertBatch([member('1'), member('2')], 'run-1', 't1');
    const changed = { ...member('1', 'رضایی'), mobile: '09120000000' };
    const second = await logging.upsertBatch([{ ...changed, hash: hashFacultyFields(changed) }], 'run-2', 't2');
    const removed = await logging.softDeleteUnseen('run-2', 't2');

    expect(first.changes).toEqual([
      { kind: 'inserted', table: 'members', key: '1' },
      { kind: 'inserted', table: 'members', key: '2' },
    ]);
    // The mobile is sensitive: changed, without its values.
    expect(second.changes).toEqual([{ kind: 'updated', table: 'members', key: '1', diff: { lastName: ['کریمی', 'رضایی'], mobile: 0 } }]);
    expect(JSON.stringify(second.changes)).not.toContain('09120000000');
    expect(removed).toEqual({ deleted: 1, changes: [{ kind: 'deleted', table: 'members', key: '2' }] });
  });

  it('should drop the table when the migration is reverted', async () => {
    const queryRunner = { query: async (sql: string) => db.exec(sql) } as unknown as QueryRunner;
    await new CreateFacultyMembers1764000000100().down(queryRunner);

    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'faculty_members'`).get()).toBeUndefined();
  });
});
