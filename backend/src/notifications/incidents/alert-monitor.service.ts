import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { MoreThan, type Repository } from 'typeorm';
import type { Subscription } from 'rxjs';
import type { NotificationEvent, SourceHealth, SyncRun } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SourceEntity } from '../../sync/entities/source.entity';
import { SyncRunEntity } from '../../sync/entities/sync-run.entity';
import { SyncEventsService } from '../../sync/events/sync-events.service';
import { SourceHealthService } from '../../sync/health/source-health.service';
import { ChannelsService } from '../channels/channels.service';
import { alertMessage, alertUrl, type AlertFacts } from '../delivery/alert-message';
import { DeliveriesService } from '../delivery/deliveries.service';
import type { NotificationChannelEntity } from '../entities/notification-channel.entity';
import { isFailureAlertDue, isRecoveryFor, isReminderDue, isRunLong, OPENING_EVENT } from './alert-rules';
import { IncidentsService } from './incidents.service';

/**
 * Turns what the API process sees (runs ending, health changing, the clock) into incidents and queued alerts, one
 * task at a time. It only queues: the dispatcher sends, so nothing here waits on a channel.
 */
@Injectable()
export class AlertMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AlertMonitor.name);
  private subscription: Subscription | null = null;
  private interval: NodeJS.Timeout | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private isStopped = false;

  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SyncEventsService,
    private readonly health: SourceHealthService,
    private readonly incidents: IncidentsService,
    private readonly channels: ChannelsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.events.stream().subscribe((event) => {
      if (event.type === 'run.finished') this.inBackground(() => this.afterRun(event.run));
      if (event.type === 'source.health') this.inBackground(() => this.onHealth(event.sourceId, event.health));
    });
    // The first sweep finds what turned late while the server was down.
    this.inBackground(() => this.sweep());
    this.interval = setInterval(() => this.inBackground(() => this.sweep()), this.config.notifyCheckIntervalMs);
    this.interval.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    this.subscription?.unsubscribe();
    if (this.interval) clearInterval(this.interval);
    await this.queue;
  }

  private async afterRun(run: SyncRun): Promise<void> {
    // A dry run stores nothing: it says nothing about whether the source's data is kept up.
    if (run.dryRun) return;
    const at = new Date(run.finishedAt ?? Date.now());
    if (run.status === 'success') return this.recover(run.sourceId, at, Number(run.id));
    if (run.status !== 'failed') return;
    const failures = await this.consecutiveFailures(run.sourceId);
    const incident = await this.incidents.openOrSee(run.sourceId, 'failing', at, failures);
    for (const channel of await this.channels.enabledFor('run.failed')) {
      if (!isFailureAlertDue(failures, channel.entity.failuresBeforeAlert)) continue;
      await this.enqueue(channel.entity, `incident:${incident.id}:run.failed`, incident.id, {
        event: 'run.failed',
        sourceId: run.sourceId,
        runId: Number(run.id),
        status: run.status,
        errorKind: run.errorKind,
        count: failures,
      });
    }
  }

  private async onHealth(sourceId: string, health: SourceHealth): Promise<void> {
    if (health.state === 'late') return this.late(sourceId, new Date(health.since ?? Date.now()));
    if (health.state === 'fresh') return this.recover(sourceId, new Date());
    if (health.reason === 'auto_sync_paused') {
      const open = await this.incidents.findOpen(sourceId, 'failing');
      for (const channel of await this.channels.enabledFor('schedule.paused')) {
        await this.enqueue(channel.entity, `schedule.paused:${sourceId}:${health.since ?? ''}`, open?.id, { event: 'schedule.paused', sourceId });
      }
    }
  }

  private async late(sourceId: string, since: Date): Promise<void> {
    const incident = (await this.incidents.findOpen(sourceId, 'late')) ?? (await this.incidents.openOrSee(sourceId, 'late', since, 1));
    for (const channel of await this.channels.enabledFor('source.late')) {
      await this.enqueue(channel.entity, `incident:${incident.id}:source.late`, incident.id, { event: 'source.late', sourceId });
    }
  }

  private async recover(sourceId: string, at: Date, runId?: number): Promise<void> {
    const resolved = await this.incidents.resolve(sourceId, at);
    if (resolved.length === 0) return;
    const ids = resolved.map((incident) => incident.id);
    for (const channel of await this.channels.enabledFor('source.recovered')) {
      if (!isRecoveryFor(channel.entity.events, await this.deliveries.hasAlerted(channel.entity.id, ids))) continue;
      await this.enqueue(channel.entity, `incident:${ids[0]}:source.recovered`, ids[0], {
        event: 'source.recovered',
        sourceId,
        ...(runId !== undefined ? { runId, status: 'success' } : {}),
      });
    }
  }

  /** Late sources the events did not announce, reminders of open incidents, and runs going on too long. */
  private async sweep(): Promise<void> {
    const now = new Date();
    for (const source of await this.sources.find({ order: { id: 'ASC' } })) {
      const { health } = await this.health.verdictOf(source, now);
      if (health.state === 'late') await this.late(source.id, new Date(health.since ?? now));
    }
    await this.remind(now);
    await this.longRuns(now);
  }

  private async remind(now: Date): Promise<void> {
    for (const incident of await this.incidents.allOpen()) {
      const event: NotificationEvent = OPENING_EVENT[incident.kind];
      for (const channel of await this.channels.enabledFor(event)) {
        const sent = await this.deliveries.alertsOf(channel.entity.id, incident.id);
        const last = sent.at(-1);
        if (!isReminderDue(last ? new Date(last.createdAt) : null, channel.entity.remindAfterMinutes, now)) continue;
        await this.enqueue(channel.entity, `incident:${incident.id}:remind:${sent.length}`, incident.id, {
          event,
          sourceId: incident.sourceId,
          count: incident.kind === 'failing' ? incident.count : undefined,
          isReminder: true,
        });
      }
    }
  }

  private async longRuns(now: Date): Promise<void> {
    const channels = await this.channels.enabledFor('run.long');
    if (channels.length === 0) return;
    for (const run of await this.runs.findBy({ status: 'running' })) {
      const startedAt = new Date(run.startedAt ?? run.createdAt);
      for (const { entity } of channels) {
        if (!isRunLong(startedAt, entity.longRunMinutes, this.config.runLongMinutes, now)) continue;
        await this.enqueue(entity, `run:${run.id}:run.long`, undefined, {
          event: 'run.long',
          sourceId: run.sourceId,
          runId: run.id,
          status: 'running',
          count: entity.longRunMinutes ?? this.config.runLongMinutes,
        });
      }
    }
  }

  private consecutiveFailures(sourceId: string): Promise<number> {
    return this.runs
      .findOne({ where: { sourceId, status: 'success' }, order: { id: 'DESC' } })
      .then((success) => this.runs.countBy({ sourceId, status: 'failed', id: MoreThan(success?.id ?? 0) }));
  }

  private async enqueue(channel: NotificationChannelEntity, dedupeKey: string, incidentId: number | undefined, facts: AlertFacts): Promise<void> {
    const at = new Date().toISOString();
    await this.deliveries.enqueue(channel, {
      ...facts,
      incidentId,
      dedupeKey,
      facts: {
        ...(facts.runId !== undefined ? { runId: String(facts.runId) } : {}),
        ...(facts.status !== undefined ? { status: facts.status } : {}),
        ...(facts.errorKind ? { errorKind: facts.errorKind } : {}),
        ...(facts.isReminder ? { isReminder: true } : {}),
        message: alertMessage(facts),
        at,
        url: alertUrl(this.config.publicUrl, facts),
      },
    });
  }

  private inBackground(task: () => Promise<void>): void {
    const result = this.queue.then(() => (this.isStopped ? undefined : task()));
    this.queue = result.catch((error: unknown) => {
      if (!this.isStopped) this.logger.error(`alerts: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
