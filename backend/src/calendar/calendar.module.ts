import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AcademicCalendarEntity } from './academic-calendar.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The academic calendar: terms and closures in Jalali dates, for schedules that follow it. */
@Module({
  imports: [TypeOrmModule.forFeature([AcademicCalendarEntity])],
  controllers: [CalendarController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
