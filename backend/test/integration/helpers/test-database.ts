import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * `TEST_POSTGRES_URL` (a connection allowed to create databases, e.g. postgres://postgres@127.0.0.1:5432/postgres)
 * runs the integration tier on PostgreSQL: each test app gets a database of its own, created here and dropped when
 * the app closes. Unset: SQLite files, as always.
 */
export function testPostgresUrl(): string | null {
  return process.env.TEST_POSTGRES_URL?.trim() || null;
}

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> };

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testPostgresUrl()! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database (`TEST_POSTGRES_PREFIX` + random, `hamgam_test_` by default); its migrations run when the app boots. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const prefix = process.env.TEST_POSTGRES_PREFIX?.trim() || 'hamgam_test_';
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) throw new Error(`TEST_POSTGRES_PREFIX must be a lower-case SQL name; got "${prefix}"`);
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(testPostgresUrl()!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    // FORCE: a worker or pool connection still closing must not keep the database alive.
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
