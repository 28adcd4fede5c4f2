import { ConflictException, Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import { claimScheduleSlot } from '../../common/database/claims';
import type { Subscription } from 'rxjs';
import { ACTIVE_RUN_STATUSES, type Source, type SyncRun } from '@hamgam/shared';
import { CalendarService } from '../../calendar/calendar.service';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SourceEntity } from '../entities/source.entity';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { SyncEventsService } from '../events/sync-events.service';
import { SourceViewService } from '../source-view.service';
import { SyncService } from '../sync.service';
import { failureStateAfter, planRun, type PlannedRun } from './auto-sync-plan';
import { timingOf } from './auto-sync-rules';
import { settingsOf } from './auto-sync-view';
import { SourceScheduleEntity } from './source-schedule.entity';
import { logLine } from '../../common/logging/log-fields';

export const AUTO_SYNC_TIMER_PREFIX = 'auto-sync:';
// setTimeout waits at most ~24.8 days; a longer wait (30-day intervals, back-off) re-plans when the timer fires.
const MAX_TIMER_MS = 2 ** 31 - 1;
// Timers may fire a little before their time; a run due within this margin counts as due.
const DUE_MARGIN_MS = 250;
// After another replica claimed a slot or holds the source's active run, look again this much later (its run's
// events re-plan sooner when the replica bus relays them).
const REPLICA_RECHECK_MS = 1000;
const REMOTE_RUN_RECHECK_MS = 5000;
const REPLAN_MS = 10_000;

/**
 * Fires each source's automatic runs: one timeout per source in `SchedulerRegistry`, planned from the database
 * at boot and re-planned whenever settings change or a run of that source starts or ends. It only ever starts
 * runs through `SyncService.start` with trigger `schedule`.
 */
