import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageNumber, PageSize, SearchText } from '../../common/paging';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { RecordListQuery } from '@hamgam/shared';

export class ListRecordsDto implements RecordListQuery {
  @ApiPropertyOptional({ description: "One of the source's record tables (`recordTables[].id`); the first when absent" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  table?: string;

  @SearchText('What the table searches (number, national code, name); ي/ی and ك/ک, Persian and Latin digits match alike')
  q?: string;

  @PageNumber()
  page?: number;

  @PageSize(100, 20)
  pageSize?: number;
}
