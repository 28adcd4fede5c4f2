import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { RecordPage } from '@hamgam/shared';
import { ListRecordsDto } from './list-records.dto';
import { RecordsService } from './records.service';

@ApiTags('records')
@Controller('sources/:id/records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @ApiNotFoundResponse({ description: 'The source does not exist or keeps no records to browse' })
  list(@Param('id') id: string, @Query() query: ListRecordsDto): Promise<RecordPage> {
    return this.records.list(id, query);
  }
}
