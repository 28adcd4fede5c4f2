import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { NotificationChannel, NotificationDelivery } from '@hamgam/shared';
import { AuditService } from '../../audit/audit.service';
import type { AuthenticatedRequest } from '../../common/session-user';
import { alertMessage, alertUrl } from '../delivery/alert-message';
import { DeliveriesService, toDelivery } from '../delivery/deliveries.service';
import { ChannelsService } from './channels.service';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Inject } from '@nestjs/common';

const CHANNEL_BODY = {
  schema: { type: 'object', description: 'CreateChannelRequest / UpdateChannelRequest (shared/src/notifications.ts); secrets are write-only' },
};

/**
 * Alert channels. Reads are open to admins and auditors (no secret is ever in them); every change is an admin's
 * and is audited, secrets as "changed". Bodies are checked per kind in `channel-settings.ts` (400 naming each field).
 */
@ApiTags('notifications')
@Controller('notifications/channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly deliveries: DeliveriesService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  list(): Promise<NotificationChannel[]> {
    return this.channels.list();
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<NotificationChannel> {
    return this.channels.get(id);
  }

  @Post()
  @ApiBody(CHANNEL_BODY)
  async create(@Body() body: Record<string, unknown>, @Req() request: AuthenticatedRequest): Promise<NotificationChannel> {
    const { channel, details } = await this.channels.create(body);
    await this.audit.record(request, { action: 'channel.created', target: `channel:${channel.id}`, details });
    return channel;
  }

  @Patch(':id')
  @ApiBody(CHANNEL_BODY)
  async update(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: Record<string, unknown>,
    @Req() request: AuthenticatedRequest,
  ): Promise<NotificationChannel> {
    const { channel, changes } = await this.channels.update(id, body);
    if (Object.keys(changes).length > 0) {
      await this.audit.record(request, { action: 'channel.changed', target: `channel:${channel.id}`, details: { name: channel.name, changes } });
    } else {
      this.audit.markRecorded(request);
    }
    return channel;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseIntPipe) id: number, @Req() request: AuthenticatedRequest): Promise<void> {
    const channel = await this.channels.remove(id);
    await this.audit.record(request, { action: 'channel.deleted', target: `channel:${channel.id}`, details: { name: channel.name, kind: channel.kind } });
  }

  /** Queues a test message to this channel (enabled or not); the delivery answered shows how it went once sent. */
  @Post(':id/test')
  @HttpCode(202)
  async test(@Param('id', ParseIntPipe) id: number, @Req() request: AuthenticatedRequest): Promise<NotificationDelivery> {
    const entity = await this.channels.findEntity(id);
    const facts = { event: 'test' as const, sourceId: null };
    const row = await this.deliveries.enqueue(entity, {
      ...facts,
      facts: { message: alertMessage(facts), at: new Date().toISOString(), url: alertUrl(this.config.publicUrl, facts) },
    });
    await this.audit.record(request, { action: 'channel.tested', target: `channel:${id}`, details: { name: entity.name } });
    if (!row) throw new Error('a test delivery was not queued');
    return toDelivery(row);
  }
}
