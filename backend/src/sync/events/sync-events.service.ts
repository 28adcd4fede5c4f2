import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { merge, Subject, type Observable } from 'rxjs';
import type { ServerEvent } from '@hamgam/shared';
import { REPLICA_BUS, type ReplicaBus } from '../../common/replicas/replica-bus';
import { isRelayedEvent, relayedEvent, type RelayedEvent } from './event-relay';

/** Reads what a by-reference event points at from the shared database (set by `ReplicaEventsResolver`). */
export type RelayedEventResolver = (relayed: Extract<RelayedEvent, { ref: unknown }>) => Promise<ServerEvent | null>;

/**
 * The bus behind `GET /api/events`: in process, and with several replicas on PostgreSQL also relayed to the others
 * (their browsers see runs this replica owns).
 */
@Injectable()
export class SyncEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ServerEvents');
  private readonly events = new Subject<ServerEvent>();
  private readonly relayed = new Subject<ServerEvent>();
  private resolver: RelayedEventResolver | null = null;
  private unsubscribe: (() => void) | null = null;
  /** Relayed events pass one at a time: one read back by reference must not let a later one overtake it. */
  private received: Promise<void> = Promise.resolve();

  constructor(@Inject(REPLICA_BUS) private readonly bus: ReplicaBus) {}

  async onModuleInit(): Promise<void> {
    await this.bus.start();
    this.unsubscribe = this.bus.subscribe((topic, body) => {
      if (topic === 'event' && isRelayedEvent(body)) this.received = this.received.then(() => this.receive(body));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.bus.close();
  }

  setResolver(resolver: RelayedEventResolver): void {
    this.resolver = resolver;
  }

  emit(event: ServerEvent): void {
    this.events.next(event);
    if (!this.bus.isShared) return;
    const relayed = relayedEvent(event);
    if (!relayed) return;
    this.bus.publish('event', relayed).catch((error: unknown) => {
      this.logger.warn(`could not relay ${event.type} to the other replicas: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** This replica's events: what its own services react to (re-planning, alerts), once per replica. */
  stream(): Observable<ServerEvent> {
    return this.events.asObservable();
  }

  /** Every replica's events, for browsers (`GET /api/events`). */
  everyReplica(): Observable<ServerEvent> {
    return merge(this.events, this.relayed);
  }

  /** Other replicas' events only (the scheduler re-plans on their runs). */
  otherReplicas(): Observable<ServerEvent> {
    return this.relayed.asObservable();
  }

  private async receive(relayed: RelayedEvent): Promise<void> {
    try {
      const event = 'event' in relayed ? relayed.event : await this.resolver?.(relayed);
      if (event) this.relayed.next(event);
    } catch (error) {
      this.logger.warn(`could not read a relayed event: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
