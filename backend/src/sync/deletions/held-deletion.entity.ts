import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One record a run would have deleted past its source's deletion guard, kept until an admin decides. */
@Entity('held_deletions')
export class HeldDeletionEntity {
  @PrimaryColumn('integer', { name: 'run_id' })
  runId: number;

  @PrimaryColumn('text', { name: 'record_table' })
  recordTable: string;

  @PrimaryColumn('text', { name: 'record_key' })
  recordKey: string;

  /** The run that last saw the record when it was held: approval deletes it only if no run has seen it since. */
  @Column('text', { name: 'last_seen_run_id', nullable: true })
  lastSeenRunId: string | null;

  /** The record's last known values (JSON object). */
  @Column('text', { name: 'record_values' })
  recordValues: string;
}
