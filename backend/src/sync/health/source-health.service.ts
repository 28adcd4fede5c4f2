import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, type Repository } from 'typeorm';
import type { RunStatus } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { SourceEntity } from '../entities/source.entity';
import { SyncRunEntity } from '../entities/sync-run.entity';
import { timingOf } from '../scheduler/auto-sync-rules';
import { settingsOf } from '../scheduler/auto-sync-view';
import { SourceScheduleEntity } from '../scheduler/source-schedule.entity';
import { sourceHealth, type HealthInput, type HealthVerdict } from './source-health';

const SUCCESSES: RunStatus[] = ['success', 'awaiting_approval'];

const dateOf = (value: string | null | undefined) => (value ? new Date(value) : null);

/** Reads what a source's health is computed from (the database only, so every replica answers the same). */
@Injectable()
export class SourceHealthService {
  constructor(
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(SourceScheduleEntity) private readonly schedules: Repository<SourceScheduleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verdictOf(source: SourceEntity, now = new Date()): Promise<HealthVerdict> {
    return sourceHealth(await this.inputOf(source), now);
  }

  private async inputOf(source: SourceEntity): Promise<HealthInput> {
    const sourceId = source.id;
    const [schedule, active, lastSuccess, lastOutcome] = await Promise.all([
      this.schedules.findOneBy({ sourceId }),
      this.runs.findOne({ where: { sourceId, status: In(['pending', 'running']) }, order: { id: 'DESC' } }),
      // Dry runs store nothing, so they neither freshen nor fail the data; a run awaiting approval stored its
      // inserts and updates (only its deletions wait), so it counts as the success it becomes.
      this.runs.findOne({ where: { sourceId, status: In(SUCCESSES), dryRun: false }, order: { id: 'DESC' } }),
      this.runs.findOne({ where: { sourceId, status: In([...SUCCESSES, 'failed']), dryRun: false }, order: { id: 'DESC' } }),
    ]);
    const firstFailure =
      lastOutcome?.status === 'failed'
        ? await this.runs.findOne({ where: { sourceId, status: 'failed', dryRun: false, id: MoreThan(lastSuccess?.id ?? 0) }, order: { id: 'ASC' } })
        : null;
    const settings = settingsOf(schedule);
    return {
      isEnabled: source.enabled,
      maxAgeSeconds: source.freshnessMaxAgeSeconds,
      schedule: {
        isActive: this.config.autoSyncEnabled && settings.enabled,
        pausedAt: dateOf(schedule?.pausedAt),
        timing: timingOf(settings),
        since: dateOf(schedule?.since),
      },
      timeZone: this.config.universityTimeZone,
      timeoutSeconds: source.timeoutSeconds,
      createdAt: new Date(source.createdAt),
      activeRun: active ? { startedAt: new Date(active.startedAt ?? active.createdAt) } : null,
      lastSuccessAt: dateOf(lastSuccess?.finishedAt),
      lastOutcome: lastOutcome?.finishedAt
        ? { status: lastOutcome.status === 'failed' ? 'failed' : 'success', finishedAt: new Date(lastOutcome.finishedAt) }
        : null,
      failingSince: dateOf(firstFailure?.finishedAt),
    };
  }
}
