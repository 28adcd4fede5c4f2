import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { NotificationDelivery, Page } from '@hamgam/shared';
import type { NotificationChannelEntity } from '../entities/notification-channel.entity';
import { NotificationDeliveryEntity, type DeliveryFacts } from '../entities/notification-delivery.entity';
import type { AlertFacts } from './alert-message';
import { placeholders } from '../../common/database/sql-db';

export type QueuedAlert = AlertFacts & { facts: DeliveryFacts; incidentId?: number; dedupeKey?: string };

export function toDelivery(row: NotificationDeliveryEntity): NotificationDelivery {
  const id = (value: number | null) => (value === null ? null : String(value));
  return {
    id: String(row.id),
    channelId: id(row.channelId),
    channelName: row.channelName,
    channelKind: row.channelKind,
    event: row.event,
    sourceId: row.sourceId,
    runId: id(row.runId),
    incidentId: id(row.incidentId),
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt : null,
  };
}

/** The delivery queue: one row per alert and channel, written here and worked through by the dispatcher. */
@Injectable()
export class DeliveriesService {
  private readonly listeners: (() => void)[] = [];

  constructor(@InjectRepository(NotificationDeliveryEntity) private readonly deliveries: Repository<NotificationDeliveryEntity>) {}

  /** Called after a delivery is queued (the dispatcher sends it at once instead of at its next poll). */
  onQueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Queues an alert for a channel; answers false when this channel already has it (same `dedupeKey`), so however
   * often an event is seen, by however many replicas, it is sent once.
   */
  async enqueue(channel: NotificationChannelEntity, alert: QueuedAlert): Promise<NotificationDeliveryEntity | null> {
    const now = new Date().toISOString();
    const rows: { id: number }[] = await this.deliveries.query(
      placeholders(
        `INSERT INTO notification_deliveries
           (channel_id, channel_name, channel_kind, event, source_id, run_id, incident_id, dedupe_key, facts, status, attempts, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
        this.deliveries.manager.connection,
      ),
      [
        channel.id,
        channel.name,
        channel.kind,
        alert.event,
        alert.sourceId,
        alert.runId ?? null,
        alert.incidentId ?? null,
        alert.dedupeKey ?? null,
        JSON.stringify(alert.facts),
        now,
        now,
      ],
    );
    if (rows.length === 0) return null;
    const row = await this.deliveries.findOneByOrFail({ id: rows[0].id });
    for (const listener of this.listeners) listener();
    return row;
  }

  async list(page: number, pageSize: number, channelId?: number): Promise<Page<NotificationDelivery>> {
    const [rows, total] = await this.deliveries.findAndCount({
      where: channelId === undefined ? {} : { channelId },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toDelivery), total, page, pageSize };
  }

  /** Whether this channel was told anything about one of these incidents (a recovery is sent only to those). */
  async hasAlerted(channelId: number, incidentIds: number[]): Promise<boolean> {
    if (incidentIds.length === 0) return false;
    const count = await this.deliveries
      .createQueryBuilder('d')
      .where('d.channel_id = :channelId', { channelId })
      .andWhere('d.incident_id IN (:...incidentIds)', { incidentIds })
      .getCount();
    return count > 0;
  }

  /** The alerts this channel got about an incident, oldest first (reminders count from the latest). */
  alertsOf(channelId: number, incidentId: number): Promise<NotificationDeliveryEntity[]> {
    return this.deliveries.find({ where: { channelId, incidentId }, order: { id: 'ASC' } });
  }
}
