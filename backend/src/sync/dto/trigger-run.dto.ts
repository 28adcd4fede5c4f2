import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RUN_MODES, type RunMode, type TriggerRunRequest } from '@hamgam/shared';

// `schedule` is the scheduler's alone.
const API_TRIGGERS = ['manual', 'api', 'cli'] as const;

export class TriggerRunDto implements TriggerRunRequest {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why the run was started, kept with the run' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ enum: RUN_MODES, description: "For sources with modes; default: the source's first mode" })
  @IsOptional()
  @IsIn(RUN_MODES)
  mode?: RunMode;

  @ApiPropertyOptional({ enum: API_TRIGGERS, default: 'api' })
  @IsOptional()
  @IsIn(API_TRIGGERS)
  trigger?: (typeof API_TRIGGERS)[number];

  @ApiPropertyOptional({ default: false, description: 'Compare and count without storing anything; 400 for sources that cannot promise it' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
