import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { DeletionGuard, ErrorKind, RunCounts, RunMode, WorkerSettings } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { spawnCommand, type CommandLaunch } from './command-process';
import { isWorkerMessage } from './is-worker-message';
import { RunRecorder } from './run-recorder.service';
import { logLine } from '../../common/logging/log-fields';
import { SourceDataWatch } from './source-data-watch.service';

// A worker's live heap is small (a Moodle run of 600 courses / 10,000 users holds 9–14 MB), but V8's defaults (16 MB
// semi-spaces, a heap tuned for speed) let ~100 MB of garbage pile up before collecting it. A worker is a batch job:
// 1 MB semi-spaces and V8's size-first tuning keep its peak near the live size for a few % more CPU
// (docs/benchmarks.md, "Moodle worker memory" and "Students sync").
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=1', '--optimize-for-size'];

export type LaunchRequest = {
  runId: number;
  sourceId: string;
  timeoutSeconds: number;
  secrets: string[];
} & (
  | {
      kind: 'connector';
      mode: RunMode | null;
      settings: WorkerSettings;
      optionWarnings: string[];
      dryRun: boolean;
      deletionGuard: DeletionGuard | null;
    }
  | { kind: 'command'; command: CommandLaunch['command']; env: Record<string, string> }
);

type StopReason = { status: 'failed' | 'cancelled'; kind: ErrorKind; message: string };

type ActiveChild = {
  child: ChildProcess;
  queue: Promise<void>;
  stopReason: StopReason | null;
  /** The counts the worker last reported once a stop was asked for; the stopped run keeps them. */
  countsAtStop: RunCounts | null;
  /** The calls the worker said it retried, from its final message (also when a stop was asked for). */
  retries: number | undefined;
  hasFinalMessage: boolean;
  timeoutTimer: NodeJS.Timeout;
  killTimer: NodeJS.Timeout | null;
  isGroup: boolean;
  closed: Promise<void>;
};

