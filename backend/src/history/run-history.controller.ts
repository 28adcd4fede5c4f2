import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Page, SyncRun } from '@hamgam/shared';
import { jalaliDateTime, localDateTime } from '../common/export/local-time';
import { sendCsv, sendXlsx, type ExportColumn } from '../common/export/table-export';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ListRunsDto, RunFiltersDto } from './dto/list-runs.dto';
import { RunHistoryService } from './run-history.service';

/** Columns of both exports: each timestamp as ISO (UTC), local Gregorian and Jalali. */
export function runExportColumns(timeZone: string): ExportColumn<SyncRun>[] {
  const times = (name: 'createdAt' | 'startedAt' | 'finishedAt', header: string): ExportColumn<SyncRun>[] => [
    { header, value: (run) => run[name], width: 26 },
    { header: `${header}_local`, value: (run) => localDateTime(run[name], timeZone), width: 20 },
    { header: `${header}_jalali`, value: (run) => jalaliDateTime(run[name], timeZone), width: 20 },
  ];
  return [
    { header: 'id', value: (run) => Number(run.id), width: 8 },
    { header: 'source', value: (run) => run.sourceId },
    { header: 'status', value: (run) => run.status, width: 10 },
    { header: 'trigger', value: (run) => run.trigger, width: 10 },
    { header: 'triggered_by', value: (run) => run.triggeredBy },
    { header: 'reason', value: (run) => run.reason, width: 30 },
    { header: 'mode', value: (run) => run.mode, width: 8 },
    ...times('createdAt', 'created_at'),
    ...times('startedAt', 'started_at'),
    ...times('finishedAt', 'finished_at'),
    { header: 'duration_ms', value: (run) => run.durationMs },
    { header: 'fetched', value: (run) => run.counts.fetched, width: 10 },
    { header: 'inserted', value: (run) => run.counts.inserted, width: 10 },
    { header: 'updated', value: (run) => run.counts.updated, width: 10 },
    { header: 'unchanged', value: (run) => run.counts.unchanged, width: 10 },
    { header: 'deleted', value: (run) => run.counts.deleted, width: 10 },
    { header: 'rejected', value: (run) => run.counts.rejected, width: 10 },
    { header: 'error_kind', value: (run) => run.errorKind, width: 12 },
    { header: 'error_message', value: (run) => run.errorMessage, width: 60 },
    { header: 'cancelled_by', value: (run) => run.cancelledBy },
    { header: 'cancel_reason', value: (run) => run.cancelReason, width: 30 },
  ];
}

// Registered before the sync module's RunsController (see AppModule), so `export.csv` is not taken for a run id.
@ApiTags('runs')
@Controller('runs')
export class RunHistoryController {
  constructor(
    private readonly history: RunHistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  list(@Query() query: ListRunsDto): Promise<Page<SyncRun>> {
    return this.history.list(query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async exportCsv(@Query() query: RunFiltersDto, @Res() response: Response): Promise<void> {
    await sendCsv(response, 'hamgam-runs.csv', runExportColumns(this.config.timeZone), this.history.iterate(query));
  }

  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportXlsx(@Query() query: RunFiltersDto, @Res() response: Response): Promise<void> {
    await sendXlsx(response, 'hamgam-runs.xlsx', 'runs', runExportColumns(this.config.timeZone), this.history.iterate(query));
  }
}
