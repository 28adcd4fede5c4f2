import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Source, SyncRun } from '@hamgam/shared';
import { TriggerRunDto } from './dto/trigger-run.dto';
import { UpdateSourceDto } from './dto/update-source.dto';
import { AutoSyncScheduler } from './scheduler/auto-sync.scheduler';
import { SourcesService } from './sources.service';
import { SyncService } from './sync.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly sync: SyncService,
    private readonly scheduler: AutoSyncScheduler,
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
  async update(@Param('id') id: string, @Body() dto: UpdateSourceDto): Promise<Source> {
    await this.sources.update(id, dto);
    // Settings take effect at once: the source's schedule is re-planned from what was just stored.
    return this.scheduler.reschedule(id);
  }

  @Post(':id/runs')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The run, pending' })
  @ApiConflictResponse({ description: 'A run of this source is already active; the body names it' })
  trigger(@Param('id') id: string, @Body() dto: TriggerRunDto): Promise<SyncRun> {
    return this.sync.start({ sourceId: id, trigger: dto.trigger ?? 'api', triggeredBy: null, reason: dto.reason ?? null, mode: dto.mode });
  }
}
