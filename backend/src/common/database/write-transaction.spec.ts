import Database from 'better-sqlite3';
import { runWriteTransaction } from './write-transaction';

describe('runWriteTransaction', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  });
  afterEach(() => db.close());

  const insertTwo = () => {
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    return insert.run('a').changes + insert.run('b').changes;
  };

  it('should store the work and answer its result when the run is real', () => {
    expect(runWriteTransaction(db, false, insertTwo)).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2 });
  });

  it('should answer the same result and store nothing when the run is dry', () => {
    expect(runWriteTransaction(db, true, insertTwo)).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
  });

  it('should roll back and rethrow when the work fails', () => {
    expect(() =>
      runWriteTransaction(db, false, () => {
        insertTwo();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
  });
});
