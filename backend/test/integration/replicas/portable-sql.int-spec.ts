import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { connectPostgresAdmin, POSTGRES_SERVER } from './postgres-server';
import { DataSource } from 'typeorm';
import { DatabaseFailureStore } from '../../../src/auth/database-failure-store';
import { claimDailyJob, claimScheduleSlot, dropOldClaims } from '../../../src/common/database/claims';
import { Replicas1765500000900 } from '../../../src/database/migrations/1765500000900-replicas';

const pgDatabase = `hamgam_h5_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(join(tmpdir(), 'hamgam-portable-'));

/** The replicas' claim rows and shared sign-in counts, with the same statements, on SQLite and on PostgreSQL. */
describe.each([
  ['SQLite', () => new DataSource({ type: 'better-sqlite3', database: join(dir, 'claims.sqlite') })],
  ['PostgreSQL', () => new DataSource({ type: 'postgres', url: `${POSTGRES_SERVER}/${pgDatabase}` })],
])('replica coordination on %s', (_name, open) => {
  let dataSource: DataSource;
  let admin: Client | null = null;

  beforeAll(async () => {
    if (_name === 'PostgreSQL') {
      admin = await connectPostgresAdmin();
      await admin.query(`CREATE DATABASE ${pgDatabase}`);
    }
    dataSource = await open().initialize();
    // The migration's one prerequisite: the runs table it adds columns to.
    await dataSource.query('CREATE TABLE data_syncs (id INTEGER PRIMARY KEY)');
    const runner = dataSource.createQueryRunner();
    await new Replicas1765500000900().up(runner);
    await runner.release();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`);
      await admin.end();
    } else {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should give a due slot to the first replica only, and let the winner claim it again', async () => {
    const due = new Date('2026-12-06T03:00:00.000Z');
    const results = await Promise.all(['a', 'b', 'c'].map((replica) => claimScheduleSlot(dataSource, 'faculty', due, replica)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = ['a', 'b', 'c'][results.indexOf(true)];
    expect(await claimScheduleSlot(dataSource, 'faculty', due, winner)).toBe(true);
    expect(await claimScheduleSlot(dataSource, 'faculty', due, winner === 'a' ? 'b' : 'a')).toBe(false);
    // Another source, another slot: their own claims.
    expect(await claimScheduleSlot(dataSource, 'students', due, 'b')).toBe(true);
    expect(await claimScheduleSlot(dataSource, 'faculty', new Date(due.getTime() + 2000), 'c')).toBe(true);
  });

  it('should run a daily job once a day across replicas, and forget old claims', async () => {
    expect(await claimDailyJob(dataSource, 'history-retention', '2026-12-06', 'a')).toBe(true);
    expect(await claimDailyJob(dataSource, 'history-retention', '2026-12-06', 'b')).toBe(false);
    expect(await claimDailyJob(dataSource, 'history-retention', '2026-12-06', 'a')).toBe(false);
    expect(await claimDailyJob(dataSource, 'history-retention', '2026-12-07', 'b')).toBe(true);
    await dropOldClaims(dataSource, new Date('2026-12-07T00:00:00.000Z'));
    expect(await claimDailyJob(dataSource, 'history-retention', '2026-12-06', 'b')).toBe(true);
    expect(await claimDailyJob(dataSource, 'history-retention', '2026-12-07', 'a')).toBe(false);
  });

  it('should count sign-in failures of every replica together, in windows that start again when they end', async () => {
    const replicaA = new DatabaseFailureStore(dataSource, 60_000);
    const replicaB = new DatabaseFailureStore(dataSource, 60_000);
    const t0 = Date.parse('2026-12-06T08:00:00.000Z');
    expect(await replicaA.add('username', 'admin', t0)).toBe(1);
    expect(await replicaB.add('username', 'admin', t0 + 10)).toBe(2);
    const counts = await Promise.all([1, 2, 3, 4].map((i) => (i % 2 ? replicaA : replicaB).add('username', 'admin', t0 + 20 + i)));
    expect([...counts].sort()).toEqual([3, 4, 5, 6]);
    expect(await replicaB.get('username', 'admin', t0 + 100)).toEqual({ failures: 6, expiresAt: t0 + 60_000 });
    expect(await replicaA.get('address', 'admin', t0 + 100)).toBeNull();
    // The window ended: gone for reads, and the next failure starts a new one.
    expect(await replicaA.get('username', 'admin', t0 + 60_000)).toBeNull();
    expect(await replicaB.add('username', 'admin', t0 + 61_000)).toBe(1);
    await replicaA.delete('username', 'admin');
    expect(await replicaB.get('username', 'admin', t0 + 61_001)).toBeNull();
  });
});
