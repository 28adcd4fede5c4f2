import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { connectPostgresAdmin, POSTGRES_SERVER } from './postgres-server';
import { startReplica, type Replica } from './replica-process';

type Fresh = {
  env: (dataDir: string) => Record<string, string>;
  migrations: () => Promise<string[]>;
  tables: () => Promise<string[]>;
  drop: () => Promise<void>;
};

// Its own throwaway database in every pass (PostgreSQL) and a fresh file (SQLite): the first boot is the point.
const prefix = process.env.TEST_POSTGRES_PREFIX?.trim() || 'hamgam_test_';
const pgDatabase = `${prefix}boot_${randomBytes(4).toString('hex')}`;

const databases: [string, (dir: string) => Promise<Fresh>][] = [
  [
    'SQLite',
    async (dir) => ({
      env: (dataDir) => ({ DATA_DIR: dataDir }),
      migrations: async () => {
        const db = new Database(join(dir, 'data', 'hamgam.sqlite'), { readonly: true });
        try {
          return (db.prepare(`SELECT name FROM migrations ORDER BY id`).all() as { name: string }[]).map((row) => row.name);
        } finally {
          db.close();
        }
      },
      tables: async () => {
        const db = new Database(join(dir, 'data', 'hamgam.sqlite'), { readonly: true });
        try {
          return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((row) => row.name);
        } finally {
          db.close();
        }
      },
      drop: async () => undefined,
    }),
  ],
  [
    'PostgreSQL',
    async () => {
      const admin = await connectPostgresAdmin();
      await admin.query(`CREATE DATABASE ${pgDatabase}`);
      await admin.end();
      const url = `${POSTGRES_SERVER}/${pgDatabase}`;
      const names = async (sql: string) => {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query<{ name: string }>(sql)).rows.map((row) => row.name);
        } finally {
          await client.end();
        }
      };
      return {
        env: (dataDir) => ({ DATA_DIR: dataDir, DATABASE_URL: url }),
        migrations: () => names(`SELECT name FROM migrations ORDER BY id`),
        tables: () => names(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`),
        drop: async () => {
          const dropper = await connectPostgresAdmin();
          await dropper.query(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
          await dropper.end();
        },
      };
    },
  ],
];

/** Two replicas started at the same moment on an empty database: one runs the migrations, the other waits for it. */
describe.each(databases)('two replicas booting at once on a fresh %s database', (_name, open) => {
  let dir: string;
  let fresh: Fresh;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-first-boot-'));
    fresh = await open(dir);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await fresh?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should bring both up healthy with each migration run once', async () => {
    const env = { ...fresh.env(join(dir, 'data')), HAMGAM_SECRET_KEY: Buffer.alloc(32, 4).toString('base64') };
    const started = await Promise.allSettled([startReplica('boot-a', env), startReplica('boot-b', env)]);
    replicas = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'up'))).toEqual(['up', 'up']);

    for (const replica of replicas) expect((await replica.api('GET', '/api/health/ready')).status).toBe(200);
    const names = await fresh.migrations();
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    // The unused relay table is gone (DropEventRelay1765500001300); the claim tables beside it stay.
    const tables = await fresh.tables();
    expect(tables).toEqual(expect.arrayContaining(['schedule_claims', 'job_claims']));
    expect(tables).not.toContain('event_relay');
    // One of the two ran them; the other found none pending.
    const ran = replicas.filter((replica) => replica.lines.some((line) => /ran \d+ migration\(s\)/.test(line)));
    expect(ran.map((replica) => replica.id)).toHaveLength(1);
  }, 60_000);
});
