import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CHANNEL_KINDS, type ChannelKind, type NotificationChannel, type SettingChange } from '@hamgam/shared';
import { diffSettings } from '../../audit/settings-diff';
import { SecretBox } from '../../common/crypto/secret-box';
import { NotificationChannelEntity } from '../entities/notification-channel.entity';
import { SECRET_FIELD, checkChannel, storedParts, toChannel, type FieldErrors } from './channel-settings';

function throwIfFields(fields: FieldErrors): void {
  if (Object.keys(fields).length === 0) return;
  const message = Object.entries(fields)
    .map(([field, messages]) => `${field}: ${messages.join(', ')}`)
    .join('; ');
  throw new BadRequestException({ message, fields });
}

/** A channel as the dispatcher uses it: its row and its secret in plain text (in memory only). */
export type OpenedChannel = { entity: NotificationChannelEntity; secret: string | null };

/** Alert channels: checked, saved with their secret sealed, and read back for a delivery. */
@Injectable()
export class ChannelsService {
  constructor(
    @InjectRepository(NotificationChannelEntity) private readonly channels: Repository<NotificationChannelEntity>,
    private readonly box: SecretBox,
  ) {}

  async list(): Promise<NotificationChannel[]> {
    return (await this.channels.find({ order: { id: 'ASC' } })).map(toChannel);
  }

  async findEntity(id: number): Promise<NotificationChannelEntity> {
    const entity = await this.channels.findOneBy({ id });
    if (!entity) throw new NotFoundException(`channel ${id} does not exist`);
    return entity;
  }

  async get(id: number): Promise<NotificationChannel> {
    return toChannel(await this.findEntity(id));
  }

  /** The enabled channels, with their secrets opened, for the alerts of one event. */
  async enabledFor(event: string): Promise<OpenedChannel[]> {
    const rows = await this.channels.find({ where: { enabled: true }, order: { id: 'ASC' } });
    return rows.filter((row) => (row.events as string[]).includes(event)).map((entity) => this.open(entity));
  }

  open(entity: NotificationChannelEntity): OpenedChannel {
    return { entity, secret: entity.secret === null ? null : this.box.decrypt(entity.secret) };
  }

  async create(body: Record<string, unknown>): Promise<{ channel: NotificationChannel; details: Record<string, unknown> }> {
    const kind = body.kind;
    if (!CHANNEL_KINDS.includes(kind as ChannelKind)) throwIfFields({ kind: [`must be one of ${CHANNEL_KINDS.join(', ')}`] });
    const checked = checkChannel(kind as ChannelKind, body, null);
    if (!checked.ok) return throwIfFields(checked.fields) as never;
    const { secret, ...values } = checked.value;
    const now = new Date().toISOString();
    const entity = await this.channels.save(
      this.channels.create({ kind: kind as ChannelKind, ...values, secret: secret ? this.box.encrypt(secret) : null, createdAt: now, updatedAt: now }),
    );
    const channel = toChannel(entity);
    const { id: _id, createdAt: _c, updatedAt: _u, ...details } = channel;
    return { channel, details };
  }

  /** Saves the sent changes (400 naming each refused field); answers the channel and what changed, secrets as "changed". */
  async update(id: number, body: Record<string, unknown>): Promise<{ channel: NotificationChannel; changes: Record<string, SettingChange> }> {
    const entity = await this.findEntity(id);
    if (body.kind !== undefined && body.kind !== entity.kind) throwIfFields({ kind: ['cannot change; create a new channel instead'] });
    const checked = checkChannel(entity.kind, body, storedParts(entity));
    if (!checked.ok) return throwIfFields(checked.fields) as never;
    const secretName = SECRET_FIELD[entity.kind];
    const { secret, ...values } = checked.value;
    // A stored SMTP password is sent only to the server it was saved for: a new host needs it again.
    if (entity.kind === 'email' && entity.secret !== null && secret === undefined && values.settings.host !== entity.settings.host) {
      throwIfFields({ 'settings.password': ['the SMTP host changed: enter the password again (or send it empty to remove it)'] });
    }
    const before = this.snapshot(entity);
    Object.assign(entity, values);
    if (secret !== undefined) entity.secret = secret === '' ? null : this.box.encrypt(secret);
    const changes = diffSettings(before, this.snapshot(entity), [`settings.${secretName}`]);
    if (Object.keys(changes).length > 0) {
      entity.updatedAt = new Date().toISOString();
      await this.channels.save(entity);
    }
    return { channel: toChannel(entity), changes };
  }

  async remove(id: number): Promise<NotificationChannel> {
    const entity = await this.findEntity(id);
    await this.channels.delete({ id });
    return toChannel(entity);
  }

  /** Every setting an admin can change, the secret as its value in memory only: the diff records only that it changed. */
  private snapshot(entity: NotificationChannelEntity) {
    const { entity: _e, secret } = this.open(entity);
    return {
      name: entity.name,
      events: entity.events,
      enabled: entity.enabled,
      failuresBeforeAlert: entity.failuresBeforeAlert,
      remindAfterMinutes: entity.remindAfterMinutes,
      longRunMinutes: entity.longRunMinutes,
      settings: { ...entity.settings, [SECRET_FIELD[entity.kind]]: secret },
    };
  }
}
