import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectPostgresAdmin, POSTGRES_SERVER } from '../replicas/postgres-server';

/** The two databases a file that runs on both names in `describe.each`. */
export const BOTH_DATABASES = ['SQLite', 'PostgreSQL'] as const;
export type TestDatabaseName = (typeof BOTH_DATABASES)[number];

/** Where a worker connection (`openWorkerDb`) or a DataSource finds a fresh database, and how to remove it after. */
export type TestDatabase = { databasePath: string; databaseUrl: string | null; remove(): Promise<void> };

/**
 * A fresh, empty database for a test on `name`: a SQLite file in a temporary folder, or a throwaway PostgreSQL
 * database (`prefix` + random hex) on the machine's server, dropped by `remove` even while connections remain.
 */
export async function createTestDatabase(name: TestDatabaseName, prefix: string): Promise<TestDatabase> {
  if (name === 'SQLite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix.replace(/_/g, '-')}`));
    const databasePath = join(dir, 'test.sqlite');
    writeFileSync(databasePath, '');
    return { databasePath, databaseUrl: null, remove: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const database = `${prefix}${randomBytes(4).toString('hex')}`;
  const admin = await connectPostgresAdmin();
  await admin.query(`CREATE DATABASE ${database}`);
  return {
    databasePath: '',
    databaseUrl: `${POSTGRES_SERVER}/${database}`,
    remove: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
}
