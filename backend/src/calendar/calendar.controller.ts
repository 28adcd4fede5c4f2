import { BadRequestException, Body, Controller, Get, Put, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import type { AcademicCalendar } from '@hamgam/shared';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedRequest } from '../common/session-user';
import { CalendarService } from './calendar.service';
import { describeCalendarErrors, validateCalendar } from './calendar-rules';
import { SaveCalendarDto } from './dto/save-calendar.dto';

/** Read by admins and auditors (every read is); saved by admins only (every write is, by the guard's default). */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  get(): Promise<AcademicCalendar> {
    return this.calendar.get();
  }

  @Put()
  @ApiBadRequestResponse({ description: '`fields` names each refused field (`terms[1].end`) with codes such as `start_after_end`' })
  async save(@Body() dto: SaveCalendarDto, @Req() request: AuthenticatedRequest): Promise<AcademicCalendar> {
    const { calendar, errors } = validateCalendar(dto);
    if (Object.keys(errors).length > 0) throw new BadRequestException({ message: describeCalendarErrors(errors), fields: errors });
    const { after, changes } = await this.calendar.save(calendar, request.user?.username ?? null);
    if (Object.keys(changes).length > 0) await this.audit.record(request, { action: 'calendar.changed', target: 'calendar', details: { changes } });
    else this.audit.markRecorded(request);
    return after;
  }
}
