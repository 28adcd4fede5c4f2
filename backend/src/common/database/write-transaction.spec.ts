import Database from 'better-sqlite3';
import { SqliteDb } from './sqlite-db';
import type { SqlDb } from './sql-db';
import { runWriteTransaction } from './write-transaction';

describe('runWriteTransaction', () => {
  let db: SqliteDb;
  beforeEach(() => {
    db = new SqliteDb(new Database(':memory:'));
    db.handle.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  });
  afterEach(() => db.close());

  const insertTwo = async (tx: SqlDb) => {
    const insert = 'INSERT INTO t (name) VALUES (?)';
    return (await tx.run(insert, ['a'])).changes + (await tx.run(insert, ['b'])).changes;
  };
  const count = () => db.handle.prepare('SELECT COUNT(*) AS n FROM t').get();

  it('should store the work and answer its result when the run is real', async () => {
    expect(await runWriteTransaction(db, false, insertTwo)).toBe(2);
    expect(count()).toEqual({ n: 2 });
  });

  it('should answer the same result and store nothing when the run is dry', async () => {
    expect(await runWriteTransaction(db, true, insertTwo)).toBe(2);
    expect(count()).toEqual({ n: 0 });
  });

  it('should roll back and rethrow when the work fails', async () => {
    await expect(
      runWriteTransaction(db, false, async (tx) => {
        await insertTwo(tx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(count()).toEqual({ n: 0 });
    // The connection is usable again: the failed transaction is closed.
    expect(await runWriteTransaction(db, false, insertTwo)).toBe(2);
  });
});
