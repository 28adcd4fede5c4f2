import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IncidentKind } from '@hamgam/shared';

/** A source failing or late, from the moment it is seen until a successful run (at most one open per source and kind). */
@Entity('incidents')
export class IncidentEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('text', { name: 'source_id' })
  sourceId: string;

  @Column('text')
  kind: IncidentKind;

  @Column('text', { name: 'opened_at' })
  openedAt: string;

  @Column('text', { name: 'last_seen_at' })
  lastSeenAt: string;

  @Column('text', { name: 'resolved_at', nullable: true })
  resolvedAt: string | null;

  @Column('integer')
  count: number;
}
