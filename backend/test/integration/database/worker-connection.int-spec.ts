import { insertRows } from '../../../src/common/database/insert-rows';
import { openWorkerDb } from '../../../src/common/database/open-worker-db';
import type { SqlConnection } from '../../../src/common/database/sql-db';
import { inKeyList, keyList } from '../../../src/common/database/sql-dialect';
import { BOTH_DATABASES, createTestDatabase, type TestDatabase } from '../helpers/both-databases';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A worker's own connection (`openWorkerDb`) on each database: the same SQL, the same answers. */
describe.each(BOTH_DATABASES)('a worker connection on %s', (name) => {
  let db: SqlConnection;
  let database: TestDatabase | null = null;

  beforeAll(async () => {
    database = await createTestDatabase(name, 'hamgam_wc_');
    db = await openWorkerDb(database);
    await db.run('CREATE TABLE items (key TEXT PRIMARY KEY, name TEXT NOT NULL, seen TEXT)');
  });

  afterAll(async () => {
    await db?.close();
    await database?.remove();
  });

  beforeEach(() => db.run('DELETE FROM items'));
  const names = async () => (await db.all<{ name: string }>('SELECT name FROM items ORDER BY key')).map((row) => row.name);

  it('should upsert many rows in one call and find them again by a key list of any length', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`k${String(i).padStart(5, '0')}`, `name ${i}`, null]);
    expect(await db.transaction((tx) => insertRows(tx, 'items', ['key', 'name', 'seen'], rows))).toBe(2500);
    const changed = rows.slice(0, 3).map(([key]) => [key, 'renamed', 'run-2']);
    await db.transaction((tx) =>
      insertRows(tx, 'items', ['key', 'name', 'seen'], changed, 'ON CONFLICT (key) DO UPDATE SET name = excluded.name, seen = excluded.seen'),
    );

    const keys = ['k00000', 'k00002', 'k02499', 'missing'];
    const found = await db.all<{ key: string; name: string }>(`SELECT key, name FROM items WHERE ${inKeyList(db.dialect, 'key')} ORDER BY key`, [
      keyList(db.dialect, keys),
    ]);
    expect(found).toEqual([
      { key: 'k00000', name: 'renamed' },
      { key: 'k00002', name: 'renamed' },
      { key: 'k02499', name: 'name 2499' },
    ]);
    expect((await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM items WHERE seen = @seen', { seen: 'run-2' }))!.n).toBe(3);
  });

  it('should keep a statement sent meanwhile out of a batch that a dry run rolls back', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const dryBatch = db.transaction(
      async (tx) => {
        await tx.run('INSERT INTO items (key, name) VALUES (?, ?)', ['a', 'in the batch']);
        await paused;
      },
      { rollback: true },
    );
    await tick();
    // Another page's write, while the batch is open: it waits for the batch, then is stored.
    const other = db.run('INSERT INTO items (key, name) VALUES (?, ?)', ['b', 'from elsewhere']);
    await tick();
    release();
    await Promise.all([dryBatch, other]);

    expect(await names()).toEqual(['from elsewhere']);
  });

  it('should answer statements sent all at once, each with its own rows', async () => {
    await db.transaction((tx) =>
      insertRows(
        tx,
        'items',
        ['key', 'name', 'seen'],
        [
          ['x', 'ex', null],
          ['y', 'why', null],
        ],
      ),
    );
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => db.get<{ name: string }>('SELECT name FROM items WHERE key = ?', [i % 2 ? 'x' : 'y'])),
    );
    expect(answers.map((row) => row!.name)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 'ex' : 'why')));
  });

  it('should store all of a batch or none of it, and answer the error of the statement that failed', async () => {
    const insert = 'INSERT INTO items (key, name) VALUES (?, ?)';
    expect(
      await db.batch([
        { sql: insert, params: ['a', 'one'] },
        { sql: "UPDATE items SET name = 'uno' WHERE key = ?", params: ['a'] },
      ]),
    ).toEqual([1, 1]);

    const failed = await db
      .batch([
        { sql: insert, params: ['b', 'two'] },
        { sql: insert, params: ['c', null] },
        { sql: insert, params: ['d', 'four'] },
      ])
      .then(
        () => 'stored',
        (error: unknown) => String(error),
      );
    expect(failed).toMatch(/NOT NULL|not-null/i);
    expect(await names()).toEqual(['uno']);

    expect(await db.batch([{ sql: insert, params: ['e', 'five'] }], { rollback: true })).toEqual([1]);
    // The connection goes on: a statement sent right behind a batch runs after it.
    const behind = db.batch([{ sql: insert, params: ['f', 'six'] }]);
    const read = db.all<{ name: string }>('SELECT name FROM items ORDER BY key');
    await behind;
    expect((await read).map((row) => row.name)).toEqual(['uno', 'six']);
  });
});
