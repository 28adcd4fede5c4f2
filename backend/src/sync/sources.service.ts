import { Inject, Injectable, NotFoundException, BadRequestException, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { CommandSettings, ConnectionSettings, Source, WorkerSettings } from '@hamgam/shared';
import { z } from 'zod';
import { SecretBox } from '../common/crypto/secret-box';
import { isAllowedUpstream, NOT_ALLOWED_HOST } from '../common/http/upstream';
import type { CommandSourceConfig } from '../config/command-sources';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SourceEntity } from './entities/source.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { SyncEventsService } from './events/sync-events.service';
import { toSyncRun } from './run-mapper';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from './source-catalog';
import { SOURCE_SEEDS, type SourceSeeds } from './source-seeds';
import { changesTiming, mergeAutoSync, validateAutoSync } from './scheduler/auto-sync-rules';
import { settingsOf, toAutoSync } from './scheduler/auto-sync-view';
import { SourceScheduleEntity } from './scheduler/source-schedule.entity';
import type { UpdateSourceDto } from './dto/update-source.dto';
import {
  checkConnectionUpdate,
  checkOptionsUpdate,
  defineSourceSettings,
  describeSettings,
  optionDefaults,
  storedFlag,
  type ConnectionField,
  type FieldErrors,
  type SourceSettings,
} from './settings/source-settings';

/** A command source's connection, handed to its command as HAMGAM_BASE_URL, HAMGAM_USERNAME and HAMGAM_PASSWORD. */
const COMMAND_SETTINGS = defineSourceSettings({
  connection: [
    { name: 'baseUrl', kind: 'url', isRequired: false },
    { name: 'username', kind: 'text', isRequired: false },
    { name: 'password', kind: 'secret', isRequired: false },
  ],
  options: z.object({}),
});
const NO_SETTINGS: SourceSettings = { connection: [], options: z.object({}) };

/** 400 naming each refused field, in the `fields` shape the ValidationPipe answers with. */
function throwIfFields(fields: FieldErrors): void {
  if (Object.keys(fields).length === 0) return;
  const message = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
  throw new BadRequestException({ message, fields });
}

