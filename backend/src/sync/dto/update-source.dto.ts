import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsInt, IsObject, IsString, IsUrl, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../common/validation.pipe';
import type { TestConnectionRequest, UpdateSourceRequest } from '@hamgam/shared';
import { AutoSyncDto } from '../scheduler/dto/auto-sync.dto';

export const COMMAND_IS_CONFIGURATION = 'command cannot be changed over the API: what a command source runs is set in server configuration (COMMAND_SOURCES_FILE)';

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

  // Not part of the request type: declared only to refuse it by name. What a command source runs is set in
  // server configuration, never over the API.
  @ApiHideProperty()
  @IsOmittable()
  @Equals(undefined, { message: COMMAND_IS_CONFIGURATION })
  command?: never;

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
