import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageNumber, PageSize } from '../../common/paging';
import { IsPlainText } from '../../common/validation.pipe';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction, type AuditListQuery } from '@hamgam/shared';

export class ListAuditDto implements AuditListQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsPlainText()
  @MaxLength(100)
  actor?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, inclusive' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive' })
  @IsOptional()
  @IsISO8601()
  to?: string;

  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}
