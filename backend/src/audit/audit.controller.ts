import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditEntry, Page } from '@hamgam/shared';
import { EXPORT_LABELS, exportLanguage, labelOf, type ExportLanguage } from '../common/export/export-labels';
import { jalaliDateTime, localDateTime } from '../common/export/local-time';
import { sendCsv, sendXlsx, type ExportColumn } from '../common/export/table-export';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuditService } from './audit.service';
import { ExportAuditDto } from './dto/export-audit.dto';
import { ListAuditDto } from './dto/list-audit.dto';

/** Columns of both exports in the reader's language; the time as ISO (UTC), local Gregorian and Jalali. */
export function auditExportColumns(timeZone: string, lang: ExportLanguage): ExportColumn<AuditEntry>[] {
  const labels = EXPORT_LABELS[lang];
  const header = labels.auditColumns;
  return [
    { header: header.id, value: (entry) => entry.id, width: 8 },
    { header: labels.timeColumn(header.at, 'iso'), value: (entry) => entry.at, width: 26 },
    { header: labels.timeColumn(header.at, 'local'), value: (entry) => localDateTime(entry.at, timeZone), width: 20 },
    { header: labels.timeColumn(header.at, 'jalali'), value: (entry) => jalaliDateTime(entry.at, timeZone), width: 20 },
    { header: header.actor, value: (entry) => entry.actor ?? labels.unknownActor },
    { header: header.action, value: (entry) => labelOf(labels.auditActions, entry.action), width: 22 },
    { header: header.target, value: (entry) => entry.target, width: 24 },
    { header: header.ip, value: (entry) => entry.ip },
    { header: header.details, value: (entry) => (entry.details ? JSON.stringify(entry.details) : null), width: 60 },
  ];
}

/** Readable by admins and auditors alike (reads are open to every role). */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  list(@Query() query: ListAuditDto): Promise<Page<AuditEntry>> {
    return this.audit.list(query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async exportCsv(
    @Query() { lang, ...filters }: ExportAuditDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    await sendCsv(response, 'hamgam-audit.csv', auditExportColumns(this.config.timeZone, exportLanguage(lang, acceptLanguage)), this.audit.iterate(filters));
  }

  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async exportXlsx(
    @Query() { lang, ...filters }: ExportAuditDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const language = exportLanguage(lang, acceptLanguage);
    const sheet = { name: EXPORT_LABELS[language].auditSheet, isRightToLeft: language === 'fa' };
    await sendXlsx(response, 'hamgam-audit.xlsx', sheet, auditExportColumns(this.config.timeZone, language), this.audit.iterate(filters));
  }
}
