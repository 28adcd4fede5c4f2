import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsObject,
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
import { IsOmittable } from '../../common/validation.pipe';
import type { CommandSettings, TestConnectionRequest, UpdateSourceRequest } from '@hamgam/shared';
import { AutoSyncDto } from '../scheduler/dto/auto-sync.dto';

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
  @IsOmittable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'baseUrl must be an http(s) URL' })
  @MaxLength(500)
  baseUrl?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  username?: string;

  @ApiPropertyOptional({ description: 'Write-only: stored encrypted, never returned. An empty string removes it.', writeOnly: true })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  password?: string;

  @ApiPropertyOptional({ description: 'API token (e.g. a Moodle web-service token). Write-only like the password; an empty string removes it.', writeOnly: true })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  token?: string;
}

/** Body of `POST /api/sources/:id/test-connection`: the connection as the settings form holds it, saved or not. */
export class TestConnectionDto implements TestConnectionRequest {
  @ApiPropertyOptional({ type: ConnectionDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ConnectionDto)
  connection?: ConnectionDto;
}

export class CommandDto implements Partial<CommandSettings> {
  @ApiPropertyOptional({ example: 'python3' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  executable?: string;

  @ApiPropertyOptional({ type: [String], example: ['faculty_main.py'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  args?: string[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(1000)
  cwd?: string;

  @ApiPropertyOptional({ example: 'Total records: (\\d+)' })
  @IsOmittable()
  @Validate(CountPatternConstraint)
  countPattern?: string;
}

export class UpdateSourceDto implements UpdateSourceRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 604800, description: 'Per-run time limit in seconds' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  timeoutSeconds?: number;

  @ApiPropertyOptional({ type: ConnectionDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ConnectionDto)
  connection?: ConnectionDto;

  @ApiPropertyOptional({ type: CommandDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => CommandDto)
  command?: CommandDto;

  @ApiPropertyOptional({ type: AutoSyncDto, description: 'Automatic schedule: an interval (every + unit) or a cron expression' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => AutoSyncDto)
  autoSync?: AutoSyncDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Source options; the source checks each key sent' })
  @IsOmittable()
  @IsObject()
  options?: Record<string, unknown>;
}
