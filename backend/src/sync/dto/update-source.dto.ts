import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsDefined, IsInt, IsNumber, IsObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsOmittable } from '../../common/validation.pipe';
import type { DeletionGuard, FreshnessSettings, TestConnectionRequest, UpdateSourceRequest } from '@hamgam/shared';
import { AutoSyncDto } from '../scheduler/dto/auto-sync.dto';

export const COMMAND_IS_CONFIGURATION =
  'command cannot be changed over the API: what a command source runs is set in server configuration (COMMAND_SOURCES_FILE)';

const CONNECTION_DOC = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { baseUrl: 'https://api.university.ac.ir', username: 'hamgam' },
  description: 'The fields the source declares (`settings.connection` of GET /api/sources/:id); secrets are write-only and an empty string removes one',
} as const;

/** Body of `POST /api/sources/:id/test-connection`: the connection as the settings form holds it, saved or not. */
export class TestConnectionDto implements TestConnectionRequest {
  // Checked against the source's declaration by the service (400 with `connection.<field>` errors).
  @ApiPropertyOptional(CONNECTION_DOC)
  @IsOmittable()
  @IsObject()
  connection?: Record<string, string>;
}

export const MAX_FRESHNESS_SECONDS = 365 * 86_400;

export class FreshnessDto implements Partial<FreshnessSettings> {
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_FRESHNESS_SECONDS,
    description: 'Seconds a successful run stays fresh; null derives it from the schedule',
  })
  // null is an answer here (derive it from the schedule); only an absent key is skipped.
  @ValidateIf((_dto, value) => value !== null)
  @IsDefined({ message: 'maxAgeSeconds must be a number of seconds or null' })
  @IsInt({ message: 'maxAgeSeconds must be a whole number of seconds or null' })
  @Min(1, { context: { code: 'spanTooShort', params: { seconds: 1 } } })
  @Max(MAX_FRESHNESS_SECONDS, { context: { code: 'spanTooLong', params: { seconds: MAX_FRESHNESS_SECONDS } } })
  maxAgeSeconds?: number | null;
}

export const MAX_DELETION_COUNT = 10_000_000;

export class DeletionGuardDto implements Partial<DeletionGuard> {
  @ApiPropertyOptional({ type: 'number', nullable: true, minimum: 0, maximum: 100, description: 'Percent of the live records; null turns the limit off' })
  // Only the keys sent change, and null turns the limit off: only a value is checked.
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { context: { code: 'notANumber' } })
  @Min(0, { context: { code: 'tooSmall', params: { min: 0 } } })
  @Max(100, { context: { code: 'tooBig', params: { max: 100 } } })
  maxPercent?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, description: 'Records; null turns the limit off' })
  @ValidateIf((_dto, value) => value !== null && value !== undefined)
  @IsInt({ message: 'maxCount must be a whole number of records or null' })
  @Min(0, { context: { code: 'tooSmall', params: { min: 0 } } })
  @Max(MAX_DELETION_COUNT, { context: { code: 'tooBig', params: { max: MAX_DELETION_COUNT } } })
  maxCount?: number | null;
}

export class UpdateSourceDto implements UpdateSourceRequest {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 604800, description: 'Per-run time limit in seconds' })
  @IsOmittable()
  @IsInt()
  @Min(1, { context: { code: 'spanTooShort', params: { seconds: 1 } } })
  @Max(7 * 24 * 3600, { context: { code: 'spanTooLong', params: { seconds: 7 * 24 * 3600 } } })
  timeoutSeconds?: number;

  // Checked against the source's declaration by the service (400 with `connection.<field>` errors).
  @ApiPropertyOptional(CONNECTION_DOC)
  @IsOmittable()
  @IsObject()
  connection?: Record<string, string>;

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

  @ApiPropertyOptional({ type: FreshnessDto, description: 'How fresh the data should be: an explicit max age, or null to derive it from the schedule' })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => FreshnessDto)
  freshness?: FreshnessDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Source options; the source checks each key sent' })
  @IsOmittable()
  @IsObject()
  options?: Record<string, unknown>;

  @ApiPropertyOptional({ type: DeletionGuardDto, description: "When a run's deletions wait for an admin's approval; only the keys sent change" })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => DeletionGuardDto)
  deletionGuard?: DeletionGuardDto;
}
