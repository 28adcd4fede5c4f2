import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Page, RunLog, RunRejection, SyncRun } from '@hamgam/shared';
import { ListRunsDto } from './dto/list-runs.dto';
import { SyncService } from './sync.service';

@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(private readonly sync: SyncService) {}

  @Get()
  list(@Query() query: ListRunsDto): Promise<Page<SyncRun>> {
    return this.sync.list(query);
  }

  @Get('active')
  active(): Promise<SyncRun[]> {
    return this.sync.active();
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<SyncRun> {
    return this.sync.get(id);
  }

  @Get(':id/log')
  log(@Param('id', ParseIntPipe) id: number): Promise<RunLog> {
    return this.sync.log(id);
  }

  @Get(':id/rejections')
  rejections(@Param('id', ParseIntPipe) id: number): Promise<RunRejection[]> {
    return this.sync.rejectionsOf(id);
  }

  @Post(':id/cancel')
  @HttpCode(202)
  cancel(@Param('id', ParseIntPipe) id: number): Promise<SyncRun> {
    return this.sync.cancel(id);
  }
}
