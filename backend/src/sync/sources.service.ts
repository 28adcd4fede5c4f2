import { Inject, Injectable, NotFoundException, BadRequestException, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { CommandSettings, Source, WorkerSettings } from '@hamgam/shared';
import { SecretBox } from '../common/crypto/secret-box';
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

@Injectable()
export class SourcesService implements OnModuleInit {
  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(SourceScheduleEntity) private readonly schedules: Repository<SourceScheduleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(SOURCE_SEEDS) private readonly seeds: SourceSeeds,
    private readonly secrets: SecretBox,
    private readonly events: SyncEventsService,
  ) {}

  /** First start: one row per registered source, its connection from the environment or the seeds. */
  async onModuleInit(): Promise<void> {
    const now = new Date().toISOString();
    for (const definition of this.catalog) {
      if (await this.sources.existsBy({ id: definition.id })) continue;
      const env = this.config.env;
      const fromEnv = definition.connectionEnv && env[definition.connectionEnv.baseUrl]?.trim();
      const tokenEnv = definition.connectionEnv?.token;
      const connection = fromEnv
        ? {
            baseUrl: fromEnv,
            username: env[definition.connectionEnv!.username] ?? '',
            password: env[definition.connectionEnv!.password] ?? '',
            token: tokenEnv ? (env[tokenEnv] ?? '') : '',
          }
        : (this.seeds.connections[definition.id] ?? null);
      await this.sources.insert({
        id: definition.id,
        kind: 'connector',
        enabled: true,
        timeoutSeconds: definition.defaultTimeoutSeconds,
        baseUrl: connection?.baseUrl ?? null,
        username: connection?.username ?? null,
        passwordEncrypted: connection?.password ? this.secrets.encrypt(connection.password) : null,
        tokenEncrypted: connection?.token ? this.secrets.encrypt(connection.token) : null,
        options: {},
        command: null,
        createdAt: now,
        updatedAt: now,
      });
      const options = this.seeds.options[definition.id];
      if (options) await this.sources.save({ ...(await this.findEntity(definition.id)), options });
    }
    for (const seed of this.seeds.commandSources) {
      if (await this.sources.existsBy({ id: seed.id })) continue;
      await this.sources.insert({
        id: seed.id,
        kind: 'command',
        enabled: true,
        timeoutSeconds: seed.timeoutSeconds,
        baseUrl: seed.connection.baseUrl,
        username: seed.connection.username,
        passwordEncrypted: this.secrets.encrypt(seed.connection.password),
        options: {},
        command: seed.command,
        createdAt: now,
        updatedAt: now,
      });
    }
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
    if (dto.command && entity.kind !== 'command') {
      throw new BadRequestException({ message: 'only command sources have command settings', fields: { command: ['only command sources have command settings'] } });
    }
    const schedule = dto.autoSync ? this.nextSchedule(entity, await this.schedules.findOneBy({ sourceId: id }), dto.autoSync) : null;
    const options = dto.options === undefined ? undefined : this.validateOptions(id, dto.options);
    if (options) entity.options = { ...entity.options, ...options };
    if (dto.enabled !== undefined) entity.enabled = dto.enabled;
    if (dto.timeoutSeconds !== undefined) entity.timeoutSeconds = dto.timeoutSeconds;
    if (dto.connection) {
      const { baseUrl, username, password, token } = dto.connection;
      if (baseUrl !== undefined) entity.baseUrl = baseUrl.replace(/\/+$/, '');
      if (username !== undefined) entity.username = username;
      if (password !== undefined) entity.passwordEncrypted = password === '' ? null : this.secrets.encrypt(password);
      if (token !== undefined) entity.tokenEncrypted = token === '' ? null : this.secrets.encrypt(token);
    }
    if (dto.command) {
      // Only the keys sent change: the transformed DTO carries the others as undefined.
      const sent = Object.fromEntries(Object.entries(dto.command).filter(([, value]) => value !== undefined));
      entity.command = { ...(entity.command as CommandSettings), ...sent };
    }
    entity.updatedAt = new Date().toISOString();
    await this.sources.save(entity);
    if (schedule) await this.schedules.save(schedule);
    const source = await this.toSource(entity);
    this.events.emit({ type: 'source.updated', source });
    return source;
  }

  /** The options sent, as the source accepts them; 400 with `options.<key>` errors otherwise. */
  private validateOptions(id: string, raw: Record<string, unknown>): Record<string, unknown> {
    const validate = findSourceDefinition(this.catalog, id)?.validateOptions;
    if (!validate) {
      throw new BadRequestException({ message: `source "${id}" has no editable options`, fields: { options: [`source "${id}" has no editable options`] } });
    }
    const result = validate(raw);
    if (result.ok) return result.options;
    const fields = Object.fromEntries(Object.entries(result.fields).map(([key, messages]) => [`options.${key}`, messages]));
    const message = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
    throw new BadRequestException({ message, fields });
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
    if (Object.keys(fields).length > 0) {
      const message = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
      throw new BadRequestException({ message, fields });
    }
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

  /** What a run of this source needs, the decrypted password included. Never leaves the server but to the child. */
  workerSettings(entity: SourceEntity): WorkerSettings {
    const definition = findSourceDefinition(this.catalog, entity.id);
    return {
      connection: entity.baseUrl
        ? {
            baseUrl: entity.baseUrl,
            username: entity.username ?? '',
            password: entity.passwordEncrypted ? this.secrets.decrypt(entity.passwordEncrypted) : '',
            token: entity.tokenEncrypted ? this.secrets.decrypt(entity.tokenEncrypted) : '',
          }
        : null,
      options: { ...(definition?.defaultOptions ?? {}), ...entity.options },
    };
  }

  async toSource(entity: SourceEntity): Promise<Source> {
    const [lastRun, activeRun, schedule] = await Promise.all([
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['success', 'failed', 'cancelled']) }, order: { id: 'DESC' } }),
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['pending', 'running']) }, order: { id: 'DESC' } }),
      this.schedules.findOneBy({ sourceId: entity.id }),
    ]);
    const standIn = this.seeds.connections[entity.id];
    return {
      id: entity.id,
      kind: entity.kind,
      enabled: entity.enabled,
      timeoutSeconds: entity.timeoutSeconds,
      connection:
        entity.baseUrl === null
          ? null
          : {
              baseUrl: entity.baseUrl,
              username: entity.username ?? '',
              hasPassword: entity.passwordEncrypted !== null,
              hasToken: entity.tokenEncrypted !== null,
              acceptsToken: findSourceDefinition(this.catalog, entity.id)?.connectionEnv?.token !== undefined,
            },
      command: entity.command,
      modes: [...(findSourceDefinition(this.catalog, entity.id)?.modes ?? [])],
      options: { ...(findSourceDefinition(this.catalog, entity.id)?.defaultOptions ?? {}), ...entity.options },
      hasRecords: (findSourceDefinition(this.catalog, entity.id)?.recordTables ?? []).length > 0,
      recordTables: (findSourceDefinition(this.catalog, entity.id)?.recordTables ?? []).map((table) => ({ id: table.id, columns: [...table.columns] })),
      canTestConnection: findSourceDefinition(this.catalog, entity.id)?.testConnection !== undefined,
      isStandIn: standIn !== undefined && standIn.baseUrl === entity.baseUrl,
      lastRun: lastRun ? toSyncRun(lastRun) : null,
      activeRun: activeRun ? toSyncRun(activeRun) : null,
      autoSync: toAutoSync(schedule, this.config),
      updatedAt: entity.updatedAt,
    };
  }
}
