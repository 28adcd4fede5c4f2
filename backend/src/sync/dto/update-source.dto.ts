import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import type { CommandSettings, UpdateSourceRequest } from '@hamgam/shared';

@ValidatorConstraint({ name: 'countPattern' })
class CountPatternConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) return false;
    try {
      // The first capture group must exist: it is the record count.
      return new RegExp(`${value}|`).exec('')!.length >= 2;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'countPattern must be a valid regular expression with one capture group for the count';
  }
}

export class ConnectionDto {
  @ApiPropertyOptional({ example: 'https://api.university.ac.ir' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'baseUrl must be an http(s) URL' })
  @MaxLength(500)
  baseUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  username?: string;

  @ApiPropertyOptional({ description: 'Write-only: stored encrypted, never returned. An empty string removes it.', writeOnly: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  password?: string;
}

export class CommandDto implements Partial<CommandSettings> {
  @ApiPropertyOptional({ example: 'python3' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  executable?: string;

  @ApiPropertyOptional({ type: [String], example: ['faculty_main.py'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  args?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cwd?: string;

  @ApiPropertyOptional({ example: 'Total records: (\\d+)' })
  @IsOptional()
  @Validate(CountPatternConstraint)
  countPattern?: string;
}

export class UpdateSourceDto implements UpdateSourceRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 604800, description: 'Per-run time limit in seconds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  timeoutSeconds?: number;

  @ApiPropertyOptional({ type: ConnectionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConnectionDto)
  connection?: ConnectionDto;

  @ApiPropertyOptional({ type: CommandDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommandDto)
  command?: CommandDto;
}
