import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { COUNT_KEYS, type Page, type SyncRun } from '@hamgam/shared';
import { jalaliDateTime, localDateTime } from '../common/export/local-time';
import { EXPORT_LABELS, exportLanguage, labelOf, sourceNamer, type ExportLanguage, type SourceNamer } from '../common/export/export-labels';
import { sendCsv, sendXlsx, type ExportColumn } from '../common/export/table-export';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SOURCE_CATALOG, type SourceCatalog } from '../sync/source-catalog';
import { SOURCE_SEEDS, type SourceSeeds } from '../sync/source-seeds';
import { ExportRunsDto } from './dto/export-runs.dto';
import { ListRunsDto } from './dto/list-runs.dto';
import { RunHistoryService } from './run-history.service';

/** Columns of both exports in the reader's language: each timestamp as ISO (UTC), local Gregorian and Jalali. */
export function runExportColumns(timeZone: string, lang: ExportLanguage, sourceName: SourceNamer): ExportColumn<SyncRun>[] {
  const labels = EXPORT_LABELS[lang];
  const header = labels.runColumns;
  const times = (name: 'createdAt' | 'startedAt' | 'finishedAt'): ExportColumn<SyncRun>[] => [
    { header: labels.timeColumn(header[name], 'iso'), value: (run) => run[name], width: 26 },
    { header: labels.timeColumn(header[name], 'local'), value: (run) => localDateTime(run[name], timeZone), width: 20 },
    { header: labels.timeColumn(header[name], 'jalali'), value: (run) => jalaliDateTime(run[name], timeZone), width: 20 },
  ];
  return [
    { header: header.id, value: (run) => Number(run.id), width: 8 },
    { header: header.source, value: (run) => sourceName(run.sourceId), width: 22 },
    { header: header.status, value: (run) => labelOf(labels.statuses, run.status), width: 12 },
    { header: header.trigger, value: (run) => labelOf(labels.triggers, run.trigger), width: 12 },
    { header: header.triggeredBy, value: (run) => run.triggeredBy },
    { header: header.reason, value: (run) => run.reason, width: 30 },
    { header: header.mode, value: (run) => labelOf(labels.modes, run.mode), width: 10 },
    ...times('createdAt'),
    ...times('startedAt'),
    ...times('finishedAt'),
    { header: header.durationMs, value: (run) => run.durationMs },
    ...COUNT_KEYS.map((key): ExportColumn<SyncRun> => ({ header: header[key], value: (run) => run.counts[key], width: 10 })),
    // A cancelled run is not an error: its status, who cancelled it and why say it all (the stored kind is `cancelled`).
    { header: header.errorKind, value: (run) => (run.status === 'cancelled' ? null : labelOf(labels.errorKinds, run.errorKind)), width: 18 },
    { header: header.errorMessage, value: (run) => (run.status === 'cancelled' ? null : run.errorMessage), width: 60 },
    { header: header.cancelledBy, value: (run) => run.cancelledBy },
    { header: header.cancelReason, value: (run) => run.cancelReason, width: 30 },
    { header: header.dryRun, value: (run) => (run.dryRun ? labels.dryRunYes : null), width: 10 },
    { header: header.heldDeletions, value: (run) => run.heldDeletions, width: 10 },
  ];
}

// Registered before the sync module's RunsController (see AppModule), so `export.csv` is not taken for a run id.
@ApiTags('runs')
@Controller('runs')
export class RunHistoryController {
  constructor(
    private readonly history: RunHistoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(SOURCE_SEEDS) private readonly seeds: SourceSeeds,
  ) {}

  @Get()
  list(@Query() query: ListRunsDto): Promise<Page<SyncRun>> {
    return this.history.list(query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async exportCsv(
    @Query() { lang, ...filters }: ExportRunsDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, 'hamgam-runs.csv', this.columns(exportLanguage(lang, acceptLanguage)), this.history.iterate(filters));
  }

  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportXlsx(
    @Query() { lang, ...filters }: ExportRunsDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const language = exportLanguage(lang, acceptLanguage);
    const sheet = { name: EXPORT_LABELS[language].runsSheet, isRightToLeft: language === 'fa' };
    await sendXlsx(response, 'hamgam-runs.xlsx', sheet, this.columns(language), this.history.iterate(filters));
  }

  private columns(lang: ExportLanguage): ExportColumn<SyncRun>[] {
    const commandSources = [...this.seeds.commandSources, ...this.config.commandSources];
    return runExportColumns(this.config.timeZone, lang, sourceNamer(this.catalog, commandSources, lang));
  }
}
