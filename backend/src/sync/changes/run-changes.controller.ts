import { Controller, Get, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Page, RecordHistoryEntry, RunChangePage } from '@hamgam/shared';
import { ListRecordHistoryDto, ListRunChangesDto } from './list-changes.dto';
import { RunChangesService } from './run-changes.service';

@ApiTags('runs')
@Controller('runs')
export class RunChangesController {
  constructor(private readonly changes: RunChangesService) {}

  /** The run's record-level changes in the order it made them: inserted and deleted keys, updated fields old → new. */
  @Get(':id/changes')
  @ApiNotFoundResponse({ description: 'The run does not exist' })
  @ApiBadRequestResponse({ description: 'A filter is not valid (the field is named)' })
  list(@Param('id', ParseIntPipe) id: number, @Query() query: ListRunChangesDto): Promise<RunChangePage> {
    return this.changes.list(id, query);
  }
}

@ApiTags('records')
@Controller('sources/:id/records')
export class RecordChangesController {
  constructor(private readonly changes: RunChangesService) {}

  /** One record's changes across runs, newest first. */
  @Get(':table/:key/changes')
  @ApiNotFoundResponse({ description: 'The source does not exist' })
  @ApiBadRequestResponse({ description: "The table is not one of the source's record tables (`fields.table`)" })
  history(
    @Param('id') id: string,
    @Param('table') table: string,
    @Param('key') key: string,
    @Query() query: ListRecordHistoryDto,
  ): Promise<Page<RecordHistoryEntry>> {
    return this.changes.history(id, table, key, query);
  }
}
