import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AcademicCalendar, AcademicCalendarInput, SettingChange } from '@hamgam/shared';
import { diffSettings } from '../audit/settings-diff';
import { gregorianToJalali } from '../common/jalali';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { wallClock } from '../common/zoned-time';
import { AcademicCalendarEntity } from './academic-calendar.entity';
import { fixedOfficialHolidays } from './calendar-rules';

const ROW_ID = 1;

/** Called after the calendar was saved (the scheduler re-plans every schedule); awaited before the save answers. */
export type CalendarSavedListener = () => Promise<void>;

@Injectable()
export class CalendarService {
  private readonly savedListeners: CalendarSavedListener[] = [];

  constructor(
    @InjectRepository(AcademicCalendarEntity) private readonly calendars: Repository<AcademicCalendarEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The saved calendar; never saved, the fixed-date official holidays of the current Jalali year, marked unsaved. */
  async get(now: Date = new Date()): Promise<AcademicCalendar> {
    const row = await this.calendars.findOneBy({ id: ROW_ID });
    if (row) return { terms: row.terms, closures: row.closures, isSaved: true, prefilledYear: null, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
    const wall = wallClock(now, this.config.universityTimeZone);
    const year = gregorianToJalali(wall.year, wall.month, wall.day).year;
    return { terms: [], closures: fixedOfficialHolidays(year), isSaved: false, prefilledYear: year, updatedAt: null, updatedBy: null };
  }

  /** What the scheduler plans with: the saved calendar, or an empty one (a pre-fill is only a suggestion). */
  async forScheduling(): Promise<AcademicCalendarInput> {
    const row = await this.calendars.findOneBy({ id: ROW_ID });
    return row ? { terms: row.terms, closures: row.closures } : { terms: [], closures: [] };
  }

  /** The scheduler registers here, so the calendar needs no import of the scheduler. */
  onSaved(listener: CalendarSavedListener): void {
    this.savedListeners.push(listener);
  }

  /** Stores a validated calendar whole; the changes are what was added to and removed from each list. */
  async save(calendar: AcademicCalendarInput, actor: string | null): Promise<{ after: AcademicCalendar; changes: Record<string, SettingChange> }> {
    const before = await this.forScheduling();
    const changes = diffSettings(before, calendar);
    // Saving an unchanged calendar still stores it: the first save turns the suggested holidays into the calendar.
    await this.calendars.save({ id: ROW_ID, terms: calendar.terms, closures: calendar.closures, updatedAt: new Date().toISOString(), updatedBy: actor });
    for (const listener of this.savedListeners) await listener();
    return { after: await this.get(), changes };
  }
}
