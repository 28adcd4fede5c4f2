import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CHANGE_KINDS, type ChangeKind, type RecordHistoryQuery, type RunChangeQuery } from '@hamgam/shared';
import { PageNumber, PageSize, SearchText } from '../../common/paging';

export class ListRunChangesDto implements RunChangeQuery {
  @ApiPropertyOptional({ enum: CHANGE_KINDS, description: 'Only changes of this kind' })
  @IsOptional()
  @IsIn(CHANGE_KINDS)
  kind?: ChangeKind;

  @SearchText("Text searched for in the record's key and in the changed values")
  q?: string;

  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}

export class ListRecordHistoryDto implements RecordHistoryQuery {
  @PageNumber()
  page?: number;

  @PageSize(100, 20)
  pageSize?: number;
}
