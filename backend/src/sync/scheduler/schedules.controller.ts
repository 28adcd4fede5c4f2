import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AutoSyncConfig, AutoSyncSettings, QuietWindow, SchedulePreview, Source, Weekday } from '@hamgam/shared';
import { CalendarService } from '../../calendar/calendar.service';
import { throwIfIssues, type FieldIssues } from '../../common/field-issues';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { upcomingRuns } from './auto-sync-plan';
import { DEFAULT_AUTO_SYNC, MAX_INTERVAL_SECONDS, allowedUnits, mergeAutoSync, timingOf, validateAutoSync } from './auto-sync-rules';
import { AutoSyncScheduler } from './auto-sync.scheduler';
import { SchedulePreviewQueryDto } from './dto/auto-sync.dto';

const PREVIEW_COUNT = 3;

@ApiTags('schedules')
@Controller()
export class SchedulesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scheduler: AutoSyncScheduler,
    private readonly calendar: CalendarService,
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

  /**
   * The next scheduled runs of a schedule as the form holds it (cron or interval, quiet window), in the university's
   * time zone, checked as a save would check it: a refusal names the field without `autoSync.` (`cron`, `every`,
   * `inTerm.every`). With `skipClosures=true` or `inTermEvery`/`inTermUnit` the saved academic calendar plays its part.
   */
  @Get('schedules/preview')
  async preview(@Query() query: SchedulePreviewQueryDto): Promise<SchedulePreview> {
    const now = new Date();
    const timeZone = this.config.universityTimeZone;
    const quietWindow: QuietWindow | null =
      query.quietStart && query.quietEnd
        ? { start: query.quietStart, end: query.quietEnd, days: (query.quietDays ?? '0,1,2,3,4,5,6').split(',').map(Number) as Weekday[] }
        : null;
    const timing = query.cron ? { cron: query.cron } : { every: query.every, unit: query.unit };
    const inTerm = query.inTermEvery !== undefined && query.inTermUnit ? { every: query.inTermEvery, unit: query.inTermUnit } : null;
    const patch: Partial<AutoSyncSettings> = { enabled: true, ...timing, quietWindow, skipClosures: query.skipClosures === 'true', inTerm };
    const next = mergeAutoSync({ ...DEFAULT_AUTO_SYNC, every: null, unit: null }, patch);
    const issues = validateAutoSync(patch, next, { limits: { minIntervalSeconds: this.config.minSyncIntervalSeconds, timeZone }, modes: [], now });
    throwIfIssues(Object.fromEntries(Object.entries(issues).map(([field, list]) => [field.replace(/^autoSync\./, ''), list])) as FieldIssues);
    const plan = timingOf(next);
    if (!plan) return { timeZone, fireTimes: [], reasons: [] };
    const rule = { skipClosures: next.skipClosures, inTerm: next.inTerm };
    const calendarPlan = rule.skipClosures || rule.inTerm ? { calendar: await this.calendar.forScheduling(), rule } : null;
    const runs = upcomingRuns({ timing: plan, timeZone, quietWindow }, now, PREVIEW_COUNT, calendarPlan);
    return { timeZone, fireTimes: runs.map((run) => run.at.toISOString()), reasons: runs.map((run) => run.reason) };
  }

  @Post('sources/:id/auto-sync/clear-back-off')
  @HttpCode(200)
  clearBackoff(@Param('id') id: string): Promise<Source> {
    return this.scheduler.clearBackoff(id);
  }
}
