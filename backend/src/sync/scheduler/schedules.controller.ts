import { BadRequestException, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AutoSyncConfig, CronPreview, Source } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { cronFireTimes } from './auto-sync-plan';
import { MAX_INTERVAL_SECONDS, allowedUnits, validateCron } from './auto-sync-rules';
import { AutoSyncScheduler } from './auto-sync.scheduler';
import { CronPreviewQueryDto } from './dto/auto-sync.dto';

const PREVIEW_COUNT = 3;

@ApiTags('schedules')
@Controller()
export class SchedulesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: AutoSyncScheduler,
  ) {}

  @Get('schedules/config')
  getConfig(): AutoSyncConfig {
    const limits = { minIntervalSeconds: this.config.minSyncIntervalSeconds, timeZone: this.config.universityTimeZone };
    return {
      isAllowed: this.config.autoSyncEnabled,
      timeZone: this.config.universityTimeZone,
      minIntervalSeconds: this.config.minSyncIntervalSeconds,
      maxIntervalSeconds: MAX_INTERVAL_SECONDS,
      units: allowedUnits(limits),
      maxFailures: this.config.autoSyncMaxFailures,
    };
  }

  /** The next fire times of a cron expression in the university's time zone, checked as a save would check it. */
  @Get('schedules/preview')
  preview(@Query() { cron }: CronPreviewQueryDto): CronPreview {
    const now = new Date();
    const timeZone = this.config.universityTimeZone;
    const errors = validateCron(cron, { minIntervalSeconds: this.config.minSyncIntervalSeconds, timeZone }, now);
    if (errors.length > 0) throw new BadRequestException({ message: `cron: ${errors.join(', ')}`, fields: { cron: errors } });
    return { cron, timeZone, fireTimes: cronFireTimes(cron, timeZone, now, PREVIEW_COUNT).map((time) => time.toISOString()) };
  }

  @Post('sources/:id/auto-sync/clear-back-off')
  @HttpCode(200)
  clearBackoff(@Param('id') id: string): Promise<Source> {
    return this.scheduler.clearBackoff(id);
  }
}
