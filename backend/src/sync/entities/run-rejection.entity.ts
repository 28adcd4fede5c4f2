import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One record a run did not store: a code and its parameters (rows recorded before codes have only `reason`). */
@Entity('run_rejections')
export class RunRejectionEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('integer', { name: 'run_id' })
  runId: number;

  @Column('text', { name: 'record_key' })
  recordKey: string;

  /** The English text of a row recorded before codes; '' for a row with a code. */
  @Column('text')
  reason: string;

  @Column('text', { nullable: true })
  code: string | null;

  /** The code's parameters as JSON text. */
  @Column('text', { nullable: true })
  params: string | null;

  /** The term whose answer held the record, for sources with terms. */
  @Column('text', { nullable: true })
  term: string | null;

  /** The record table whose search finds the key in the data browser; null when the key is only a position. */
  @Column('text', { name: 'record_table', nullable: true })
  recordTable: string | null;
}
