import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';
import { MAX_BUS_PAYLOAD_BYTES, type ReplicaBus, type ReplicaHandler, type ReplicaTopic } from './replica-bus';

const CHANNEL = 'hamgam_replicas';
const RECONNECT_MS = 1000;

type Envelope = { o: string; t: ReplicaTopic; b: unknown };

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as Record<string, unknown>;
  return typeof envelope.o === 'string' && (envelope.t === 'event' || envelope.t === 'cancel') && 'b' in envelope;
}

/**
 * Replicas on one PostgreSQL database reach each other by LISTEN/NOTIFY on one channel, through one connection of
 * their own (a pooled connection cannot keep LISTEN). A lost connection is opened again; what was sent meanwhile is
 * lost, which costs a browser a live update, never data (the rows are in the database).
 */
export class PgNotifyBus implements ReplicaBus {
  readonly isShared = true;
  private readonly logger = new Logger('ReplicaBus');
  private readonly handlers = new Set<ReplicaHandler>();
  private client: Client | null = null;
  private isClosed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly replicaId: string,
  ) {}

  async start(): Promise<void> {
    // Events are published side by side (a run's progress, its logs): pg's pipeline mode sends each at once, in order,
    // instead of queueing them behind each other in a way pg 9 will refuse.
    const config: ClientConfig & { pipeline: boolean } = {
      connectionString: this.connectionString,
      application_name: `hamgam-${this.replicaId}`.slice(0, 63),
      pipeline: true,
    };
    const client = new Client(config);
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`the replica bus lost its connection: ${error.message}`);
      this.reconnectSoon(client);
    });
    client.on('end', () => this.reconnectSoon(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.isClosed) return void (await client.end().catch(() => undefined));
    this.client = client;
  }

  async publish(topic: ReplicaTopic, body: unknown): Promise<void> {
    const payload = JSON.stringify({ o: this.replicaId, t: topic, b: body } satisfies Envelope);
    if (Buffer.byteLength(payload) > MAX_BUS_PAYLOAD_BYTES) throw new Error(`a replica message of ${Buffer.byteLength(payload)} bytes is over the limit`);
    if (!this.client) return;
    await this.client.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  }

  subscribe(handler: ReplicaHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private deliver(payload: string | undefined): void {
    let envelope: unknown;
    try {
      envelope = JSON.parse(payload ?? '');
    } catch {
      return;
    }
    if (!isEnvelope(envelope) || envelope.o === this.replicaId) return;
    for (const handler of this.handlers) {
      try {
        handler(envelope.t, envelope.b);
      } catch (error) {
        this.logger.error(`a replica message handler failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private reconnectSoon(client: Client): void {
    if (this.isClosed || this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.isClosed) return;
      this.start().catch((error: unknown) => {
        this.logger.warn(`the replica bus cannot reconnect yet: ${error instanceof Error ? error.message : String(error)}`);
        this.scheduleReconnect();
      });
    }, RECONNECT_MS);
  }
}