@Injectable()
export class AutoSyncScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AutoSyncScheduler.name);
  // One task at a time per source, so settings changes, run events and timers never interleave.
  private readonly queues = new Map<string, Promise<unknown>>();
  private subscription: Subscription | null = null;
  private isStopped = false;
  private replanTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(SourceScheduleEntity) private readonly schedules: Repository<SourceScheduleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly sync: SyncService,
    private readonly view: SourceViewService,
    private readonly events: SyncEventsService,
    private readonly calendar: CalendarService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = this.events.stream().subscribe((event) => {
      if (event.type === 'run.created') this.inBackground(event.run.sourceId, () => this.plan(event.run.sourceId));
      if (event.type === 'run.finished') this.inBackground(event.run.sourceId, () => this.afterRun(event.run));
    });
    // Another replica's runs move this replica's timers; their failures are counted by the replica that ran them.
    this.subscription.add(
      this.events.otherReplicas().subscribe((event) => {
        if (event.type === 'run.created' || event.type === 'run.finished') this.inBackground(event.run.sourceId, () => this.plan(event.run.sourceId));
        if (event.type === 'source.updated') this.inBackground(event.source.id, () => this.plan(event.source.id, false, true));
      }),
    );
    // Schedules changed on another replica reach this one without events too (SQLite has no bus): re-plan now and then.
    this.replanTimer = setInterval(() => void this.planAll(true).catch(() => undefined), REPLAN_MS);
    this.replanTimer.unref();
    this.calendar.onSaved(() => this.planAll());
    await this.planAll();
    if (!this.config.autoSyncEnabled) this.logger.warn('AUTO_SYNC_ENABLED=false: no schedule will fire');
    else this.logger.log(`auto-sync: ${this.timerNames().length} schedule(s) registered`);
  }

  /** Plans every source: at boot, and after the academic calendar was saved (the schedules that follow it move). */
  private async planAll(isQuiet = false): Promise<void> {
    const sources = await this.sources.find({ select: { id: true }, order: { id: 'ASC' } });
    for (const { id } of sources) await this.inQueue(id, () => this.plan(id, false, isQuiet));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    this.subscription?.unsubscribe();
    if (this.replanTimer) clearInterval(this.replanTimer);
    for (const name of this.timerNames()) this.registry.deleteTimeout(name);
    // Work already queued ends before the database connection closes (PostgreSQL's pool would cut it mid-query).
    await Promise.all(this.queues.values());
  }

  /**
   * Re-plans a source after its settings changed, without a restart. Quiet: the caller answers and announces the
   * source once, with the next run this stored.
   */
  async reschedule(sourceId: string): Promise<void> {
    await this.inQueue(sourceId, () => this.plan(sourceId, false, true));
  }

  /** Forgets the failures of scheduled runs and resumes a paused schedule. */
  async clearBackoff(sourceId: string): Promise<Source> {
    await this.view.get(sourceId);
    await this.inQueue(sourceId, async () => {
      await this.schedules.update({ sourceId }, { failures: 0, pausedAt: null, updatedAt: new Date().toISOString() });
      await this.plan(sourceId, true);
    });
    return this.view.get(sourceId);
  }

  private async afterRun(run: SyncRun): Promise<void> {
    const schedule = await this.schedules.findOneBy({ sourceId: run.sourceId });
    if (!schedule) return this.plan(run.sourceId);
    const state = failureStateAfter(run, schedule, this.config.autoSyncMaxFailures, new Date());
    const hasChanged = state.failures !== schedule.failures || state.pausedAt !== schedule.pausedAt;
    if (hasChanged) await this.schedules.update({ sourceId: run.sourceId }, { ...state, updatedAt: new Date().toISOString() });
    if (state.pausedAt && !schedule.pausedAt) {
      this.logger.warn(
        logLine(`auto-sync of ${run.sourceId} paused after ${state.failures} consecutive failed scheduled runs`, { sourceId: run.sourceId, runId: run.id }),
      );
    }
    return this.plan(run.sourceId, hasChanged);
  }

  /** Stores when the next run is due and sets the source's one timer for it. */
  private async plan(sourceId: string, hasChanged = false, isQuiet = false): Promise<void> {
    if (this.isStopped) return;
    const schedule = await this.schedules.findOneBy({ sourceId });
    const next = schedule ? await this.nextRunOf(schedule) : null;
    this.setTimer(sourceId, next?.at ?? null);
    const nextRunAt = next?.at.toISOString() ?? null;
    const nextRunReason = next?.reason ?? null;
    if (schedule && (schedule.nextRunAt !== nextRunAt || schedule.nextRunReason !== nextRunReason)) {
      await this.schedules.update({ sourceId }, { nextRunAt, nextRunReason });
      hasChanged = true;
    }
    if (hasChanged && !isQuiet) this.events.emit({ type: 'source.updated', source: await this.view.get(sourceId) });
  }

  private async nextRunOf(schedule: SourceScheduleEntity): Promise<(PlannedRun & { slot: Date }) | null> {
    const settings = settingsOf(schedule);
    const timing = timingOf(settings);
    if (!this.config.autoSyncEnabled || !schedule.enabled || schedule.pausedAt || !timing) return null;
    const source = await this.sources.findOneBy({ id: schedule.sourceId });
    if (!source?.enabled) return null;
    const lastRun = await this.runs.findOne({ where: { sourceId: schedule.sourceId }, order: { id: 'DESC' } });
    const rule = { skipClosures: settings.skipClosures, inTerm: settings.inTerm };
    const plan = rule.skipClosures || rule.inTerm ? { calendar: await this.calendar.forScheduling(), rule } : null;
    const input = {
      timing,
      timeZone: this.config.universityTimeZone,
      lastRunAt: lastRun ? new Date(lastRun.createdAt) : null,
      since: new Date(schedule.since),
      failures: schedule.failures,
      quietWindow: schedule.quietWindow,
    };
    const next = planRun(input, new Date(), plan);
    // The slot's name across replicas: the due time planned from the last run alone, not from this replica's clock
    // (an overdue run is due "now", which differs per replica). Every replica that reads the same last run names it alike.
    const anchor = input.lastRunAt && input.lastRunAt > input.since ? input.lastRunAt : input.since;
    return { ...next, slot: planRun(input, anchor, plan).at };
  }

  private async fire(sourceId: string): Promise<void> {
    this.clearTimer(sourceId);
    if (this.isStopped) return;
    const schedule = await this.schedules.findOneBy({ sourceId });
    const next = schedule ? await this.nextRunOf(schedule) : null;
    // Not due after all (a long wait in chunks, or a run reset the clock): plan again.
    if (!schedule || !next || next.at.getTime() > Date.now() + DUE_MARGIN_MS) return this.plan(sourceId);
    const active = await this.runs.findOne({ where: { sourceId, status: In([...ACTIVE_RUN_STATUSES]) } });
    if (active) {
      // Not started twice: when the active run ends, `afterRun` re-plans and it runs then only if still due.
      this.logger.log(
        logLine(`auto-sync of ${sourceId} is due but run ${active.id} is ${active.status}; waiting for it to end`, { sourceId, runId: active.id }),
      );
      // Another replica's run ends there: without its events (SQLite) look again later.
      if (active.ownerReplica !== this.config.replicaId) this.setTimer(sourceId, new Date(Date.now() + REMOTE_RUN_RECHECK_MS));
      return;
    }
    // Each due slot fires once across replicas: the replica whose claim row goes in first starts the run.
    if (!(await claimScheduleSlot(this.dataSource, sourceId, next.slot, this.config.replicaId))) {
      this.logger.log(logLine(`auto-sync of ${sourceId}: another replica claimed the run due ${next.slot.toISOString()}`, { sourceId }));
      this.setTimer(sourceId, new Date(Date.now() + REPLICA_RECHECK_MS));
      return;
    }
    try {
      await this.sync.start({ sourceId, trigger: 'schedule', triggeredBy: 'scheduler', mode: schedule.mode ?? undefined });
    } catch (error) {
      if (error instanceof ConflictException) {
        // Another trigger won the race; its run's events re-plan this source.
        this.logger.log(logLine(`auto-sync of ${sourceId} did not start: ${error.message}`, { sourceId }));
        // A run started elsewhere (maybe on another replica, whose events may not reach this one): look again.
        const body = error.getResponse();
        if (typeof body === 'object' && 'activeRun' in body) this.setTimer(sourceId, new Date(Date.now() + REPLICA_RECHECK_MS));
        return;
      }
      this.logger.error(logLine(`auto-sync of ${sourceId} could not start a run: ${error instanceof Error ? error.message : String(error)}`, { sourceId }));
      this.setTimer(sourceId, new Date(Date.now() + this.config.minSyncIntervalSeconds * 1000));
    }
  }

  private setTimer(sourceId: string, at: Date | null): void {
    this.clearTimer(sourceId);
    if (!at || this.isStopped) return;
    const delay = Math.min(Math.max(0, at.getTime() - Date.now()), MAX_TIMER_MS);
    this.registry.addTimeout(
      AUTO_SYNC_TIMER_PREFIX + sourceId,
      setTimeout(() => this.inBackground(sourceId, () => this.fire(sourceId)), delay),
    );
  }

  private clearTimer(sourceId: string): void {
    const name = AUTO_SYNC_TIMER_PREFIX + sourceId;
    if (this.registry.doesExist('timeout', name)) this.registry.deleteTimeout(name);
  }

  private timerNames(): string[] {
    return this.registry.getTimeouts().filter((name) => name.startsWith(AUTO_SYNC_TIMER_PREFIX));
  }

  private inQueue<T>(sourceId: string, task: () => Promise<T>): Promise<T> {
    const result = (this.queues.get(sourceId) ?? Promise.resolve()).then(task);
    this.queues.set(
      sourceId,
      result.then(
        () => undefined,
        () => undefined,
      ),
    );
    return result;
  }

  private inBackground(sourceId: string, task: () => Promise<void>): void {
    this.inQueue(sourceId, task).catch((error: unknown) => {
      if (!this.isStopped) this.logger.error(logLine(`auto-sync of ${sourceId}: ${error instanceof Error ? error.message : String(error)}`, { sourceId }));
    });
  }
}
