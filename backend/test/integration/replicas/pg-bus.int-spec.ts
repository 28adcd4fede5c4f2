import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { connectPostgresAdmin, POSTGRES_SERVER } from './postgres-server';
import type { ServerEvent, SyncRun } from '@hamgam/shared';
import { PgNotifyBus } from '../../../src/common/replicas/pg-notify-bus';
import { relayedEvent } from '../../../src/sync/events/event-relay';
import { SyncEventsService } from '../../../src/sync/events/sync-events.service';
import { waitUntil } from './replica-process';

/** The replica bus on the machine's real PostgreSQL, in a throwaway database: two replicas' buses in one test. */
describe('the PostgreSQL replica bus (LISTEN/NOTIFY)', () => {
  const database = `hamgam_h5_${randomBytes(4).toString('hex')}`;
  const url = `${POSTGRES_SERVER}/${database}`;
  let admin: Client;
  const buses: PgNotifyBus[] = [];
  const services: SyncEventsService[] = [];

  const replica = async (id: string) => {
    const bus = new PgNotifyBus(url, id);
    const events = new SyncEventsService(bus);
    await events.onModuleInit();
    buses.push(bus);
    services.push(events);
    return events;
  };

  beforeAll(async () => {
    admin = await connectPostgresAdmin();
    await admin.query(`CREATE DATABASE ${database}`);
  });

  afterAll(async () => {
    await Promise.all(services.map((events) => events.onApplicationShutdown()));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  const run = (id: string, errorMessage: string | null = null) => ({ id, sourceId: 'faculty', status: 'running', errorMessage }) as unknown as SyncRun;

  it("should relay one replica's events to the other's browsers, not back to itself, and not to its own services", async () => {
    const a = await replica('replica-a');
    const b = await replica('replica-b');
    const seenByB: ServerEvent[] = [];
    const seenByA: ServerEvent[] = [];
    const ownOfB: ServerEvent[] = [];
    b.everyReplica().subscribe((event) => seenByB.push(event));
    b.stream().subscribe((event) => ownOfB.push(event));
    a.everyReplica().subscribe((event) => seenByA.push(event));

    a.emit({ type: 'run.progress', run: run('7') });
    a.emit({ type: 'run.log', runId: '7', line: { seq: 1, at: '2026-12-06T00:00:00.000Z', level: 'info', message: 'page 1' } });

    await waitUntil(async () => seenByB.length >= 2 || undefined, 5000, 'the relayed events');
    expect(seenByB.map((event) => event.type)).toEqual(['run.progress', 'run.log']);
    expect(seenByB[0]).toEqual({ type: 'run.progress', run: run('7') });
    // B's scheduler and alerts react to B's own runs only; A saw its events once (in process).
    expect(ownOfB).toEqual([]);
    expect(seenByA).toHaveLength(2);
  });

  it('should send an event too large for NOTIFY by reference, which the receiver reads back', async () => {
    const a = await replica('replica-c');
    const b = await replica('replica-d');
    const stored = run('42', 'خطا '.repeat(3000));
    b.setResolver(async (relayed) => ('runId' in relayed.ref && relayed.ref.runId === '42' ? { type: relayed.ref.type, run: stored } : null));
    const seen: ServerEvent[] = [];
    b.everyReplica().subscribe((event) => seen.push(event));

    a.emit({ type: 'run.finished', run: stored });
    a.emit({ type: 'run.log', runId: '42', line: { seq: 2, at: '2026-12-06T00:00:00.000Z', level: 'error', message: 'ی'.repeat(7000) } });

    await waitUntil(async () => seen.length >= 2 || undefined, 5000, 'the large events');
    expect(seen[0]).toEqual({ type: 'run.finished', run: stored });
    const line = seen[1].type === 'run.log' ? seen[1].line.message : '';
    expect(Array.from(line)).toHaveLength(1001);
    expect(line.endsWith('…')).toBe(true);
  });

  it('should refuse to publish a body over the NOTIFY limit rather than lose it silently', async () => {
    const bus = new PgNotifyBus(url, 'replica-e');
    buses.push(bus);
    await bus.start();
    await expect(bus.publish('event', { text: 'x'.repeat(9000) })).rejects.toThrow(/over the limit/);
    await bus.close();
    expect(relayedEvent({ type: 'source.health', sourceId: 'x', health: { note: 'y'.repeat(9000) } as never })).toBeNull();
  });

  it("should carry a cancel to the run's owner", async () => {
    const owner = new PgNotifyBus(url, 'replica-f');
    const asker = new PgNotifyBus(url, 'replica-g');
    buses.push(owner, asker);
    await Promise.all([owner.start(), asker.start()]);
    const cancels: unknown[] = [];
    owner.subscribe((topic, body) => topic === 'cancel' && cancels.push(body));

    await asker.publish('cancel', { runId: '9' });

    await waitUntil(async () => cancels.length > 0 || undefined, 5000, 'the cancel');
    expect(cancels).toEqual([{ runId: '9' }]);
    await Promise.all([owner.close(), asker.close()]);
  });
});
