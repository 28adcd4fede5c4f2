import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { connectPostgresAdmin, POSTGRES_SERVER } from './postgres-server';
import type { SyncRun } from '@hamgam/shared';
import { sharedDatabase, startReplica, waitUntil, type Replica, type SharedDatabase } from './replica-process';

const FAKE_LEGACY = join(__dirname, '../../fixtures/fake-legacy-sync.mjs');

/** Reads `GET /api/events` of a replica as a browser does, collecting each event's type and data. */
async function openEvents(replica: Replica): Promise<{ events: { type: string; data: unknown }[]; close: () => void }> {
  const abort = new AbortController();
  const response = await fetch(`${replica.base}/api/events`, { headers: { cookie: replica.cookie }, signal: abort.signal });
  expect(response.status).toBe(200);
  const events: { type: string; data: unknown }[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) events.push({ type, data: JSON.parse(data) as unknown });
        }
      }
    } catch {
      // Closed by the test.
    }
  })();
  return { events, close: () => abort.abort() };
}

/**
 * Two replicas relaying server events and cancels through PostgreSQL LISTEN/NOTIFY. In the PostgreSQL pass they run on
 * a throwaway database of their own, which carries the bus too (DATABASE_URL alone, as in production); in the SQLite
 * pass they share a SQLite file and relay through a throwaway PostgreSQL database named by REPLICA_BUS_URL.
 */
describe('two replicas with the PostgreSQL replica bus', () => {
  const busDatabase = `hamgam_h5_${randomBytes(4).toString('hex')}`;
  let admin: Client | null = null;
  let database: SharedDatabase;
  let dir: string;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hamgam-replica-events-'));
    database = await sharedDatabase(join(dir, 'data'));
    if (database.dialect === 'sqlite') {
      admin = await connectPostgresAdmin();
      await admin.query(`CREATE DATABASE ${busDatabase}`);
    }
    const commands = [
      { id: 'script-ok', executable: process.execPath, args: [FAKE_LEGACY], cwd: '.', countPattern: 'Total records: (\\d+)' },
      { id: 'script-hang', executable: process.execPath, args: [FAKE_LEGACY, '--hang'], cwd: '.', countPattern: 'Total records: (\\d+)' },
    ];
    writeFileSync(join(dir, 'commands.json'), JSON.stringify(commands));
    const env = {
      ...database.env,
      ...(admin ? { REPLICA_BUS_URL: `${POSTGRES_SERVER}/${busDatabase}` } : {}),
      COMMAND_SOURCES_FILE: join(dir, 'commands.json'),
      HAMGAM_SECRET_KEY: Buffer.alloc(32, 4).toString('base64'),
    };
    a = await startReplica('replica-a', env);
    b = await startReplica('replica-b', env);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${busDatabase} WITH (FORCE)`);
      await admin.end();
    }
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('should show a browser connected to one replica the events of a run started on the other', async () => {
    const stream = await openEvents(b);
    const started = await a.api<SyncRun>('POST', '/api/sources/script-ok/runs', {});
    expect(started.status).toBe(202);

    const finished = await waitUntil(
      async () => stream.events.find((event) => event.type === 'run.finished' && (event.data as { run: SyncRun }).run.id === started.body.id),
      15_000,
      'run.finished on the other replica',
    );
    stream.close();
    expect((finished.data as { run: SyncRun }).run).toMatchObject({ status: 'success', sourceId: 'script-ok' });
    const types = stream.events.filter((event) => (event.data as { run?: SyncRun }).run?.id === started.body.id).map((event) => event.type);
    expect(types[0]).toBe('run.created');
    expect(stream.events.some((event) => event.type === 'run.log' && (event.data as { runId: string }).runId === started.body.id)).toBe(true);
  });

  it('should carry a cancel asked on one replica to the owner', async () => {
    const run = (await a.api<SyncRun>('POST', '/api/sources/script-hang/runs', {})).body;
    await waitUntil(async () => (await a.api<SyncRun>('GET', `/api/runs/${run.id}`)).body.status === 'running' || undefined);

    expect((await b.api('POST', `/api/runs/${run.id}/cancel`)).status).toBe(202);

    const ended = await waitUntil(async () => {
      const current = (await b.api<SyncRun>('GET', `/api/runs/${run.id}`)).body;
      return current.status === 'running' ? undefined : current;
    }, 5000);
    expect(ended).toMatchObject({ status: 'cancelled', errorKind: 'cancelled', cancelledBy: 'admin' });
  });
});
