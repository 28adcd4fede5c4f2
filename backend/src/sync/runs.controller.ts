import { Body, Controller, Get, Header, HttpCode, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { RunLog, SyncRun } from '@hamgam/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedRequest } from '../common/session-user';
import { CancelRunDto } from './dto/cancel-run.dto';
import { SyncService } from './sync.service';

// The paged, filtered list (`GET /api/runs`) and its exports live in the history module; a run's rejected records
// in rejections/.
@ApiTags('runs')
@Controller('runs')
export class RunsController {
  constructor(
    private readonly sync: SyncService,
    private readonly audit: AuditService,
  ) {}

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

  /** The whole log as a text file, one line per entry: `ISO-time LEVEL message`. */
  @Get(':id/log.txt')
  @ApiProduces('text/plain')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async logFile(@Param('id', ParseIntPipe) id: number, @Req() request: AuthenticatedRequest): Promise<string> {
    const log = await this.sync.log(id);
    request.res?.setHeader('Content-Disposition', `attachment; filename="hamgam-run-${id}.log"`);
    const lines = log.lines.map((line) => `${line.at} ${line.level.toUpperCase().padEnd(5)} ${line.message}`);
    if (log.truncated) lines.push('… the log was cut at its line limit');
    return lines.join('\n') + '\n';
  }

  @Post(':id/cancel')
  @HttpCode(202)
  async cancel(@Param('id', ParseIntPipe) id: number, @Body() dto: CancelRunDto, @Req() request: AuthenticatedRequest): Promise<SyncRun> {
    const reason = dto?.reason?.trim() || null;
    const run = await this.sync.cancel(id, { by: request.user?.username ?? null, reason });
    await this.audit.record(request, { action: 'run.cancelled', target: `run:${id}`, details: { sourceId: run.sourceId, reason } });
    return run;
  }
}
