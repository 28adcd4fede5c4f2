import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Subscription } from 'rxjs';
import type { SourceHealth } from '@hamgam/shared';
import { SourceEntity } from '../entities/source.entity';
import { SyncEventsService } from '../events/sync-events.service';
import { SourceHealthService } from './source-health.service';

/** Every source is checked this often, so a change no event announces (a clock passing a deadline) is seen. */
export const HEALTH_CHECK_INTERVAL_MS = 30_000;

const sameHealth = (a: SourceHealth | undefined, b: SourceHealth) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * Announces `source.health` when a source's health changes: after its runs start or end and its settings change,
 * every 30 s, and at the moment a fresh source turns late. What it remembers is only to announce changes once; the
 * health itself is always computed from the database.
 */
@Injectable()
export class SourceHealthMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SourceHealthMonitor.name);
  private readonly known = new Map<string, SourceHealth>();
  private readonly deadlines = new Map<string, NodeJS.Timeout>();
  private subscription: Subscription | null = null;
  private interval: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private isStopped = false;

  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    private readonly health: SourceHealthService,
    private readonly events: SyncEventsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.events.stream().subscribe((event) => {
      if (event.type === 'run.created' || event.type === 'run.finished') this.inBackground(() => this.check(event.run.sourceId));
      if (event.type === 'source.updated') this.inBackground(() => this.check(event.source.id));
    });
    await this.enqueue(() => this.checkAll());
    this.interval = setInterval(() => this.inBackground(() => this.checkAll()), HEALTH_CHECK_INTERVAL_MS);
    this.interval.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    this.subscription?.unsubscribe();
    if (this.interval) clearInterval(this.interval);
    for (const timer of this.deadlines.values()) clearTimeout(timer);
    this.deadlines.clear();
    // A check already running ends before the database connection closes (PostgreSQL's pool would cut it mid-query).
    await this.queue;
  }

  private async checkAll(): Promise<void> {
    const ids = await this.sources.find({ select: { id: true }, order: { id: 'ASC' } });
    for (const { id } of ids) await this.check(id);
  }

  private async check(sourceId: string): Promise<void> {
    if (this.isStopped) return;
    const source = await this.sources.findOneBy({ id: sourceId });
    if (!source) return;
    const { health, changesAt } = await this.health.verdictOf(source);
    this.watchDeadline(sourceId, changesAt);
    const before = this.known.get(sourceId);
    this.known.set(sourceId, health);
    // The first check after boot only learns the state: clients read it with the source.
    if (before !== undefined && !sameHealth(before, health)) this.events.emit({ type: 'source.health', sourceId, health });
  }

  /** Checks the source again when it would turn late, if that comes before the next periodic check. */
  private watchDeadline(sourceId: string, at: Date | null): void {
    clearTimeout(this.deadlines.get(sourceId));
    this.deadlines.delete(sourceId);
    if (!at || this.isStopped) return;
    const delay = at.getTime() - Date.now();
    if (delay >= HEALTH_CHECK_INTERVAL_MS) return;
    const timer = setTimeout(() => this.inBackground(() => this.check(sourceId)), Math.max(0, delay) + 5);
    timer.unref();
    this.deadlines.set(sourceId, timer);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private inBackground(task: () => Promise<void>): void {
    this.enqueue(task).catch((error: unknown) => {
      if (!this.isStopped) this.logger.error(`source health: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
