import Database from 'better-sqlite3';
import { SqliteDb } from './sqlite-db';

describe('one transaction at a time on a connection', () => {
  let db: SqliteDb;
  beforeEach(() => {
    db = new SqliteDb(new Database(':memory:'));
    db.handle.exec('CREATE TABLE t (name TEXT)');
  });
  afterEach(() => db.close());

  const names = () => (db.handle.prepare('SELECT name FROM t ORDER BY rowid').all() as { name: string }[]).map((row) => row.name);
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('should keep a statement sent meanwhile out of a transaction that is rolled back', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const dry = db.transaction(
      async (tx) => {
        await tx.run('INSERT INTO t (name) VALUES (?)', ['in the batch']);
        await paused;
      },
      { rollback: true },
    );
    await tick();
    // Another caller (a second page, the change log) writes while the batch is open: it waits, then is stored.
    const other = db.run('INSERT INTO t (name) VALUES (?)', ['from elsewhere']);
    await tick();
    expect(names()).toEqual(['in the batch']);
    release();
    await dry;
    await other;

    expect(names()).toEqual(['from elsewhere']);
  });

  it('should run transactions one after the other and refuse one opened inside another', async () => {
    const order: string[] = [];
    const first = db.transaction(async (tx) => {
      order.push('first begins');
      await tick();
      await tx.run('INSERT INTO t (name) VALUES (?)', ['first']);
      order.push('first ends');
    });
    const second = db.transaction(async (tx) => {
      order.push('second begins');
      await tx.run('INSERT INTO t (name) VALUES (?)', ['second']);
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first begins', 'first ends', 'second begins']);
    await expect(db.transaction(() => db.transaction(() => Promise.resolve(1)))).rejects.toThrow('already open');
    expect(names()).toEqual(['first', 'second']);
  });
});
