import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LogLevel } from '@hamgam/shared';

@Entity('run_log_lines')
export class RunLogLineEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('integer', { name: 'run_id' })
  runId: number;

  @Column('integer')
  seq: number;

  @Column('text')
  at: string;

  @Column('text')
  level: LogLevel;

  @Column('text')
  message: string;
}
