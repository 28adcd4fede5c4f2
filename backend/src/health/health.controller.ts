import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import type { Health, Readiness } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { WORKER_NODE_FLAGS } from '../sync/runner/run-supervisor.service';
import { canStartWorker } from './worker-probe';

const VERSION = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
// Readiness forks a process: probes (and anyone, it is public) within this span share one answer.
const WORKER_PROBE_CACHE_MS = 5_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  private workerProbe: { at: number; result: Promise<boolean> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Liveness: public and cheap. */
  @Get()
  @Public()
  async check(): Promise<Health> {
    await this.dataSource.query('SELECT 1');
    return { status: 'ok', version: VERSION, database: 'ok' };
  }

  /** Readiness: the database answers and a worker can start; 503 naming what failed. */
  @Get('ready')
  @Public()
  @ApiServiceUnavailableResponse({ description: 'A check failed; the body names it' })
  async ready(@Res({ passthrough: true }) response: Response): Promise<Readiness> {
    const [database, worker] = await Promise.all([this.databaseAnswers(), this.workerStarts()]);
    const checks: Readiness['checks'] = { database: database ? 'ok' : 'failed', worker: worker ? 'ok' : 'failed' };
    const isReady = database && worker;
    if (!isReady) response.status(503);
    const replica = { id: this.config.replicaId, database: this.dataSource.options.type === 'postgres' ? ('postgres' as const) : ('sqlite' as const) };
    return { status: isReady ? 'ready' : 'unavailable', checks, replica };
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1 FROM data_syncs LIMIT 1');
      return true;
    } catch {
      return false;
    }
  }

  private workerStarts(): Promise<boolean> {
    const now = Date.now();
    if (!this.workerProbe || now - this.workerProbe.at > WORKER_PROBE_CACHE_MS) {
      this.workerProbe = { at: now, result: canStartWorker(this.config.workerEntry, WORKER_NODE_FLAGS) };
    }
    return this.workerProbe.result;
  }
}
