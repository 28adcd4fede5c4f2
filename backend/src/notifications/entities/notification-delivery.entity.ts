import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelKind, DeliveryEvent, DeliveryStatus } from '@hamgam/shared';

/** What a delivery says, kept so a retry after a restart sends the same thing. */
export type DeliveryFacts = {
  runId?: string;
  status?: string;
  errorKind?: string;
  message: string;
  /** ISO-8601: when the event happened. */
  at: string;
  url: string;
  isReminder?: boolean;
};

/** One alert to one channel: the queue the dispatcher works through, and the record the Alerts page shows. */
@Entity('notification_deliveries')
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('integer', { name: 'channel_id', nullable: true })
  channelId: number | null;

  @Column('text', { name: 'channel_name' })
  channelName: string;

  @Column('text', { name: 'channel_kind' })
  channelKind: ChannelKind;

  @Column('text')
  event: DeliveryEvent;

  @Column('text', { name: 'source_id', nullable: true })
  sourceId: string | null;

  @Column('integer', { name: 'run_id', nullable: true })
  runId: number | null;

  @Column('integer', { name: 'incident_id', nullable: true })
  incidentId: number | null;

  /** Unique per channel: the same alert is queued once however many replicas or checks see it. */
  @Column('text', { name: 'dedupe_key', nullable: true })
  dedupeKey: string | null;

  @Column('simple-json')
  facts: DeliveryFacts;

  @Column('text')
  status: DeliveryStatus;

  @Column('integer')
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  @Column('text', { name: 'next_attempt_at', nullable: true })
  nextAttemptAt: string | null;

  @Column('text', { name: 'sent_at', nullable: true })
  sentAt: string | null;
}
