// The integration tier on PostgreSQL: the same files as on SQLite (each test app gets a throwaway database, see
// backend/test/integration/helpers/test-database.ts) except those listed in postgres-pending.json, which
// backend/jest.config.js leaves out when TEST_POSTGRES_URL is set, printed here with their reasons on every run. `node scripts/integration-postgres.mjs [jest args]` runs it alone; scripts/test.mjs
// runs it after the SQLite pass.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const backend = join(root, 'backend');

/** The admin connection the tests create their databases with. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Files (relative to backend/) not yet run on PostgreSQL, each with why. */
export function pendingOnPostgres() {
  return Object.entries(JSON.parse(readFileSync(join(backend, 'test/integration/postgres-pending.json'), 'utf8')));
}

/** The jest arguments of the PostgreSQL pass (backend/jest.config.js leaves the pending files out when TEST_POSTGRES_URL is set). */
export function postgresJestArgs() {
  return ['--selectProjects', 'integration'];
}

/**
 * The environment of one PostgreSQL pass: its databases share a prefix of their own (`TEST_POSTGRES_PREFIX`, default
 * `hamgam_test_`, plus this run's id), so that `dropLeftovers` removes what a failed test left without touching
 * another run's.
 */
export function postgresPassEnv() {
  const base = process.env.TEST_POSTGRES_PREFIX?.trim() || 'hamgam_test_';
  return { TEST_POSTGRES_URL, TEST_POSTGRES_PREFIX: `${base}${randomBytes(3).toString('hex')}_` };
}

/** Drops every database named with this pass's prefix (a test that failed before closing its app leaves one). */
export async function dropLeftovers(prefix) {
  const { Client } = createRequire(join(backend, 'package.json'))('pg');
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    if (rows.length > 0) console.log(`dropped ${rows.length} database(s) left by failed tests (${prefix}*)`);
  } finally {
    await client.end();
  }
}

/** Whether the server answers; the reason when it does not. */
export async function checkPostgres(url = TEST_POSTGRES_URL) {
  const { Client } = createRequire(join(backend, 'package.json'))('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int AS version`);
    if (rows[0].version < 150000) return { ok: false, reason: `PostgreSQL ${rows[0].version} at ${url} is older than 15` };
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      reason: `no PostgreSQL at ${url} (${error.message}); start it (pg_ctlcluster --skip-systemctl-redirect 15 main start) or set TEST_POSTGRES_URL`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function printPending() {
  const pending = pendingOnPostgres();
  console.log(`\nNot yet on PostgreSQL (${pending.length} files, run on SQLite only):`);
  for (const [file, reason] of pending) console.log(`  - ${file}: ${reason}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = await checkPostgres();
  if (!check.ok) {
    console.error(check.reason);
    process.exit(1);
  }
  printPending();
  const env = postgresPassEnv();
  const result = spawnSync('npx', ['jest', ...postgresJestArgs(), ...process.argv.slice(2)], {
    cwd: backend,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  await dropLeftovers(env.TEST_POSTGRES_PREFIX);
  process.exit(result.status ?? 1);
}
