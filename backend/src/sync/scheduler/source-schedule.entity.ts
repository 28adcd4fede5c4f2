import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AutoSyncUnit, CalendarReason, QuietWindow, RunMode } from '@hamgam/shared';

/** A source's automatic schedule and its state; no row means auto-sync was never set (off, the defaults). */
@Entity('source_schedules')
export class SourceScheduleEntity {
  @PrimaryColumn('text', { name: 'source_id' })
  sourceId: string;

  @Column('boolean')
  enabled: boolean;

  @Column('integer', { nullable: true })
  every: number | null;

  @Column('text', { nullable: true })
  unit: AutoSyncUnit | null;

  @Column('text', { nullable: true })
  cron: string | null;

  @Column('text', { nullable: true })
  mode: RunMode | null;

  @Column('simple-json', { name: 'quiet_window', nullable: true })
  quietWindow: QuietWindow | null;

  @Column('boolean', { name: 'skip_closures', default: false })
  skipClosures: boolean;

  /** With `inTermUnit`: the interval inside the academic calendar's terms; null: the regular timing everywhere. */
  @Column('integer', { name: 'in_term_every', nullable: true })
  inTermEvery: number | null;

  @Column('text', { name: 'in_term_unit', nullable: true })
  inTermUnit: AutoSyncUnit | null;

  /** When the schedule was last switched on or its timing changed: it counts from here when no run is later. */
  @Column('text')
  since: string;

  @Column('text', { name: 'next_run_at', nullable: true })
  nextRunAt: string | null;

  @Column('text', { name: 'next_run_reason', nullable: true })
  nextRunReason: CalendarReason | null;

  @Column('integer')
  failures: number;

  @Column('text', { name: 'paused_at', nullable: true })
  pausedAt: string | null;

  @Column('text', { name: 'updated_at' })
  updatedAt: string;
}
