import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThanOrEqual, type Repository } from 'typeorm';
import type { WebhookPayload } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { ChannelsService, type OpenedChannel } from '../channels/channels.service';
import { NotificationDeliveryEntity } from '../entities/notification-delivery.entity';
import { DeliveriesService } from './deliveries.service';
import { DeliveryError } from './delivery-error';
import { sendEmail } from './email.sender';
import { nextAttemptAt } from './retry-plan';
import { sendSms } from './sms.sender';
import { sendWebhook } from './webhook.sender';

const BATCH = 20;

/**
 * Works through the queue apart from any sync: a poll every NOTIFY_POLL_MS, and at once when something is queued.
 * A try is claimed by moving its due time forward (a lease), so a second replica or pass never sends it too; a
 * process that dies mid-try leaves it pending, and it is tried again when the lease ends.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private isRunning = false;
  private isAgain = false;
  private isStopped = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @InjectRepository(NotificationDeliveryEntity) private readonly deliveries: Repository<NotificationDeliveryEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: DeliveriesService,
    private readonly channels: ChannelsService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.onQueued(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.notifyPollMs);
    this.timer.unref();
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** Starts a pass now, or another right after the one running. */
  kick(): void {
    if (this.isStopped) return;
    if (this.isRunning) {
      this.isAgain = true;
      return;
    }
    this.isRunning = true;
    const pass = this.pass()
      .catch((error: unknown) => {
        if (!this.isStopped) this.logger.error(`alert deliveries: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.inFlight.delete(pass);
        this.isRunning = false;
        if (this.isAgain) {
          this.isAgain = false;
          this.kick();
        }
      });
    this.inFlight.add(pass);
  }

  private async pass(): Promise<void> {
    const now = new Date();
    const due = await this.deliveries.find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now.toISOString()) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    const claimed = await Promise.all(due.map((row) => this.claim(row, now)));
    await Promise.all(claimed.filter((row): row is NotificationDeliveryEntity => row !== null).map((row) => this.attempt(row)));
    if (due.length === BATCH) this.isAgain = true;
  }

  private async claim(row: NotificationDeliveryEntity, now: Date): Promise<NotificationDeliveryEntity | null> {
    if (this.isStopped) return null;
    // Longer than a try can take (an SMTP try has three time limits), so a live try is never claimed twice.
    const lease = new Date(now.getTime() + 4 * this.config.notifyTimeoutMs).toISOString();
    const result = await this.deliveries.update({ id: row.id, status: 'pending', nextAttemptAt: row.nextAttemptAt ?? undefined }, { nextAttemptAt: lease });
    return result.affected === 1 ? row : null;
  }

  private async attempt(row: NotificationDeliveryEntity): Promise<void> {
    const attempts = row.attempts + 1;
    try {
      const channel = row.channelId === null ? null : await this.channels.findEntity(row.channelId).catch(() => null);
      if (!channel) throw new DeliveryError('the channel was deleted', false);
      await this.send(this.channels.open(channel), row);
      await this.deliveries.update({ id: row.id }, { status: 'sent', attempts, lastError: null, sentAt: new Date().toISOString(), nextAttemptAt: null });
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('internal error while sending', true);
      if (!(error instanceof DeliveryError)) this.logger.error(`delivery ${row.id}: ${error instanceof Error ? error.message : String(error)}`);
      const next = nextAttemptAt(attempts, failure.isRetryable, this.config.notifyRetryBaseMs, new Date());
      await this.deliveries.update(
        { id: row.id },
        { status: next ? 'pending' : 'failed', attempts, lastError: failure.message.slice(0, 500), nextAttemptAt: next?.toISOString() ?? null },
      );
      this.logger.warn(`delivery ${row.id} (${row.event} to channel ${row.channelId ?? '-'}) try ${attempts}: ${failure.message}`);
    }
  }

  private async send({ entity, secret }: OpenedChannel, row: NotificationDeliveryEntity): Promise<void> {
    const { facts } = row;
    const timeout = this.config.notifyTimeoutMs;
    const settings = entity.settings;
    switch (entity.kind) {
      case 'webhook': {
        const payload: WebhookPayload = {
          event: row.event,
          sourceId: row.sourceId,
          ...(facts.runId !== undefined ? { runId: facts.runId } : {}),
          ...(facts.status !== undefined ? { status: facts.status } : {}),
          ...(facts.errorKind !== undefined ? { errorKind: facts.errorKind } : {}),
          message: facts.message,
          at: facts.at,
          url: facts.url,
        };
        return sendWebhook(String(settings.url), secret, payload, timeout);
      }
      case 'email':
        return sendEmail(
          {
            host: String(settings.host),
            port: Number(settings.port),
            secure: Boolean(settings.secure),
            username: typeof settings.username === 'string' ? settings.username : null,
            password: secret,
            from: String(settings.from),
            recipients: settings.recipients as string[],
            subject: facts.message.length > 120 ? `${facts.message.slice(0, 117)}…` : facts.message,
            text: `${facts.message}\n\n${facts.url}`,
          },
          timeout,
        );
      case 'sms':
        if (!secret) throw new DeliveryError('the channel has no API key', false);
        return sendSms(
          this.config.kavenegarBaseUrl,
          { apiKey: secret, sender: String(settings.sender), recipients: settings.recipients as string[], text: facts.message },
          timeout,
        );
    }
  }
}
