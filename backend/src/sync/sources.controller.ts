import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Source, SyncRun } from '@hamgam/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedRequest } from '../common/session-user';
import { TriggerRunDto } from './dto/trigger-run.dto';
import { UpdateSourceDto } from './dto/update-source.dto';
import { AutoSyncScheduler } from './scheduler/auto-sync.scheduler';
import { SyncEventsService } from './events/sync-events.service';
import { SourceSettingsService } from './source-settings.service';
import { SourceViewService } from './source-view.service';
import { SyncService } from './sync.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly settings: SourceSettingsService,
    private readonly view: SourceViewService,
    private readonly events: SyncEventsService,
    private readonly sync: SyncService,
    private readonly scheduler: AutoSyncScheduler,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(): Promise<Source[]> {
    return this.view.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Source> {
    return this.view.get(id);
  }

  /** Saves, audits and re-plans the source, then builds what clients see once: the answer and `source.updated`. */
  @Patch(':id')
  async update(@Param('id') id: string, @Body() dto: UpdateSourceDto, @Req() request: AuthenticatedRequest): Promise<Source> {
    const { after, changes } = await this.settings.update(id, dto);
    // A save that changes nothing is no change to record (and not a bare request for the interceptor either).
    if (Object.keys(changes).length > 0) await this.audit.record(request, { action: 'settings.changed', target: `source:${id}`, details: { changes } });
    else this.audit.markRecorded(request);
    // Settings take effect at once: the source's schedule is re-planned from what was just stored.
    await this.scheduler.reschedule(id);
    const source = await this.view.toSource(after);
    this.events.emit({ type: 'source.updated', source });
    return source;
  }

  @Post(':id/runs')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The run, pending' })
  @ApiConflictResponse({ description: 'A run of this source is already active; the body names it' })
  async trigger(@Param('id') id: string, @Body() dto: TriggerRunDto, @Req() request: AuthenticatedRequest): Promise<SyncRun> {
    const run = await this.sync.start({
      sourceId: id,
      trigger: dto.trigger ?? 'api',
      triggeredBy: request.user?.username ?? null,
      reason: dto.reason ?? null,
      mode: dto.mode,
      dryRun: dto.dryRun,
    });
    await this.audit.record(request, {
      action: 'sync.triggered',
      target: `run:${run.id}`,
      details: { sourceId: id, trigger: run.trigger, mode: run.mode, reason: run.reason, ...(run.dryRun ? { dryRun: true } : {}) },
    });
    return run;
  }
}
