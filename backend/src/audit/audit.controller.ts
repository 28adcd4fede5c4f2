import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuditEntry, Page } from '@hamgam/shared';
import { jalaliDateTime } from '../common/export/local-time';
import { sendCsv, type ExportColumn } from '../common/export/table-export';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AuditService } from './audit.service';
import { ListAuditDto } from './dto/list-audit.dto';

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
  async exportCsv(@Query() query: ListAuditDto, @Res() response: Response): Promise<void> {
    const zone = this.config.timeZone;
    const columns: ExportColumn<AuditEntry>[] = [
      { header: 'id', value: (entry) => entry.id },
      { header: 'at', value: (entry) => entry.at },
      { header: 'at_jalali', value: (entry) => jalaliDateTime(entry.at, zone) },
      { header: 'actor', value: (entry) => entry.actor },
      { header: 'action', value: (entry) => entry.action },
      { header: 'target', value: (entry) => entry.target },
      { header: 'ip', value: (entry) => entry.ip },
      { header: 'details', value: (entry) => (entry.details ? JSON.stringify(entry.details) : null) },
    ];
    await sendCsv(response, 'hamgam-audit.csv', columns, this.audit.iterate(query));
  }
}
