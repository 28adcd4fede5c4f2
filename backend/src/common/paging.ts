import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `page` of a paged list query: a whole number from 1, read from the query string. */
export function PageNumber(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ minimum: 1, default: 1 }), IsOptional(), Type(() => Number), IsInt(), Min(1));
}

/** `pageSize` of a paged list query, from 1 to `max`. */
export function PageSize(max: number, fallback: number): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback }), IsOptional(), Type(() => Number), IsInt(), Min(1), Max(max));
}
