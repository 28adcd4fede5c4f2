import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarPeriod } from '@hamgam/shared';

/** The university's one calendar: a single row (id 1), absent until an admin first saves it. */
@Entity('academic_calendar')
export class AcademicCalendarEntity {
  @PrimaryColumn('integer')
  id: number;

  /** In order of their start; Jalali dates as sent (`1405-09-15`). */
  @Column('simple-json')
  terms: CalendarPeriod[];

  @Column('simple-json')
  closures: CalendarPeriod[];

  @Column('text', { name: 'updated_at' })
  updatedAt: string;

  @Column('text', { name: 'updated_by', nullable: true })
  updatedBy: string | null;
}
