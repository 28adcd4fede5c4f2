import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Not, type Repository } from 'typeorm';
import { ACTIVE_RUN_STATUSES } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REPLICA_BUS, type ReplicaBus } from '../../common/replicas/replica-bus';
import { logLine } from '../../common/logging/log-fields';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { RunRecorder } from './run-recorder.service';
import { RunSupervisor } from './run-supervisor.service';

// How often this replica looks for cancels of its runs asked on another replica (without PostgreSQL's NOTIFY).
const CANCEL_POLL_MS = 1000;

/**
 * Runs across replicas: each run belongs to the replica that launched it, which renews the run's lease every third
 * of `RUN_LEASE_SECONDS` while the process lives. Any replica closes a run whose lease ran out (its owner died) as
 * failed/interrupted, and never a run whose owner still renews it. A cancel asked on another replica is written on
 * the row (`cancel_requested_at`) and announced on the replica bus; the owner stops the process.
 */
@Injectable()
export class RunLeases implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RunLeases');
  private timer: NodeJS.Timeout | null = null;
  private lastRenewAt = 0;
  private busy: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;

  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REPLICA_BUS) private readonly bus: ReplicaBus,
    private readonly supervisor: RunSupervisor,
    private readonly recorder: RunRecorder,
  ) {}

  get leaseMs(): number {
    return this.config.runLeaseSeconds * 1000;
  }

  /** The lease a run gets when it is created, and each time its owner renews it. */
  leaseFromNow(): string {
    return new Date(Date.now() + this.leaseMs).toISOString();
  }

  onModuleInit(): void {
    this.unsubscribe = this.bus.subscribe((topic) => {
      if (topic === 'cancel') this.inTurn(() => this.applyCancels());
    });
    this.timer = setInterval(() => this.inTurn(() => this.tick()), CANCEL_POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
  }

  /**
   * At boot: runs this replica owned in an earlier life (same REPLICA_ID) and runs whose lease has run out are
   * closed; another replica's live run is left alone.
   */
  async closeAbandonedAtBoot(): Promise<number> {
    const now = new Date().toISOString();
    const stale = await this.runs.find({
      where: [
        { status: In([...ACTIVE_RUN_STATUSES]), ownerReplica: this.config.replicaId },
        { status: In([...ACTIVE_RUN_STATUSES]), leaseExpiresAt: IsNull() },
        { status: In([...ACTIVE_RUN_STATUSES]), leaseExpiresAt: LessThan(now) },
      ],
    });
    for (const run of stale) {
      await this.recorder.finish(run.id, {
        status: 'failed',
        kind: 'interrupted',
        message: 'the server stopped while this run was active; it was closed at the next start',
      });
    }
    return stale.length;
  }

  /** Asks the run's owner (another replica) to cancel it: on the row, and at once over the bus when there is one. */
  async requestCancel(runId: number): Promise<void> {
    await this.runs.update({ id: runId }, { cancelRequestedAt: new Date().toISOString() });
    await this.bus.publish('cancel', { runId: String(runId) }).catch((error: unknown) => {
      this.logger.warn(`could not announce the cancel of run ${runId}: ${error instanceof Error ? error.message : String(error)} (the owner polls)`);
    });
  }

  /** True while the run's owner renews its lease (it is another replica's live run). */
  isLeaseLive(run: SyncRunEntity): boolean {
    return run.leaseExpiresAt !== null && run.leaseExpiresAt > new Date().toISOString();
  }

  private inTurn(task: () => Promise<void>): void {
    this.busy = this.busy.then(task).catch((error: unknown) => {
      this.logger.error(`run leases: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async tick(): Promise<void> {
    await this.applyCancels();
    const now = Date.now();
    if (now - this.lastRenewAt < this.leaseMs / 3) return;
    this.lastRenewAt = now;
    await this.renew();
    await this.closeExpired();
  }

  private async renew(): Promise<void> {
    const ids = this.supervisor.activeRunIds();
    if (ids.length === 0) return;
    await this.runs.update({ id: In(ids), ownerReplica: this.config.replicaId, status: In([...ACTIVE_RUN_STATUSES]) }, { leaseExpiresAt: this.leaseFromNow() });
    // A run another replica closed while this one could not renew (a long pause): its process must not run on unowned.
    const closed = await this.runs.find({ select: { id: true }, where: { id: In(ids), status: Not(In([...ACTIVE_RUN_STATUSES])) } });
    for (const run of closed) {
      this.supervisor.stop(run.id, { status: 'failed', kind: 'interrupted', message: 'another replica closed this run after its lease ran out' });
    }
  }

  private async applyCancels(): Promise<void> {
    const ids = this.supervisor.activeRunIds();
    if (ids.length === 0) return;
    const asked = await this.runs.find({
      select: { id: true, cancelledBy: true },
      where: { id: In(ids), cancelRequestedAt: Not(IsNull()), status: In([...ACTIVE_RUN_STATUSES]) },
    });
    for (const run of asked) {
      const message = run.cancelledBy ? `cancelled by ${run.cancelledBy}` : 'cancelled by a user';
      this.supervisor.stop(run.id, { status: 'cancelled', kind: 'cancelled', message });
    }
  }

  /** Runs of dead replicas: their lease ran out. This replica's own live runs are renewed, never closed here. */
  private async closeExpired(): Promise<void> {
    const expired = await this.runs.find({
      where: [
        { status: In([...ACTIVE_RUN_STATUSES]), leaseExpiresAt: LessThan(new Date().toISOString()) },
        { status: In([...ACTIVE_RUN_STATUSES]), leaseExpiresAt: IsNull() },
      ],
    });
    for (const run of expired) {
      if (this.supervisor.isActive(run.id)) continue;
      // Renewed since it was read (a slow heartbeat of a live owner): leave it.
      const current = await this.runs.findOneBy({ id: run.id });
      if (!current || (current.leaseExpiresAt !== null && current.leaseExpiresAt > new Date().toISOString())) continue;
      const owner = run.ownerReplica ?? 'an earlier server';
      await this.recorder.finish(run.id, {
        status: 'failed',
        kind: 'interrupted',
        message: `its replica (${owner}) stopped renewing the run's lease; closed by replica ${this.config.replicaId}`,
      });
      this.logger.warn(
        logLine(`closed run ${run.id} of ${run.sourceId}: replica ${owner} stopped renewing its lease`, { runId: run.id, sourceId: run.sourceId }),
      );
    }
  }
}