/** Owns the child process of every active run: forks it, reads its messages, enforces timeout and cancel. */
@Injectable()
export class RunSupervisor implements OnApplicationShutdown {
  private readonly logger = new Logger(RunSupervisor.name);
  private readonly active = new Map<number, ActiveChild>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly recorder: RunRecorder,
    private readonly dataWatch: SourceDataWatch,
  ) {}

  isActive(runId: number): boolean {
    return this.active.has(runId);
  }

  /** The runs whose process this replica holds. */
  activeRunIds(): number[] {
    return [...this.active.keys()];
  }

  /** The process id of an active run's child (operators and tests use it). */
  pidOf(runId: number): number | undefined {
    return this.active.get(runId)?.child.pid;
  }

  launch(request: LaunchRequest): void {
    this.recorder.track(request.runId, request.secrets);
    void this.dataWatch.begin(request.runId, request.sourceId);
    // Messages can arrive before the entry exists (a command reports 'started' at once): hold them until it does.
    const slot: { entry?: ActiveChild } = {};
    const early: unknown[] = [];
    const onMessage = (message: unknown) => {
      if (!slot.entry) return void early.push(message);
      const handled = slot.entry;
      handled.queue = handled.queue
        .then(() => this.handleMessage(request.runId, handled, message))
        .catch((error: unknown) => {
          this.logger.error(
            logLine(`run ${request.runId}: could not record a worker message: ${String(error)}`, { runId: request.runId, sourceId: request.sourceId }),
          );
        });
    };

    const child =
      request.kind === 'connector'
        ? fork(this.config.workerEntry, [], {
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
            env: this.workerEnv(),
            execArgv: [...process.execArgv, ...WORKER_NODE_FLAGS],
          })
        : spawnCommand({ command: request.command, env: request.env, onMessage: (message) => onMessage(message) });

    let resolveClosed: () => void = () => undefined;
    const entry: ActiveChild = {
      child,
      queue: Promise.resolve(),
      stopReason: null,
      countsAtStop: null,
      retries: undefined,
      hasFinalMessage: false,
      isGroup: request.kind === 'command',
      timeoutTimer: setTimeout(
        () => this.stop(request.runId, { status: 'failed', kind: 'timeout', message: `the run exceeded its time limit of ${request.timeoutSeconds} s` }),
        request.timeoutSeconds * 1000,
      ),
      killTimer: null,
      closed: new Promise<void>((resolve) => (resolveClosed = resolve)),
    };
    slot.entry = entry;
    this.active.set(request.runId, entry);
    for (const message of early.splice(0)) onMessage(message);

    if (request.kind === 'connector') {
      child.on('message', onMessage);
      // Whatever the worker prints (a crash trace, a library warning) belongs to the run's log.
      createInterface({ input: child.stdout! }).on('line', (line) => onMessage({ type: 'log', level: 'info', message: line }));
      createInterface({ input: child.stderr! }).on('line', (line) => onMessage({ type: 'log', level: 'warn', message: line }));
      child.on('error', (error) => onMessage({ type: 'failed', kind: 'internal', message: `could not start the worker: ${error.message}` }));
      child.send({
        type: 'start',
        runId: String(request.runId),
        sourceId: request.sourceId,
        databasePath: this.config.databasePath,
        databaseUrl: this.config.databaseUrl,
        mode: request.mode,
        settings: request.settings,
        optionWarnings: request.optionWarnings,
        allowedUpstreamHosts: this.config.upstreamAllowedHosts,
        dryRun: request.dryRun,
        deletionGuard: request.deletionGuard,
      });
    }

    child.once('close', (code, signal) => {
      const closing = entry;
      closing.queue = closing.queue
        .then(() => this.handleExit(request.runId, closing, code, signal))
        .catch((error: unknown) =>
          this.logger.error(logLine(`run ${request.runId}: could not close: ${String(error)}`, { runId: request.runId, sourceId: request.sourceId })),
        )
        .finally(() => {
          clearTimeout(closing.timeoutTimer);
          if (closing.killTimer) clearTimeout(closing.killTimer);
          this.active.delete(request.runId);
          void this.dataWatch.check(request.runId, true);
          resolveClosed();
        });
    });
  }

  /** SIGTERM now, SIGKILL after the grace period; the run closes with `reason` when the process is gone. */
  stop(runId: number, reason: StopReason): boolean {
    const entry = this.active.get(runId);
    if (!entry) return false;
    if (!entry.stopReason) entry.stopReason = reason;
    this.signal(entry, 'SIGTERM');
    entry.killTimer ??= setTimeout(() => this.signal(entry, 'SIGKILL'), this.config.killGraceMs);
    return true;
  }

  /** Resolves when the run's process has exited and its row is closed. */
  async whenClosed(runId: number): Promise<void> {
    await this.active.get(runId)?.closed;
  }

  async onApplicationShutdown(): Promise<void> {
    const ids = [...this.active.keys()];
    for (const id of ids) this.stop(id, { status: 'failed', kind: 'interrupted', message: 'the server shut down while this run was active' });
    await Promise.all(ids.map((id) => this.whenClosed(id)));
  }

  private async handleMessage(runId: number, entry: ActiveChild, message: unknown): Promise<void> {
    if (!isWorkerMessage(message)) {
      this.logger.warn(logLine(`run ${runId}: dropped a malformed worker message`, { runId }));
      return;
    }
    // Once a stop was asked for, the supervisor's reason decides the outcome, but the counts the worker reached
    // (its last progress, or those of its final message) are what the stopped run keeps.
    const stopping = entry.stopReason !== null;
    if (stopping && 'counts' in message && message.counts) entry.countsAtStop = message.counts;
    if ((message.type === 'finished' || message.type === 'failed') && message.retries !== undefined) entry.retries = message.retries;
    switch (message.type) {
      case 'started':
        return this.recorder.markRunning(runId);
      case 'progress':
        if (stopping) return;
        await this.recorder.progress(runId, message);
        // What the run pushed or opened so far (a CRM run pushes its outbox before it pulls).
        return this.dataWatch.check(runId);
      case 'log':
        return this.recorder.log(runId, message.level, message.message);
      case 'rejected':
        return this.recorder.reject(runId, message.items);
      case 'finished':
        if (stopping) return;
        entry.hasFinalMessage = true;
        return this.recorder.finish(runId, { status: 'success', counts: message.counts, retries: entry.retries, heldDeletions: message.heldDeletions });
      case 'failed':
        if (stopping) return;
        entry.hasFinalMessage = true;
        return this.recorder.finish(runId, { status: 'failed', kind: message.kind, message: message.message, counts: message.counts, retries: entry.retries });
    }
  }

  private async handleExit(runId: number, entry: ActiveChild, code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    if (entry.stopReason) {
      const { status, kind, message } = entry.stopReason;
      const counts = entry.countsAtStop ?? undefined;
      return this.recorder.finish(runId, { status, kind, message, counts, retries: entry.retries, exitCode: code, exitSignal: signal });
    }
    if (entry.hasFinalMessage) return;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    return this.recorder.finish(runId, {
      status: 'failed',
      kind: 'internal',
      message: `the run's process ${how} before reporting an outcome`,
      exitCode: code,
      exitSignal: signal,
    });
  }

  private signal(entry: ActiveChild, signal: NodeJS.Signals): void {
    const pid = entry.child.pid;
    if (pid === undefined || entry.child.exitCode !== null || entry.child.signalCode !== null) return;
    try {
      if (entry.isGroup) process.kill(-pid, signal);
      else entry.child.kill(signal);
    } catch {
      // Already gone: the 'close' handler closes the run.
    }
  }

  private workerEnv(): NodeJS.ProcessEnv {
    // The worker gets its secrets over IPC only; nothing secret is inherited through the environment.
    const env = { ...process.env };
    for (const key of Object.keys(env)) if (/PASSWORD|SECRET|TOKEN|KEY/i.test(key)) delete env[key];
    return env;
  }
}
