import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { TriggerRunRequest } from '@hamgam/shared';

export class TriggerRunDto implements TriggerRunRequest {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why the run was started, kept with the run' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
