import { Controller, Get, Headers, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Page, RunRejection } from '@hamgam/shared';
import { exportLanguage } from '../../common/export/export-labels';
import { sendCsv } from '../../common/export/table-export';
import { ExportRejectionsDto, ListRejectionsDto } from './list-rejections.dto';
import { rejectionExportColumns } from './reject-reasons';
import { RunRejectionsService } from './run-rejections.service';

@ApiTags('runs')
@Controller('runs')
export class RunRejectionsController {
  constructor(private readonly rejections: RunRejectionsService) {}

  /** One row per record key: the terms it was rejected in and each distinct reason (code, parameters, English text). */
  @Get(':id/rejections')
  @ApiNotFoundResponse({ description: 'The run does not exist' })
  list(@Param('id', ParseIntPipe) id: number, @Query() query: ListRejectionsDto): Promise<Page<RunRejection>> {
    return this.rejections.list(id, query);
  }

  /** The same rows (filtered by `q`) as CSV, headers, terms and reasons in the reader's language. */
  @Get(':id/rejections.csv')
  @ApiProduces('text/csv')
  @ApiNotFoundResponse({ description: 'The run does not exist' })
  async exportCsv(
    @Param('id', ParseIntPipe) id: number,
    @Query() { lang, q }: ExportRejectionsDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const reasons = await this.rejections.reasonsOf(id);
    const columns = rejectionExportColumns(exportLanguage(lang, acceptLanguage), reasons);
    await sendCsv(response, `hamgam-run-${id}-rejections.csv`, columns, this.rejections.iterate(id, reasons, q));
  }
}
