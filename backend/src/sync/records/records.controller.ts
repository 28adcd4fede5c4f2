import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { RecordPage, SourceStats } from '@hamgam/shared';
import { ListRecordsDto } from './list-records.dto';
import { RecordsService } from './records.service';

@ApiTags('records')
@Controller('sources/:id')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get('records')
  @ApiNotFoundResponse({ description: 'The source does not exist or keeps no records to browse' })
  @ApiBadRequestResponse({ description: "The table is not one of the source's record tables (`fields.table`)" })
  list(@Param('id') id: string, @Query() query: ListRecordsDto): Promise<RecordPage> {
    return this.records.list(id, query);
  }

  @Get('stats')
  @ApiNotFoundResponse({ description: 'The source does not exist' })
  stats(@Param('id') id: string): Promise<SourceStats> {
    return this.records.stats(id);
  }
}
