import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { RunRejectionQuery } from '@hamgam/shared';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../../common/export/export-labels';
import { PageNumber, PageSize, SearchText } from '../../common/paging';

export class RejectionFiltersDto {
  @SearchText("Text searched for in the record key, the reasons' values and the terms")
  q?: string;
}

export class ListRejectionsDto extends RejectionFiltersDto implements RunRejectionQuery {
  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}

export class ExportRejectionsDto extends RejectionFiltersDto {
  @ApiPropertyOptional({ enum: EXPORT_LANGUAGES, description: 'Headers and reasons in this language; default: Accept-Language, then fa' })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}
