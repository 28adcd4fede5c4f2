import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@hamgam/shared';

@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('text')
  at: string;

  @Column('text', { nullable: true })
  actor: string | null;

  @Column('text')
  action: AuditAction;

  @Column('text', { nullable: true })
  target: string | null;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('simple-json', { nullable: true })
  details: Record<string, unknown> | null;
}
