import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('run_rejections')
export class RunRejectionEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('integer', { name: 'run_id' })
  runId: number;

  @Column('text', { name: 'record_key' })
  recordKey: string;

  @Column('text')
  reason: string;
}
