import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsPlainText } from './validation.pipe';

// Far past any list's last page, and small enough that the offset it makes stays an exact integer for SQLite
// (`page=1e308` passes IsInt and used to reach the query as OFFSET Infinity).
const MAX_PAGE = 1_000_000;

/** `page` of a paged list query: a whole number from 1 to MAX_PAGE, read from the query string. */
export function PageNumber(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_PAGE),
  );
}

/** `pageSize` of a paged list query, from 1 to `max`. */
export function PageSize(max: number, fallback: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(max),
  );
}

/** `q` of a searchable list: optional plain text (no control characters) of at most `maxLength` characters. */
export function SearchText(description: string, maxLength = 100): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ description, maxLength }), IsOptional(), IsString(), IsPlainText(), MaxLength(maxLength));
}
