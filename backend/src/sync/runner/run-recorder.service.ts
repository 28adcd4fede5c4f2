import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import type { ErrorKind, LogLevel, RunCounts, WorkerProgress, WorkerRejection } from '@hamgam/shared';
import { maskSecrets } from '../../common/redact';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { RunLogLineEntity } from '../entities/run-log-line.entity';
import { RunRejectionEntity } from '../entities/run-rejection.entity';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { SyncEventsService } from '../events/sync-events.service';
import { clipErrorMessage, toSyncRun } from '../run-mapper';
import { logLine } from '../../common/logging/log-fields';

const MAX_REJECTIONS_PER_RUN = 10_000;

export type RunOutcome = { retries?: number } & (
  | { status: 'success'; counts: RunCounts; heldDeletions?: number }
  | { status: 'failed' | 'cancelled'; kind: ErrorKind; message: string; counts?: RunCounts; exitCode?: number | null; exitSignal?: string | null }
);

/** A rejection's parameters as JSON, at most 10, each text value clipped (they come from upstream data). */
function storedParams(params: WorkerRejection['params']): string | null {
  const entries = Object.entries(params ?? {}).slice(0, 10);
  if (entries.length === 0) return null;
  return JSON.stringify(Object.fromEntries(entries.map(([name, value]) => [name.slice(0, 40), typeof value === 'string' ? value.slice(0, 200) : value])));
}

