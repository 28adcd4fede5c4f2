import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { DeletionDecisionRequest, HeldDeletionQuery } from '@hamgam/shared';
import { PageNumber, PageSize, SearchText } from '../../../common/paging';

export class DeletionDecisionDto implements DeletionDecisionRequest {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why; kept with the run and in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ListHeldDeletionsDto implements HeldDeletionQuery {
  @SearchText("Text searched for in the record's key and last known values")
  q?: string;

  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}
