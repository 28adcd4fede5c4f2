import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openWorkerDb } from '../../../src/common/database/open-worker-db';
import type { SqlConnection } from '../../../src/common/database/sql-db';
import { createTestDatabase, testPostgresUrl } from '../helpers/test-database';

const MAIN = join(__dirname, '../../../dist/main.js');
export const REPLICA_ADMIN = { username: 'admin', password: 'tangerine-ledger-4471' };

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The database the replicas share, as the environment that names it: a SQLite file under `dataDir` (both replicas
 * get the same DATA_DIR), or PostgreSQL when `REPLICAS_TEST_DATABASE_URL` names a throwaway database.
 */
export function sharedDatabaseEnv(dataDir: string): Record<string, string> {
  const url = process.env.REPLICAS_TEST_DATABASE_URL?.trim();
  return url ? { DATA_DIR: dataDir, DATABASE_URL: url } : { DATA_DIR: dataDir };
}

export type SharedDatabase = {
  dialect: 'sqlite' | 'postgres';
  /** DATA_DIR, and DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  /** A connection of the test's own to the same database (close it). */
  open: () => Promise<SqlConnection>;
  drop: () => Promise<void>;
};

/**
 * The database of one replicas test, in the dialect of the pass: in the PostgreSQL pass (`TEST_POSTGRES_URL`) a
 * throwaway database of its own, dropped after; else the one `REPLICAS_TEST_DATABASE_URL` names, or a SQLite file
 * under `dataDir`. So each pass runs the replicas tests once, on its own database.
 */
export async function sharedDatabase(dataDir: string): Promise<SharedDatabase> {
  const created = testPostgresUrl() ? await createTestDatabase() : null;
  const env = created ? { DATA_DIR: dataDir, DATABASE_URL: created.url } : sharedDatabaseEnv(dataDir);
  return {
    dialect: env.DATABASE_URL ? 'postgres' : 'sqlite',
    env,
    open: () => openWorkerDb({ databasePath: join(dataDir, 'hamgam.sqlite'), databaseUrl: env.DATABASE_URL ?? null }),
    drop: async () => {
      await created?.drop();
    },
  };
}

export type Replica = {
  id: string;
  base: string;
  child: ChildProcess;
  /** The signed-in admin's session cookie. */
  cookie: string;
  lines: string[];
  /** A JSON request as the signed-in admin; answers status and body. */
  api: <T = unknown>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

/** `node backend/dist/main.js` as a replica named `id`, signed in as the first admin. */
export async function startReplica(id: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      STAND_INS: 'false',
      ADMIN_USERNAME: REPLICA_ADMIN.username,
      ADMIN_PASSWORD: REPLICA_ADMIN.password,
      REPLICA_ID: id,
      KILL_GRACE_MS: '1500',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`replica ${id} exited (${code ?? signal}) before listening:\n${lines.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (line.includes('panel and API on')) resolve();
    });
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
  });
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(REPLICA_ADMIN),
  });
  if (login.status !== 200) throw new Error(`replica ${id}: sign-in answered ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return {
    id,
    base,
    child,
    cookie,
    lines,
    api: async <T>(method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, what = 'a condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
