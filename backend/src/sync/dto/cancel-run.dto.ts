import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { CancelRunRequest } from '@hamgam/shared';

export class CancelRunDto implements CancelRunRequest {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why the run was cancelled, kept with the run and in the audit trail' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
