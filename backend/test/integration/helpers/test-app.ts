import { mkdtempSync, rmSync } from 'node:fs';
import type { SqlDb } from '../../../src/common/database/sql-db';
import { TypeOrmSqlDb } from '../../../src/common/database/typeorm-sql-db';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoggerService } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { FINAL_RUN_STATUSES, type SyncRun, type User, type UserRole } from '@hamgam/shared';
import { placeholders } from '../../../src/common/database/sql-db';
import { describeLogLine, isLogLine } from '../../../src/common/logging/log-fields';
import { loadConfig, type AppConfig } from '../../../src/config/config';
import { createApp } from '../../../src/create-app';
import type { SourceCatalog } from '../../../src/sync/source-catalog';
import { standInSeeds } from '../../../src/demo/stand-ins';
import type { SeedConnection } from '../../../src/sync/source-seeds';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from './test-database';

/** Collects every line the app logs, so tests can assert what never appears there. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, ...rest: unknown[]) {
    // A message with fields (`logLine`) reads as the text logger writes it: `text (key=value …)`.
    this.lines.push([message, ...rest].map((part) => (isLogLine(part) ? describeLogLine(part) : String(part))).join(' '));
  }
  error(message: unknown, ...rest: unknown[]) {
    this.log(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.log(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.log(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.log(message, ...rest);
  }
}

export type HttpClient = ReturnType<typeof request.agent>;

export const TEST_ADMIN = { username: 'admin', password: 'copper-kettle-test-1957' };

export type TestApp = {
  app: NestExpressApplication;
  /** Requests as the signed-in admin (created from ADMIN_USERNAME/ADMIN_PASSWORD at boot). */
  http: () => HttpClient;
  /** Requests as a user of that role, created (once per role) and signed in on first use. */
  as: (role: UserRole) => Promise<() => HttpClient>;
  /** Requests without a session. */
  anonymous: () => HttpClient;
  /** The admin's `Cookie` header, for raw HTTP clients (the SSE stream). */
  cookie: string;
  config: AppConfig;
  dataDir: string;
  /** The database this app runs on (`TEST_POSTGRES_URL` set: a throwaway PostgreSQL database). */
  dialect: 'sqlite' | 'postgres';
  /** Raw SQL on the app's own connection, written with `?` placeholders (numbered for PostgreSQL here). */
  query: <T = Record<string, unknown>>(sql: string, parameters?: unknown[]) => Promise<T[]>;
  /** The same connection as a `SqlDb` (`?` or `@name` placeholders, `run` answers the rows written), as the sources use. */
  sql: SqlDb;
  logger: CapturingLogger;
  close: (options?: { keepData?: boolean }) => Promise<void>;
};

// A PostgreSQL database outlives an app closed with `keepData`, for the next app started on the same folder.
const keptDatabases = new Map<string, TestDatabase>();

/**
 * The real app on a fresh SQLite file under a temp folder (or a throwaway PostgreSQL database, see test-database.ts); the compiled worker is forked for runs. `catalog`
 * replaces the registered sources; its worker then needs an entry that knows it (`env.WORKER_ENTRY`).
 */
export async function startTestApp(
  options: { env?: Record<string, string>; standIns?: Record<string, SeedConnection>; dataDir?: string; catalog?: SourceCatalog } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hamgam-int-'));
  const database = keptDatabases.get(dataDir) ?? (testPostgresUrl() ? await createTestDatabase() : null);
  keptDatabases.delete(dataDir);
  const config = loadConfig({
    PATH: process.env.PATH,
    DATA_DIR: dataDir,
    STAND_INS: 'false',
    KILL_GRACE_MS: '1500',
    STATIC_DIR: join(dataDir, 'no-ui'),
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const logger = new CapturingLogger();
  let app: NestExpressApplication;
  try {
    app = await createApp(config, standInSeeds(options.standIns ?? {}), logger, options.catalog);
    await app.init();
  } catch (error) {
    await database?.drop();
    throw error;
  }
  const server = app.getHttpServer();
  const client = (cookie?: string) => {
    const agent = request.agent(server);
    if (cookie) agent.set('Cookie', cookie);
    return agent;
  };
  const cookie = await signIn(server, TEST_ADMIN.username, TEST_ADMIN.password);
  const roleCookies = new Map<UserRole, string>([['admin', cookie]]);
  return {
    app,
    http: () => client(cookie),
    anonymous: () => client(),
    as: async (role) => {
      let roleCookie = roleCookies.get(role);
      if (!roleCookie) {
        const password = `${role}-test-password`;
        await client(cookie)
          .post('/api/users')
          .send({ username: `test-${role}`, displayName: `Test ${role}`, password, role })
          .expect(201);
        roleCookie = await signIn(server, `test-${role}`, password);
        roleCookies.set(role, roleCookie);
      }
      const saved = roleCookie;
      return () => client(saved);
    },
    cookie,
    config,
    dataDir,
    dialect: database ? 'postgres' : 'sqlite',
    query: async (sql, parameters) => {
      const dataSource = app.get(DataSource);
      return (await dataSource.query(placeholders(sql, dataSource), parameters)) as never;
    },
    sql: new TypeOrmSqlDb(app.get(DataSource)),
    logger,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      if (keepData) {
        if (database) keptDatabases.set(dataDir, database);
        return;
      }
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

/** Signs in and answers the `Cookie` header value of the session. */
export async function signIn(server: Parameters<typeof request>[0], username: string, password: string): Promise<string> {
  const response = await request(server).post('/api/auth/login').send({ username, password }).expect(200);
  const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = setCookie.find((line) => line.startsWith('hamgam_session='));
  if (!session) throw new Error('sign-in set no session cookie');
  expect((response.body as User).username).toBe(username);
  return session.split(';')[0];
}

const FINAL: readonly string[] = FINAL_RUN_STATUSES;

/** Polls the API until the run is final (no sleeps in assertions: the loop ends as soon as it is). */
export async function waitForRunEnd(t: TestApp, runId: string, timeoutMs = 30_000): Promise<SyncRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.http().get(`/api/runs/${runId}`).expect(200);
    const run = response.body as SyncRun;
    if (FINAL.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function triggerRun(t: TestApp, sourceId: string): Promise<SyncRun> {
  const response = await t.http().post(`/api/sources/${sourceId}/runs`).send({}).expect(202);
  return response.body as SyncRun;
}

/** A GET whose body is kept as bytes (exports): the response, with `body` a Buffer. */
export async function getBytes(http: HttpClient, path: string): Promise<Omit<request.Response, 'body'> & { body: Buffer }> {
  return (await http
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200)) as Omit<request.Response, 'body'> & { body: Buffer };
}
