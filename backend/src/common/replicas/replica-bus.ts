/** What replicas tell each other: a server event to relay to their browsers, or a cancel for the run's owner. */
export type ReplicaTopic = 'event' | 'cancel';

export type ReplicaHandler = (topic: ReplicaTopic, body: unknown) => void;

/**
 * How replicas sharing one database reach each other. The in-process bus (SQLite, one replica) relays nothing:
 * every event is already delivered in the process. The PostgreSQL bus (`pg-notify-bus.ts`) uses LISTEN/NOTIFY.
 */
export type ReplicaBus = {
  /** True when messages leave this process. */
  readonly isShared: boolean;
  start(): Promise<void>;
  /** Sends to every other replica (never back to this one). The body's JSON must stay under `MAX_BUS_PAYLOAD_BYTES`. */
  publish(topic: ReplicaTopic, body: unknown): Promise<void>;
  subscribe(handler: ReplicaHandler): () => void;
  close(): Promise<void>;
};

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; the envelope takes the rest. */
export const MAX_BUS_PAYLOAD_BYTES = 7800;

export const REPLICA_BUS = Symbol('REPLICA_BUS');

export class InProcessBus implements ReplicaBus {
  readonly isShared = false;

  async start(): Promise<void> {}

  async publish(): Promise<void> {}

  subscribe(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {}
}
