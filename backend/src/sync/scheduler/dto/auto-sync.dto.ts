import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AUTO_SYNC_UNITS, RUN_MODES, WEEKDAYS, type AutoSyncSettings, type AutoSyncUnit, type QuietWindow, type RunMode, type Weekday } from '@hamgam/shared';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An interval's count (`every`, `inTermEvery`): a whole number from 1, refused with the field's name and a code. */
function IntervalCount(name: string): PropertyDecorator {
  return applyDecorators(
    IsInt({ message: `${name} must be a whole number` }),
    Min(1, { message: `${name} must be at least 1`, context: { code: 'tooSmall', params: { min: 1 } } }),
    Max(1_000_000),
  );
}

export class QuietWindowDto implements QuietWindow {
  @ApiPropertyOptional({ example: '08:00', description: 'HH:MM in the university time zone' })
  @Matches(HH_MM, { message: 'start must be a time as HH:MM (24-hour)', context: { code: 'time' } })
  start: string;

  @ApiPropertyOptional({ example: '14:00', description: 'HH:MM; before start means the window crosses midnight' })
  @Matches(HH_MM, { message: 'end must be a time as HH:MM (24-hour)', context: { code: 'time' } })
  end: string;

  @ApiPropertyOptional({ example: [6, 0, 1, 2, 3], description: 'Days the window starts on, 0 = Sunday … 6 = Saturday' })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose at least one day', context: { code: 'noDays' } })
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsIn(WEEKDAYS, { each: true, message: 'days must be numbers from 0 (Sunday) to 6 (Saturday)' })
  days: Weekday[];
}

/** The interval inside the academic calendar's terms. */
export class InTermDto {
  @ApiPropertyOptional({ example: 1 })
  @IntervalCount('every')
  every: number;

  @ApiPropertyOptional({ enum: AUTO_SYNC_UNITS, example: 'hours' })
  @IsIn(AUTO_SYNC_UNITS)
  unit: AutoSyncUnit;
}

/** Only the keys sent change; the rules that need the server's settings are checked in `validateAutoSync`. */
export class AutoSyncDto implements Partial<AutoSyncSettings> {
  @ApiPropertyOptional()
  // Not @IsOptional: it lets null through, and null is no answer to "on or off?".
  @ValidateIf((_dto, value) => value !== undefined)
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ example: 6, description: 'With unit: the interval; replaces a cron expression' })
  @IsOptional()
  @IntervalCount('every')
  every?: number;

  @ApiPropertyOptional({ enum: AUTO_SYNC_UNITS, example: 'hours' })
  @IsOptional()
  @IsIn(AUTO_SYNC_UNITS)
  unit?: AutoSyncUnit;

  @ApiPropertyOptional({ example: '0 2 * * *', description: 'Cron expression in the university time zone; replaces the interval' })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'cron must not be empty' })
  @MaxLength(200)
  cron?: string;

  @ApiPropertyOptional({ enum: RUN_MODES, nullable: true, description: "Mode of scheduled runs; null: the source's default" })
  @IsOptional()
  @IsIn(RUN_MODES)
  mode?: RunMode | null;

  @ApiPropertyOptional({ type: QuietWindowDto, nullable: true, description: 'null removes the quiet window' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietWindowDto)
  quietWindow?: QuietWindowDto | null;

  @ApiPropertyOptional({ description: 'Runs that fall on a closure of the academic calendar wait for the midnight after it' })
  @ValidateIf((_dto, value) => value !== undefined)
  @IsBoolean()
  skipClosures?: boolean;

  @ApiPropertyOptional({ type: InTermDto, nullable: true, description: "Another interval inside the academic calendar's terms; null removes it" })
  @IsOptional()
  @ValidateNested()
  @Type(() => InTermDto)
  inTerm?: InTermDto | null;
}

const TIME_CONTEXT = { context: { code: 'time' } };

/** The schedule to preview, as the settings form holds it: a cron expression or an interval, and a quiet window. */
export class SchedulePreviewQueryDto {
  @ApiPropertyOptional({ example: '0 2 * * *' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cron?: string;

  @ApiPropertyOptional({ example: 6 })
  @IsOptional()
  @Type(() => Number)
  @IntervalCount('every')
  every?: number;

  @ApiPropertyOptional({ enum: AUTO_SYNC_UNITS, example: 'hours' })
  @IsOptional()
  @IsIn(AUTO_SYNC_UNITS)
  unit?: AutoSyncUnit;

  @ApiPropertyOptional({ example: '22:00' })
  @IsOptional()
  @Matches(HH_MM, { message: 'quietStart must be a time as HH:MM (24-hour)', ...TIME_CONTEXT })
  quietStart?: string;

  @ApiPropertyOptional({ example: '06:00' })
  @IsOptional()
  @Matches(HH_MM, { message: 'quietEnd must be a time as HH:MM (24-hour)', ...TIME_CONTEXT })
  quietEnd?: string;

  @ApiPropertyOptional({ example: '6,0,1,2,3', description: 'Days the quiet window starts on, 0 = Sunday … 6 = Saturday' })
  @IsOptional()
  @Matches(/^[0-6](,[0-6]){0,6}$/, { message: 'quietDays must be days 0–6 separated by commas' })
  quietDays?: string;

  @ApiPropertyOptional({ example: 'true', description: 'Skip the closures of the academic calendar' })
  @IsOptional()
  @IsIn(['true', 'false'])
  skipClosures?: 'true' | 'false';

  @ApiPropertyOptional({ example: 1, description: 'With inTermUnit: the interval inside terms' })
  @IsOptional()
  @Type(() => Number)
  @IntervalCount('inTermEvery')
  inTermEvery?: number;

  @ApiPropertyOptional({ enum: AUTO_SYNC_UNITS, example: 'hours' })
  @IsOptional()
  @IsIn(AUTO_SYNC_UNITS)
  inTermUnit?: AutoSyncUnit;
}
