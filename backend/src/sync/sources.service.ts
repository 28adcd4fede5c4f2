import { Inject, Injectable, NotFoundException, BadRequestException, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { CommandSettings, Source, WorkerSettings } from '@hamgam/shared';
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
      const connection = this.seeds.connections[configured.id];
      await this.sources.insert({
        id: configured.id,
        kind: 'command',
        enabled: true,
        timeoutSeconds: configured.timeoutSeconds,
        baseUrl: connection?.baseUrl ?? null,
        username: connection?.username ?? null,
        passwordEncrypted: connection?.password ? this.secrets.encrypt(connection.password) : null,
        tokenEncrypted: null,
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
    const schedule = dto.autoSync ? this.nextSchedule(entity, await this.schedules.findOneBy({ sourceId: id }), dto.autoSync) : null;
    const options = dto.options === undefined ? undefined : this.validateOptions(id, dto.options);
    if (options) entity.options = { ...entity.options, ...options };
    if (dto.enabled !== undefined) entity.enabled = dto.enabled;
    if (dto.timeoutSeconds !== undefined) entity.timeoutSeconds = dto.timeoutSeconds;
    if (dto.connection) {
      this.checkConnectionChange(entity, dto.connection);
      const { baseUrl, username, password, token } = dto.connection;
      if (baseUrl !== undefined) entity.baseUrl = baseUrl.replace(/\/+$/, '');
      if (username !== undefined) entity.username = username;
      if (password !== undefined) entity.passwordEncrypted = password === '' ? null : this.secrets.encrypt(password);
      if (token !== undefined) entity.tokenEncrypted = token === '' ? null : this.secrets.encrypt(token);
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
  private checkConnectionChange(entity: SourceEntity, sent: NonNullable<UpdateSourceDto['connection']>): void {
    if (sent.baseUrl === undefined) return;
    this.assertAllowedBaseUrl(sent.baseUrl);
    if (sent.baseUrl.replace(/\/+$/, '') === entity.baseUrl) return;
    const fields: Record<string, string[]> = {};
    const again = (what: string) => `the address changed: enter the ${what} again (a stored ${what} is sent only to the address it was saved for)`;
    if (entity.passwordEncrypted !== null && sent.password === undefined) fields['connection.password'] = [again('password')];
    if (entity.tokenEncrypted !== null && sent.token === undefined) fields['connection.token'] = [again('token')];
    if (Object.keys(fields).length === 0) return;
    const message = Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join(', ')}`).join('; ');
    throw new BadRequestException({ message, fields });
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
      command: entity.kind === 'command' ? this.commandView(entity.id) : null,
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

function toCommandSettings(configured: CommandSourceConfig): CommandSettings {
  const { executable, args, cwd, countPattern, env } = configured;
  return { executable, args, cwd, countPattern, envNames: Object.keys(env).sort() };
}
