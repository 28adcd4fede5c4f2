import { DataSource } from 'typeorm';
import { openWorkerDb } from '../../../src/common/database/open-worker-db';
import type { SqlConnection } from '../../../src/common/database/sql-db';
import { CreateStudents1764000000200 } from '../../../src/sources/students/migrations/1764000000200-create-students';
import { StudentsPageWriter, type PageCounts } from '../../../src/sources/students/students.page-writer';
import { StudentsRepository } from '../../../src/sources/students/students.repository';
import { BOTH_DATABASES, createTestDatabase, type TestDatabase } from '../helpers/both-databases';

const STUDENTS = 400;
const number = (i: number) => `40111${String(i).padStart(5, '0')}`;
const item = (i: number, term: string) => ({
  studentnum: number(i),
  firstname: 'علی',
  familyname: `نام ${term} ${i}`,
  codvaziayat: '1',
  vazeiyat: 'در حال تحصیل',
});
const sum = (all: PageCounts[], key: 'inserted' | 'updated' | 'unchanged') => all.reduce((total, counts) => total + counts[key], 0);

/**
 * The students' page writer as a worker runs it: pages of four calls at once on one connection. On PostgreSQL a page is
 * decided while the one before is still being written; each page must still see what the pages before it decided.
 */
describe.each(BOTH_DATABASES)('students pages written side by side on %s', (name) => {
  let db: SqlConnection;
  let database: TestDatabase | null = null;

  beforeAll(async () => {
    database = await createTestDatabase(name, 'hamgam_sp_');
    const dataSource = database.databaseUrl
      ? new DataSource({ type: 'postgres', url: database.databaseUrl })
      : new DataSource({ type: 'better-sqlite3', database: database.databasePath });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    await new CreateStudents1764000000200().up(runner);
    await runner.release();
    await dataSource.destroy();
    db = await openWorkerDb(database);
  });

  afterAll(async () => {
    await db?.close();
    await database?.remove();
  });

  beforeEach(async () => {
    for (const table of ['students', 'student_terms', 'student_pages']) await db.run(`DELETE FROM ${table}`);
  });

  /** Writes every student in each term, a page of 100 at a time, all pages at once in the order of `terms`. */
  const writeTerms = async (terms: string[], isDryRun = false) => {
    const writer = new StudentsPageWriter(
      new StudentsRepository(db, isDryRun),
      '7',
      { reject: () => undefined, warn: () => undefined, repaired: () => undefined },
      true,
    );
    const pages = terms.flatMap((term) =>
      Array.from({ length: STUDENTS / 100 }, (_, page) => ({ term, page: page + 1, items: Array.from({ length: 100 }, (_, i) => item(page * 100 + i, term)) })),
    );
    return Promise.all(pages.map(({ term, page, items }) => writer.write(items, { campusCode: '10', term, page }, `${term}-${page}`)));
  };
  const stored = async () => db.all<{ term: string; last_name: string }>('SELECT term, last_name FROM students ORDER BY student_number');

  it('should insert each student once and update them in each later term when the terms come oldest first', async () => {
    const counts = await writeTerms(['4011', '4012', '4021']);

    expect({ inserted: sum(counts, 'inserted'), updated: sum(counts, 'updated'), unchanged: sum(counts, 'unchanged') }).toEqual({
      inserted: STUDENTS,
      updated: 2 * STUDENTS,
      unchanged: 0,
    });
    const rows = await stored();
    expect(rows).toHaveLength(STUDENTS);
    expect(rows.every((row) => row.term === '4021')).toBe(true);
    // Each update's old values are those the page before it decided, even when that page was not yet committed.
    const updates = counts.flatMap((page) => page.changes).filter((change) => change.kind === 'updated');
    const terms = updates.map((change) => change.diff?.term).map((term) => (Array.isArray(term) ? `${term[0]} → ${term[1]}` : String(term)));
    expect(new Set(terms)).toEqual(new Set(['4011 → 4012', '4012 → 4021']));
    expect(terms.filter((term) => term === '4011 → 4012')).toHaveLength(STUDENTS);
  });

  it('should count the older terms unchanged when the latest comes first', async () => {
    const counts = await writeTerms(['4021', '4011', '4012']);

    expect({ inserted: sum(counts, 'inserted'), updated: sum(counts, 'updated'), unchanged: sum(counts, 'unchanged') }).toEqual({
      inserted: STUDENTS,
      updated: 0,
      unchanged: 2 * STUDENTS,
    });
    expect((await stored()).every((row) => row.term === '4021')).toBe(true);
    const history = await db.get<{ count: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS count FROM student_terms');
    expect(history!.count).toBe(3 * STUDENTS);
  });

  it('should store nothing in a dry run and count each page as if it were the only one', async () => {
    const counts = await writeTerms(['4011', '4021'], true);

    expect(sum(counts, 'inserted')).toBe(2 * STUDENTS);
    expect(await stored()).toEqual([]);
  });
});
