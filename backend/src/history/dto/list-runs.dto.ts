import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageNumber, PageSize } from '../../common/paging';
import { IsPlainText } from '../../common/validation.pipe';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  RUN_SORT_FIELDS,
  RUN_STATUSES,
  RUN_TRIGGERS,
  SORT_ORDERS,
  type RunListQuery,
  type RunSortField,
  type RunStatus,
  type RunTrigger,
  type SortOrder,
} from '@hamgam/shared';

/** The history's filters; the list and both exports take the same. */
export class RunFiltersDto implements Omit<RunListQuery, 'page' | 'pageSize'> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsPlainText()
  @MaxLength(100)
  sourceId?: string;

  @ApiPropertyOptional({ enum: RUN_STATUSES })
  @IsOptional()
  @IsIn(RUN_STATUSES)
  status?: RunStatus;

  @ApiPropertyOptional({ enum: RUN_TRIGGERS })
  @IsOptional()
  @IsIn(RUN_TRIGGERS)
  trigger?: RunTrigger;

  @ApiPropertyOptional({ description: 'User name (or scheduler, cli) that started the run' })
  @IsOptional()
  @IsString()
  @IsPlainText()
  @MaxLength(100)
  triggeredBy?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 instant, inclusive, on the creation time' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601 instant, exclusive' })
  @IsOptional()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional({ description: 'Text searched for in error messages' })
  @IsOptional()
  @IsString()
  @IsPlainText()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: RUN_SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(RUN_SORT_FIELDS)
  sort?: RunSortField;

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' })
  @IsOptional()
  @IsIn(SORT_ORDERS)
  order?: SortOrder;
}

export class ListRunsDto extends RunFiltersDto implements RunListQuery {
  @PageNumber()
  page?: number;

  @PageSize(200, 20)
  pageSize?: number;
}
