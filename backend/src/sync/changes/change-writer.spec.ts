import Database from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { RunChanges1765500000100 } from '../../database/migrations/1765500000100-run-changes';
import { SqliteDb } from '../../common/database/sqlite-db';
import { createChangeWriter, SqlChangeWriter } from './change-writer';

describe('SqlChangeWriter', () => {
  let db: Database.Database;
  let sql: SqliteDb;

  beforeEach(async () => {
    db = new Database(':memory:');
    const queryRunner = { query: async (sql: string) => db.exec(sql), connection: { options: { type: 'better-sqlite3' } } } as unknown as QueryRunner;
    await new RunChanges1765500000100().up(queryRunner);
    sql = new SqliteDb(db);
  });

  afterEach(() => db.close());

  const rows = () => db.prepare('SELECT run_id, seq, kind, table_id, record_key, diff FROM run_changes ORDER BY run_id, seq').all();

  it('should number changes across writes, keep a diff only for updates and give each source table one id', async () => {
    const first = new SqlChangeWriter(sql, 1, 'faculty');
    await first.write([{ kind: 'inserted', table: 'members', key: 'a', diff: { x: ['1', '2'] } }]);
    await first.write([
      { kind: 'updated', table: 'members', key: 'a', diff: { lastName: ['x', 'y'], mobile: 0 } },
      { kind: 'deleted', table: 'members', key: 'b' },
    ]);
    await new SqlChangeWriter(sql, 2, 'faculty').write([{ kind: 'inserted', table: 'members', key: 'c' }]);
    await new SqlChangeWriter(sql, 3, 'students').write([{ kind: 'inserted', table: 'members', key: 'd' }]);

    expect(rows()).toEqual([
      { run_id: 1, seq: 1, kind: 1, table_id: 1, record_key: 'a', diff: null },
      { run_id: 1, seq: 2, kind: 2, table_id: 1, record_key: 'a', diff: '{"lastName":["x","y"],"mobile":0}' },
      { run_id: 1, seq: 3, kind: 3, table_id: 1, record_key: 'b', diff: null },
      { run_id: 2, seq: 1, kind: 1, table_id: 1, record_key: 'c', diff: null },
      { run_id: 3, seq: 1, kind: 1, table_id: 2, record_key: 'd', diff: null },
    ]);
  });

  it('should go on after the last change a run already has (a second writer of the same run)', async () => {
    await new SqlChangeWriter(sql, 1, 'faculty').write([{ kind: 'inserted', table: 'members', key: 'a' }]);
    await new SqlChangeWriter(sql, 1, 'faculty').write([{ kind: 'inserted', table: 'members', key: 'b' }]);

    expect(rows()).toMatchObject([{ seq: 1 }, { seq: 2 }]);
  });

  it('should write nothing when the change log is turned off for the benchmark', async () => {
    const writer = createChangeWriter(sql, '1', 'faculty', { HAMGAM_CHANGE_LOG: 'off' });
    await writer.write([{ kind: 'inserted', table: 'members', key: 'a' }]);

    expect(writer.isEnabled).toBe(false);
    expect(rows()).toEqual([]);
    expect(createChangeWriter(sql, '1', 'faculty', {}).isEnabled).toBe(true);
  });
});
