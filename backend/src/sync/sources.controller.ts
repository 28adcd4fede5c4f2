import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Source, SyncRun } from '@hamgam/shared';
import { AuditService } from '../audit/audit.service';
import { diffSettings } from '../audit/redact';
import type { AuthenticatedRequest } from '../common/session-user';
import { TriggerRunDto } from './dto/trigger-run.dto';
import { UpdateSourceDto } from './dto/update-source.dto';
import { AutoSyncScheduler } from './scheduler/auto-sync.scheduler';
import { storedFlag } from './settings/source-settings';
import { SourcesService } from './sources.service';
import { SyncService } from './sync.service';

/** The editable part of a source, as compared before and after a change for the audit trail. */
function settingsOf(source: Source) {
  return { enabled: source.enabled, timeoutSeconds: source.timeoutSeconds, connection: source.connection, command: source.command };
}

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly sync: SyncService,
    private readonly scheduler: AutoSyncScheduler,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(): Promise<Source[]> {
    return this.sources.list();
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Source> {
    return this.sources.get(id);
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() dto: UpdateSourceDto, @Req() request: AuthenticatedRequest): Promise<Source> {
    const before = await this.sources.get(id);
    const after = await this.sources.update(id, dto);
    const changes: Record<string, unknown> = diffSettings(settingsOf(before), settingsOf(after));
    // A secret itself never reaches the trail: only that it was set.
    for (const field of after.settings.connection.filter((declared) => declared.kind === 'secret')) {
      delete changes[`connection.${storedFlag(field.name)}`];
      if (dto.connection?.[field.name] !== undefined) changes[`connection.${field.name}`] = 'changed';
    }
    await this.audit.record(request, { action: 'settings.changed', target: `source:${id}`, details: { changes } });
    // Settings take effect at once: the source's schedule is re-planned from what was just stored.
    return this.scheduler.reschedule(id);
  }

  @Post(':id/runs')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The run, pending' })
  @ApiConflictResponse({ description: 'A run of this source is already active; the body names it' })
  async trigger(@Param('id') id: string, @Body() dto: TriggerRunDto, @Req() request: AuthenticatedRequest): Promise<SyncRun> {
    const run = await this.sync.start({ sourceId: id, trigger: dto.trigger ?? 'api', triggeredBy: request.user?.username ?? null, reason: dto.reason ?? null, mode: dto.mode });
    await this.audit.record(request, { action: 'sync.triggered', target: `run:${run.id}`, details: { sourceId: id, trigger: run.trigger, mode: run.mode, reason: run.reason } });
    return run;
  }
}
