import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChannelKind, NotificationEvent } from '@hamgam/shared';

/** The plain (not secret) settings of a channel, by kind; see `channels/channel-settings.ts`. */
export type StoredChannelSettings = Record<string, string | number | boolean | string[] | null>;

@Entity('notification_channels')
export class NotificationChannelEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('text')
  kind: ChannelKind;

  @Column('text')
  name: string;

  @Column('simple-json')
  events: NotificationEvent[];

  @Column('boolean')
  enabled: boolean;

  @Column('integer', { name: 'failures_before_alert' })
  failuresBeforeAlert: number;

  @Column('integer', { name: 'remind_after_minutes', nullable: true })
  remindAfterMinutes: number | null;

  @Column('integer', { name: 'long_run_minutes', nullable: true })
  longRunMinutes: number | null;

  @Column('simple-json')
  settings: StoredChannelSettings;

  /** The channel's secret (webhook secret, SMTP password, SMS API key): a SecretBox ciphertext, or null. */
  @Column('text', { nullable: true })
  secret: string | null;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  @Column('text', { name: 'updated_at' })
  updatedAt: string;
}
