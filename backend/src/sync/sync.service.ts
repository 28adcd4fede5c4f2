import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { ACTIVE_RUN_STATUSES, type RunMode, type RunLog, type RunTrigger, type SyncRun } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from './source-catalog';
import { RunLogLineEntity } from './entities/run-log-line.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { SyncEventsService } from './events/sync-events.service';
import { toSyncRun } from './run-mapper';
import { RunRecorder } from './runner/run-recorder.service';
import { RunSupervisor } from './runner/run-supervisor.service';
import { RunLeases } from './runner/run-leases.service';
import { CommandSourcesService } from './command-sources.service';
import { SourceSettingsService } from './source-settings.service';
import { secretValues } from './settings/source-settings';
import { deletionGuardOf } from './deletions/deletion-guard';

export type StartRequest = {
  sourceId: string;
  trigger: RunTrigger;
  triggeredBy: string | null;
  reason?: string | null;
  mode?: RunMode;
  dryRun?: boolean;
};

/** Starts, cancels and reads runs. The one place that decides whether a run may start. */
@Injectable()
export class SyncService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SyncService.name);

  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(RunLogLineEntity) private readonly logLines: Repository<RunLogLineEntity>,
    private readonly sources: SourceSettingsService,
    private readonly commandSources: CommandSourcesService,
    private readonly supervisor: RunSupervisor,
    private readonly recorder: RunRecorder,
    private readonly leases: RunLeases,
    private readonly events: SyncEventsService,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs a previous process left active can never finish: close them before anything else starts. With several
   * replicas, only those whose lease ran out (or this replica's own from before): another replica's live run stays.
   */
  async onApplicationBootstrap(): Promise<void> {
    const closed = await this.leases.closeAbandonedAtBoot();
    if (closed > 0) this.logger.warn(`closed ${closed} run(s) left active by a previous process`);
  }

  async start(request: StartRequest): Promise<SyncRun> {
    const source = await this.sources.findEntity(request.sourceId);
    if (!source.enabled) throw new ConflictException({ message: `source "${source.id}" is disabled` });
    this.commandSources.assertRunnable(source);
    const mode = this.resolveMode(source.id, request.mode);
    const definition = findSourceDefinition(this.catalog, source.id);
    const dryRun = request.dryRun === true;
    if (dryRun && (source.kind === 'command' || definition?.canDryRun !== true)) {
      const message = `source "${source.id}" cannot promise a dry run (it could write while it runs)`;
      throw new BadRequestException({ message, fields: { dryRun: [message] } });
    }
    await this.assertNoActiveRun(source.id);
    let run: SyncRunEntity;
    try {
      run = await this.runs.save(
        this.runs.create({
          sourceId: source.id,
          trigger: request.trigger,
          triggeredBy: request.triggeredBy,
          reason: request.reason ?? null,
          status: 'pending',
          mode,
          createdAt: new Date().toISOString(),
          fetched: 0,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          deleted: 0,
          rejected: 0,
          logTruncated: false,
          ownerReplica: this.config.replicaId,
          leaseExpiresAt: this.leases.leaseFromNow(),
          dryRun,
        }),
      );
    } catch (error) {
      // The partial unique index lost a race to another trigger: answer as if we had seen it first.
      await this.assertNoActiveRun(source.id);
      throw error;
    }
    const created = toSyncRun(run);
    this.events.emit({ type: 'run.created', run: created });
    try {
      // Inside the try: stored secrets this key cannot open fail the run instead of leaving it pending.
      const optionWarnings: string[] = [];
      const settings = this.sources.workerSettings(source, (message) => optionWarnings.push(message));
      const secrets = secretValues(this.sources.settingsOf(source).connection, settings.connection);
      this.supervisor.launch(
        source.kind === 'command'
          ? this.commandSources.launchRequest(source, run.id, settings, secrets)
          : {
              kind: 'connector',
              runId: run.id,
              sourceId: source.id,
              timeoutSeconds: source.timeoutSeconds,
              secrets,
              mode,
              settings,
              optionWarnings,
              dryRun,
              deletionGuard: definition?.loadDeletionApplier ? deletionGuardOf(source.deletionGuard) : null,
            },
      );
    } catch (error) {
      await this.recorder.finish(run.id, {
        status: 'failed',
        kind: 'internal',
        message: `could not start the run: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    return created;
  }

  async cancel(runId: number, by: { by: string | null; reason: string | null } = { by: null, reason: null }): Promise<SyncRun> {
    const run = await this.findRun(runId);
    if (!ACTIVE_RUN_STATUSES.includes(run.status as (typeof ACTIVE_RUN_STATUSES)[number])) {
      throw new ConflictException({ message: `run ${runId} is already ${run.status}` });
    }
    await this.recorder.noteCancel(runId, by.by, by.reason);
    const message = by.by ? `cancelled by ${by.by}` : 'cancelled by a user';
    const stopping = this.supervisor.stop(runId, { status: 'cancelled', kind: 'cancelled', message });
    // Another replica's live run: its owner stops the process (the answer shows the run still active).
    if (!stopping && run.ownerReplica !== this.config.replicaId && this.leases.isLeaseLive(run)) await this.leases.requestCancel(runId);
    else if (!stopping) await this.recorder.finish(runId, { status: 'cancelled', kind: 'cancelled', message });
    return toSyncRun(await this.findRun(runId));
  }

  async active(): Promise<SyncRun[]> {
    const runs = await this.runs.find({ where: { status: In([...ACTIVE_RUN_STATUSES]) }, order: { id: 'DESC' } });
    return runs.map(toSyncRun);
  }

  async get(runId: number): Promise<SyncRun> {
    return toSyncRun(await this.findRun(runId));
  }

  async log(runId: number): Promise<RunLog> {
    const run = await this.findRun(runId);
    const lines = await this.logLines.find({ where: { runId }, order: { seq: 'ASC' } });
    return { runId: String(runId), lines: lines.map(({ seq, at, level, message }) => ({ seq, at, level, message })), truncated: run.logTruncated };
  }

  private resolveMode(sourceId: string, requested: RunMode | undefined): RunMode | null {
    const modes = findSourceDefinition(this.catalog, sourceId)?.modes ?? [];
    if (requested === undefined) return modes[0] ?? null;
    if (!modes.includes(requested)) {
      const message = modes.length ? `mode must be one of ${modes.join(', ')}` : `source "${sourceId}" has no modes`;
      throw new BadRequestException({ message, fields: { mode: [message] } });
    }
    return requested;
  }

  private async findRun(runId: number): Promise<SyncRunEntity> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run) throw new NotFoundException(`run ${runId} does not exist`);
    return run;
  }

  private async assertNoActiveRun(sourceId: string): Promise<void> {
    const active = await this.runs.findOne({ where: { sourceId, status: In([...ACTIVE_RUN_STATUSES]) } });
    if (active) {
      throw new ConflictException({ message: `a run of "${sourceId}" is already ${active.status}`, activeRun: toSyncRun(active) });
    }
  }
}
