import { Inject, Injectable, NotFoundException, BadRequestException, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { CommandSettings, Source, WorkerSettings } from '@hamgam/shared';
import { SecretBox } from '../common/crypto/secret-box';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { LEGACY_FACULTY_SEED } from '../sources/command/legacy-faculty.seed';
import { SOURCE_DEFINITIONS, findSourceDefinition } from '../sources/registry';
import { SourceEntity } from './entities/source.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { SyncEventsService } from './events/sync-events.service';
import { toSyncRun } from './run-mapper';
import { STAND_IN_CONNECTIONS, type StandInConnections } from './stand-in-connections';
import type { UpdateSourceDto } from './dto/update-source.dto';

@Injectable()
export class SourcesService implements OnModuleInit {
  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STAND_IN_CONNECTIONS) private readonly standIns: StandInConnections,
    private readonly secrets: SecretBox,
    private readonly events: SyncEventsService,
  ) {}

  /** First start: one row per registered source, its connection from the environment or the stand-in. */
  async onModuleInit(): Promise<void> {
    const now = new Date().toISOString();
    for (const definition of SOURCE_DEFINITIONS) {
      if (await this.sources.existsBy({ id: definition.id })) continue;
      const env = this.config.env;
      const fromEnv = definition.connectionEnv && env[definition.connectionEnv.baseUrl]?.trim();
      const connection = fromEnv
        ? { baseUrl: fromEnv, username: env[definition.connectionEnv!.username] ?? '', password: env[definition.connectionEnv!.password] ?? '' }
        : (this.standIns[definition.id] ?? null);
      await this.sources.insert({
        id: definition.id,
        kind: 'connector',
        enabled: true,
        timeoutSeconds: definition.defaultTimeoutSeconds,
        baseUrl: connection?.baseUrl ?? null,
        username: connection?.username ?? null,
        passwordEncrypted: connection?.password ? this.secrets.encrypt(connection.password) : null,
        options: {},
        command: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const legacy = this.standIns[LEGACY_FACULTY_SEED.id];
    if (legacy && !(await this.sources.existsBy({ id: LEGACY_FACULTY_SEED.id }))) {
      await this.sources.insert({
        id: LEGACY_FACULTY_SEED.id,
        kind: 'command',
        enabled: true,
        timeoutSeconds: LEGACY_FACULTY_SEED.timeoutSeconds,
        baseUrl: legacy.baseUrl,
        username: legacy.username,
        passwordEncrypted: this.secrets.encrypt(legacy.password),
        options: {},
        command: LEGACY_FACULTY_SEED.command,
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
    if (dto.enabled !== undefined) entity.enabled = dto.enabled;
    if (dto.timeoutSeconds !== undefined) entity.timeoutSeconds = dto.timeoutSeconds;
    if (dto.connection) {
      const { baseUrl, username, password } = dto.connection;
      if (baseUrl !== undefined) entity.baseUrl = baseUrl.replace(/\/+$/, '');
      if (username !== undefined) entity.username = username;
      if (password !== undefined) entity.passwordEncrypted = password === '' ? null : this.secrets.encrypt(password);
    }
    if (dto.command) {
      // Only the keys sent change: the transformed DTO carries the others as undefined.
      const sent = Object.fromEntries(Object.entries(dto.command).filter(([, value]) => value !== undefined));
      entity.command = { ...(entity.command as CommandSettings), ...sent };
    }
    entity.updatedAt = new Date().toISOString();
    await this.sources.save(entity);
    const source = await this.toSource(entity);
    this.events.emit({ type: 'source.updated', source });
    return source;
  }

  /** What a run of this source needs, the decrypted password included. Never leaves the server but to the child. */
  workerSettings(entity: SourceEntity): WorkerSettings {
    const definition = findSourceDefinition(entity.id);
    return {
      connection: entity.baseUrl
        ? { baseUrl: entity.baseUrl, username: entity.username ?? '', password: entity.passwordEncrypted ? this.secrets.decrypt(entity.passwordEncrypted) : '' }
        : null,
      options: { ...(definition?.defaultOptions ?? {}), ...entity.options },
    };
  }

  async toSource(entity: SourceEntity): Promise<Source> {
    const [lastRun, activeRun] = await Promise.all([
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['success', 'failed', 'cancelled']) }, order: { id: 'DESC' } }),
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['pending', 'running']) }, order: { id: 'DESC' } }),
    ]);
    const standIn = this.standIns[entity.id];
    return {
      id: entity.id,
      kind: entity.kind,
      enabled: entity.enabled,
      timeoutSeconds: entity.timeoutSeconds,
      connection: entity.baseUrl === null ? null : { baseUrl: entity.baseUrl, username: entity.username ?? '', hasPassword: entity.passwordEncrypted !== null },
      command: entity.command,
      modes: [...(findSourceDefinition(entity.id)?.modes ?? [])],
      isStandIn: standIn !== undefined && standIn.baseUrl === entity.baseUrl,
      lastRun: lastRun ? toSyncRun(lastRun) : null,
      activeRun: activeRun ? toSyncRun(activeRun) : null,
      updatedAt: entity.updatedAt,
    };
  }
}