@Injectable()
export class SourcesService implements OnModuleInit {
  /** What each command source runs, by id: server configuration, never the database. */
  private readonly commandSources: Map<string, CommandSourceConfig>;

  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(SourceScheduleEntity) private readonly schedules: Repository<SourceScheduleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(SOURCE_SEEDS) private readonly seeds: SourceSeeds,
    private readonly secrets: SecretBox,
    private readonly events: SyncEventsService,
  ) {
    // The demo wiring seeds the legacy script's command; the configuration file wins.
    this.commandSources = new Map([...seeds.commandSources, ...config.commandSources].map((source) => [source.id, source]));
  }

  /** First start: one row per registered source, its connection from the environment or the seeds. */
  async onModuleInit(): Promise<void> {
    const now = new Date().toISOString();
    for (const definition of this.catalog) {
      if (await this.sources.existsBy({ id: definition.id })) continue;
      const connection = this.seedConnection(definition.id, definition.settings.connection);
      await this.sources.insert({
        id: definition.id,
        kind: 'connector',
        enabled: true,
        timeoutSeconds: definition.defaultTimeoutSeconds,
        ...this.storedConnection(definition.settings.connection, connection),
        options: {},
        command: null,
        createdAt: now,
        updatedAt: now,
      });
      const options = this.seeds.options[definition.id];
      if (options) await this.sources.save({ ...(await this.findEntity(definition.id)), options });
    }
    await this.applyCommandConfiguration(now);
  }

  /**
   * Command sources are what configuration says, whatever was stored before: a new one gets its row, a known
   * one its configured command (an executable once written over the API is not kept), and a command row no
   * longer configured keeps its history but has no command, so it cannot run.
   */
  private async applyCommandConfiguration(now: string): Promise<void> {
    for (const configured of this.commandSources.values()) {
      if (findSourceDefinition(this.catalog, configured.id)) throw new Error(`command source "${configured.id}" has the id of a connector source`);
      const command = toCommandSettings(configured);
      const stored = await this.sources.findOneBy({ id: configured.id });
      if (stored) {
        await this.sources.update({ id: configured.id }, { kind: 'command', command });
        continue;
      }
      const connection = this.seeds.connections[configured.id] ?? null;
      await this.sources.insert({
        id: configured.id,
        kind: 'command',
        enabled: true,
        timeoutSeconds: configured.timeoutSeconds,
        ...this.storedConnection(COMMAND_SETTINGS.connection, connection),
        options: {},
        command,
        createdAt: now,
        updatedAt: now,
      });
    }
    const commandRows = await this.sources.findBy({ kind: 'command' });
    for (const row of commandRows) {
      if (!this.commandSources.has(row.id) && row.command !== null) await this.sources.update({ id: row.id }, { command: null });
    }
  }

  /** A first start's connection: from the environment when it names the address, else the demo's seed. */
  private seedConnection(id: string, fields: readonly ConnectionField[]): Record<string, string> | null {
    const env = this.config.env;
    const address = fields.find((field) => field.name === 'baseUrl')?.env;
    if (address && env[address]?.trim()) {
      return Object.fromEntries(fields.map((field) => [field.name, (field.env && env[field.env]) || '']));
    }
    return this.seeds.connections[id] ?? null;
  }

  /** The columns a connection is kept in: the address, the other plain fields, each secret encrypted. */
  private storedConnection(fields: readonly ConnectionField[], connection: Record<string, string | undefined> | null): Pick<SourceEntity, 'baseUrl' | 'connectionFields' | 'secrets'> {
    const stored: Pick<SourceEntity, 'baseUrl' | 'connectionFields' | 'secrets'> = { baseUrl: connection?.baseUrl?.replace(/\/+$/, '') || null, connectionFields: {}, secrets: {} };
    for (const field of fields) {
      const value = connection?.[field.name];
      if (field.kind === 'url' || !value) continue;
      if (field.kind === 'secret') stored.secrets[field.name] = this.secrets.encrypt(value);
      else stored.connectionFields[field.name] = value;
    }
    return stored;
  }

  /** What a source declares: its definition's settings, or the command sources' fixed connection. */
  settingsOf(entity: SourceEntity): SourceSettings {
    return findSourceDefinition(this.catalog, entity.id)?.settings ?? (entity.kind === 'command' ? COMMAND_SETTINGS : NO_SETTINGS);
  }

  /** What a command source runs, from configuration; null when it is not (or no longer) configured. */
  configuredCommand(id: string): CommandSourceConfig | null {
    return this.commandSources.get(id) ?? null;
  }

  async list(): Promise<Source[]> {
    const entities = await this.sources.find({ order: { id: 'ASC' } });
    return Promise.all(entities.map((entity) => this.toSource(entity)));
  }

  async get(id: string): Promise<Source> {
    return this.toSource(await this.findEntity(id));
  }

  async findEntity(id: string): Promise<SourceEntity> {
    const entity = await this.sources.findOneBy({ id });
    if (!entity) throw new NotFoundException(`source "${id}" does not exist`);
    return entity;
  }

  async update(id: string, dto: UpdateSourceDto): Promise<Source> {
    const entity = await this.findEntity(id);
    const declared = this.settingsOf(entity);
    const schedule = dto.autoSync ? this.nextSchedule(entity, await this.schedules.findOneBy({ sourceId: id }), dto.autoSync) : null;
    const fields: FieldErrors = {};
    let options: Record<string, unknown> | undefined;
    if (dto.options !== undefined) {
      const checked = checkOptionsUpdate(declared, entity.options, dto.options);
      if (checked.ok) options = checked.value;
      else Object.assign(fields, checked.fields);
    }
    let connection: Record<string, string> | undefined;
    if (dto.connection !== undefined) {
      const checked = checkConnectionUpdate(declared.connection, dto.connection);
      if (checked.ok) connection = checked.value;
      else Object.assign(fields, checked.fields);
    }
    throwIfFields(fields);
    if (options) entity.options = { ...entity.options, ...options };
    if (dto.enabled !== undefined) entity.enabled = dto.enabled;
    if (dto.timeoutSeconds !== undefined) entity.timeoutSeconds = dto.timeoutSeconds;
    if (connection) {
      this.checkConnectionChange(entity, declared, connection);
      const secrets = { ...entity.secrets };
      const plain = { ...entity.connectionFields };
      for (const field of declared.connection) {
        const value = connection[field.name];
        if (value === undefined) continue;
        if (field.kind === 'url') entity.baseUrl = value;
        else if (field.kind === 'secret' && value === '') delete secrets[field.name];
        else if (field.kind === 'secret') secrets[field.name] = this.secrets.encrypt(value);
        else plain[field.name] = value;
      }
      entity.secrets = secrets;
      entity.connectionFields = plain;
    }
    entity.updatedAt = new Date().toISOString();
    await this.sources.save(entity);
    if (schedule) await this.schedules.save(schedule);
    const source = await this.toSource(entity);
    this.events.emit({ type: 'source.updated', source });
    return source;
  }

  /** 400 with a `connection.baseUrl` error when UPSTREAM_ALLOWED_HOSTS is set and the address's host is not on it. */
  assertAllowedBaseUrl(baseUrl: string): void {
    if (isAllowedUpstream(baseUrl, this.config.upstreamAllowedHosts)) return;
    const message = `connection.baseUrl: ${NOT_ALLOWED_HOST}`;
    throw new BadRequestException({ message, fields: { 'connection.baseUrl': [NOT_ALLOWED_HOST] } });
  }

  /**
   * A new address must be on the allow-list, and a stored secret is never carried to it: the admin enters each
   * stored secret again (or sends it empty to remove it), else 400 naming it and nothing is saved.
   */
  private checkConnectionChange(entity: SourceEntity, declared: SourceSettings, sent: Record<string, string>): void {
    if (sent.baseUrl === undefined) return;
    this.assertAllowedBaseUrl(sent.baseUrl);
    if (sent.baseUrl === entity.baseUrl) return;
    const fields: FieldErrors = {};
    for (const field of declared.connection) {
      if (field.kind !== 'secret' || entity.secrets[field.name] === undefined || sent[field.name] !== undefined) continue;
      fields[`connection.${field.name}`] = [`the address changed: enter the ${field.name} again (a stored ${field.name} is sent only to the address it was saved for)`];
    }
    throwIfFields(fields);
  }

  /** The schedule row an auto-sync update would store; a 400 naming the fields when the settings are refused. */
  private nextSchedule(entity: SourceEntity, stored: SourceScheduleEntity | null, patch: NonNullable<UpdateSourceDto['autoSync']>): SourceScheduleEntity {
    const now = new Date();
    const current = settingsOf(stored);
    const quietWindow = patch.quietWindow && { start: patch.quietWindow.start, end: patch.quietWindow.end, days: [...patch.quietWindow.days].sort() };
    const sent = { ...patch, ...(patch.quietWindow === undefined ? {} : { quietWindow }) };
    const next = mergeAutoSync(current, sent);
    const fields = validateAutoSync(sent, next, {
      limits: { minIntervalSeconds: this.config.minSyncIntervalSeconds, timeZone: this.config.universityTimeZone },
      modes: findSourceDefinition(this.catalog, entity.id)?.modes ?? [],
      now,
    });
    throwIfFields(fields);
    const isSwitchedOn = next.enabled && !current.enabled;
    return this.schedules.create({
      failures: 0,
      pausedAt: null,
      nextRunAt: null,
      ...stored,
      ...next,
      sourceId: entity.id,
      since: !stored || changesTiming(current, next) ? now.toISOString() : stored.since,
      // Switching a schedule on starts afresh: no back-off, no pause carried over from before.
      ...(isSwitchedOn ? { failures: 0, pausedAt: null } : {}),
      updatedAt: now.toISOString(),
    });
  }

  /** What a run of this source needs, its secrets decrypted. Never leaves the server but to the child. */
  workerSettings(entity: SourceEntity): WorkerSettings {
    const declared = this.settingsOf(entity);
    let connection: WorkerSettings['connection'] = null;
    if (entity.baseUrl) {
      connection = { baseUrl: entity.baseUrl };
      for (const field of declared.connection) {
        if (field.kind === 'url') continue;
        const secret = entity.secrets[field.name];
        connection[field.name] = field.kind === 'secret' ? (secret ? this.secrets.decrypt(secret) : '') : (entity.connectionFields[field.name] ?? '');
      }
    }
    return { connection, options: { ...optionDefaults(declared), ...entity.options } };
  }

  /** The connection as a client sees it: plain fields as they are, each secret only as `has<Field>`. */
  private connectionView(entity: SourceEntity, declared: SourceSettings): ConnectionSettings | null {
    if (entity.baseUrl === null) return null;
    const view: ConnectionSettings = { baseUrl: entity.baseUrl };
    for (const field of declared.connection) {
      if (field.kind === 'secret') view[storedFlag(field.name)] = entity.secrets[field.name] !== undefined;
      else if (field.kind === 'text') view[field.name] = entity.connectionFields[field.name] ?? '';
    }
    return view;
  }

  private commandView(id: string): CommandSettings | null {
    const configured = this.commandSources.get(id);
    return configured ? toCommandSettings(configured) : null;
  }

  async toSource(entity: SourceEntity): Promise<Source> {
    const [lastRun, activeRun, schedule] = await Promise.all([
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['success', 'failed', 'cancelled']) }, order: { id: 'DESC' } }),
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['pending', 'running']) }, order: { id: 'DESC' } }),
      this.schedules.findOneBy({ sourceId: entity.id }),
    ]);
    const standIn = this.seeds.connections[entity.id];
    const declared = this.settingsOf(entity);
    return {
      id: entity.id,
      kind: entity.kind,
      enabled: entity.enabled,
      timeoutSeconds: entity.timeoutSeconds,
      connection: this.connectionView(entity, declared),
      command: entity.kind === 'command' ? this.commandView(entity.id) : null,
      modes: [...(findSourceDefinition(this.catalog, entity.id)?.modes ?? [])],
      options: { ...optionDefaults(declared), ...entity.options },
      hasRecords: (findSourceDefinition(this.catalog, entity.id)?.recordTables ?? []).length > 0,
      recordTables: (findSourceDefinition(this.catalog, entity.id)?.recordTables ?? []).map((table) => ({ id: table.id, columns: [...table.columns] })),
      canTestConnection: findSourceDefinition(this.catalog, entity.id)?.testConnection !== undefined,
      settings: describeSettings(declared),
      isStandIn: standIn !== undefined && standIn.baseUrl === entity.baseUrl,
      lastRun: lastRun ? toSyncRun(lastRun) : null,
      activeRun: activeRun ? toSyncRun(activeRun) : null,
      autoSync: toAutoSync(schedule, this.config),
      updatedAt: entity.updatedAt,
    };
  }
}

function toCommandSettings(configured: CommandSourceConfig): CommandSettings {
  const { executable, args, cwd, countPattern, env } = configured;
  return { executable, args, cwd, countPattern, envNames: Object.keys(env).sort() };
}
