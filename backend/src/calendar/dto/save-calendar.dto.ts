import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { AcademicCalendarInput, CalendarPeriod } from '@hamgam/shared';

const PERIODS: ApiPropertyOptions = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name', 'start', 'end'],
    properties: { name: { type: 'string' }, start: { type: 'string', example: '1405-07-01' }, end: { type: 'string', example: '1405-10-30' } },
  },
};

/**
 * The lists are checked by `validateCalendar`, not by class-validator: its errors name each item as `terms[1].end`
 * with a code the UI translates, and cross-item rules (overlapping terms) need the whole list anyway.
 */
export class SaveCalendarDto implements AcademicCalendarInput {
  @ApiProperty({ ...PERIODS, description: 'Teaching terms; Jalali dates YYYY-MM-DD, both ends included, never overlapping' })
  @Allow()
  terms: CalendarPeriod[];

  @ApiProperty({ ...PERIODS, description: 'Closures (holidays); Jalali dates YYYY-MM-DD, both ends included' })
  @Allow()
  closures: CalendarPeriod[];
}