/** The only writer of run rows, their log and their rejections; every change is also pushed as an event. */
@Injectable()
export class RunRecorder {
  private readonly logger = new Logger(RunRecorder.name);
  private readonly logState = new Map<number, { seq: number; secrets: string[] }>();
  private readonly rejectionCount = new Map<number, number>();

  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(RunLogLineEntity) private readonly logLines: Repository<RunLogLineEntity>,
    @InjectRepository(RunRejectionEntity) private readonly rejections: Repository<RunRejectionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SyncEventsService,
  ) {}

  /** Secrets of this run (its password) are replaced by *** in every log line it records. */
  track(runId: number, secrets: string[]): void {
    this.logState.set(runId, { seq: 0, secrets: secrets.filter((secret) => secret.length >= 3) });
  }

  async markRunning(runId: number): Promise<void> {
    await this.update(runId, { status: 'running', startedAt: new Date().toISOString(), stage: 'starting' }, 'run.progress');
  }

  async progress(runId: number, progress: WorkerProgress): Promise<void> {
    const percent = progress.percent ?? (progress.total ? (100 * progress.processed) / progress.total : null);
    await this.update(
      runId,
      {
        stage: progress.stage,
        percent: percent === null ? null : Math.max(0, Math.min(100, Math.round(percent * 10) / 10)),
        messageKey: progress.messageKey ?? null,
        messageParams: progress.messageParams ?? null,
        ...progress.counts,
      },
      'run.progress',
    );
  }

  async log(runId: number, level: LogLevel, message: string): Promise<void> {
    // A run this process does not track (closed for a dead replica or a previous process) goes on after its last line.
    const state = this.logState.get(runId) ?? { seq: await this.lastSeq(runId), secrets: [] };
    this.logState.set(runId, state);
    if (state.seq >= this.config.maxLogLinesPerRun) {
      if (state.seq === this.config.maxLogLinesPerRun) {
        state.seq++;
        await this.runs.update({ id: runId }, { logTruncated: true });
      }
      return;
    }
    state.seq++;
    const redacted = this.redact(runId, message);
    const line = { seq: state.seq, at: new Date().toISOString(), level, message: redacted.slice(0, 4000) };
    await this.logLines.insert({ runId, ...line });
    this.events.emit({ type: 'run.log', runId: String(runId), line });
  }

  /** Who asked to cancel and why; kept on the run whatever outcome the stop ends with. */
  async noteCancel(runId: number, by: string | null, reason: string | null): Promise<void> {
    await this.runs.update({ id: runId }, { cancelledBy: by, cancelReason: reason });
  }

  async reject(runId: number, items: WorkerRejection[]): Promise<void> {
    const stored = this.rejectionCount.get(runId) ?? 0;
    const room = Math.max(0, MAX_REJECTIONS_PER_RUN - stored);
    const kept = items.slice(0, room);
    this.rejectionCount.set(runId, stored + kept.length);
    if (kept.length === 0) return;
    await this.rejections.insert(
      kept.map((item) => ({
        runId,
        recordKey: item.key.slice(0, 200),
        reason: '',
        code: item.code,
        params: storedParams(item.params),
        term: item.term?.slice(0, 20) ?? null,
        recordTable: item.table?.slice(0, 64) ?? null,
      })),
    );
  }

  /** Closes a run once; a run already final is left as it is (first outcome wins). */
  async finish(runId: number, outcome: RunOutcome): Promise<void> {
    const run = await this.runs.findOneBy({ id: runId });
    if (!run || !['pending', 'running'].includes(run.status)) return;
    const finishedAt = new Date();
    const startedAt = run.startedAt ?? finishedAt.toISOString();
    const patch: Partial<SyncRunEntity> = {
      status: outcome.status,
      finishedAt: finishedAt.toISOString(),
      startedAt,
      durationMs: finishedAt.getTime() - new Date(startedAt).getTime(),
      // A progress message ("page 3 of …") describes a run in progress; a finished run has none left.
      messageKey: null,
      messageParams: null,
      ...(outcome.counts ?? {}),
      ...(outcome.retries === undefined ? {} : { retries: outcome.retries }),
    };
    if (outcome.status === 'success') {
      Object.assign(patch, { stage: 'completed', percent: 100, errorKind: null, errorMessage: null });
      const held = outcome.heldDeletions ?? 0;
      // A dry run only says how many it would hold; a real one waits for an admin's decision on them.
      if (held > 0) Object.assign(patch, { heldDeletions: held, ...(run.dryRun ? {} : { status: 'awaiting_approval' }) });
    } else {
      const message = this.redact(runId, outcome.message);
      Object.assign(patch, {
        errorKind: outcome.kind,
        errorMessage: clipErrorMessage(message),
        exitCode: outcome.exitCode ?? null,
        exitSignal: outcome.exitSignal ?? null,
      });
      // A cancel is what someone asked for, not an error of the run.
      await this.log(runId, outcome.status === 'cancelled' ? 'info' : 'error', message);
    }
    await this.update(runId, patch, 'run.finished');
    if (outcome.status === 'success') await this.supersede(run);
    this.logState.delete(runId);
    this.rejectionCount.delete(runId);
    this.logger.log(logLine(`run ${runId} of ${run.sourceId} ended ${outcome.status}`, { runId, sourceId: run.sourceId, status: outcome.status }));
  }

  private async lastSeq(runId: number): Promise<number> {
    const last = await this.logLines.findOne({ select: { seq: true }, where: { runId }, order: { seq: 'DESC' } });
    return last?.seq ?? 0;
  }

  /**
   * A newer complete run (real, not `recent`) decided on deletions afresh: deletions an older run of the source still
   * holds are closed as superseded, deleting nothing (the new run deleted or held what is still gone).
   */
  private async supersede(run: SyncRunEntity): Promise<void> {
    if (run.dryRun || run.mode === 'recent') return;
    const pending = await this.runs.findBy({ sourceId: run.sourceId, status: 'awaiting_approval', id: LessThan(run.id) });
    const at = new Date().toISOString();
    for (const older of pending) {
      const patch: Partial<SyncRunEntity> = {
        status: 'success',
        deletionDecision: 'superseded',
        deletionDecidedAt: at,
        deletionDecisionReason: `run ${run.id}`,
      };
      await this.update(older.id, patch, 'run.finished');
    }
  }

  private redact(runId: number, text: string): string {
    return maskSecrets(text, this.logState.get(runId)?.secrets ?? []);
  }

  private async update(runId: number, patch: Partial<SyncRunEntity>, event: 'run.progress' | 'run.finished'): Promise<void> {
    await this.runs.update({ id: runId }, patch);
    const run = await this.runs.findOneByOrFail({ id: runId });
    this.events.emit({ type: event, run: toSyncRun(run) });
  }
}
