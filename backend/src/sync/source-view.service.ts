import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { FINAL_RUN_STATUSES, type ConnectionSettings, type Source } from '@hamgam/shared';
import { deletionGuardOf } from './deletions/deletion-guard';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CommandSourcesService } from './command-sources.service';
import { SourceEntity } from './entities/source.entity';
import { SourceHealthService } from './health/source-health.service';
import { SyncRunEntity } from './entities/sync-run.entity';
import { toSyncRun } from './run-mapper';
import { toAutoSync } from './scheduler/auto-sync-view';
import { SourceScheduleEntity } from './scheduler/source-schedule.entity';
import { describeSettings, optionDefaults, storedFlag } from './settings/source-settings';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from './source-catalog';
import { SOURCE_SEEDS, type SourceSeeds } from './source-seeds';
import { SourceSettingsService } from './source-settings.service';

/** The row's own settings as a client sees them. */
type BasicSettings = Pick<Source, 'enabled' | 'timeoutSeconds' | 'connection' | 'command'>;

/** A source as a client sees it (`GET /api/sources`, the PATCH answer, `source.updated`): never a secret. */
@Injectable()
export class SourceViewService {
  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @InjectRepository(SyncRunEntity) private readonly runs: Repository<SyncRunEntity>,
    @InjectRepository(SourceScheduleEntity) private readonly schedules: Repository<SourceScheduleEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(SOURCE_SEEDS) private readonly seeds: SourceSeeds,
    private readonly settings: SourceSettingsService,
    private readonly commandSources: CommandSourcesService,
    private readonly health: SourceHealthService,
  ) {}

  async list(): Promise<Source[]> {
    const entities = await this.sources.find({ order: { id: 'ASC' } });
    return Promise.all(entities.map((entity) => this.toSource(entity)));
  }

  async get(id: string): Promise<Source> {
    return this.toSource(await this.settings.findEntity(id));
  }

  private basicSettings(entity: SourceEntity): BasicSettings {
    return {
      enabled: entity.enabled,
      timeoutSeconds: entity.timeoutSeconds,
      connection: this.connectionView(entity),
      command: this.commandSources.view(entity),
    };
  }

  async toSource(entity: SourceEntity): Promise<Source> {
    const [lastRun, activeRun, schedule, { health }] = await Promise.all([
      this.runs.findOne({ where: { sourceId: entity.id, status: In([...FINAL_RUN_STATUSES]) }, order: { id: 'DESC' } }),
      this.runs.findOne({ where: { sourceId: entity.id, status: In(['pending', 'running']) }, order: { id: 'DESC' } }),
      this.schedules.findOneBy({ sourceId: entity.id }),
      this.health.verdictOf(entity),
    ]);
    const definition = findSourceDefinition(this.catalog, entity.id);
    const declared = this.settings.settingsOf(entity);
    const standIn = this.seeds.connections[entity.id];
    return {
      ...this.basicSettings(entity),
      id: entity.id,
      kind: entity.kind,
      modes: [...(definition?.modes ?? [])],
      options: { ...optionDefaults(declared), ...entity.options },
      hasRecords: (definition?.recordTables ?? []).length > 0,
      recordTables: (definition?.recordTables ?? []).map((table) => ({ id: table.id, columns: [...table.columns] })),
      canTestConnection: definition?.testConnection !== undefined,
      settings: describeSettings(declared),
      isStandIn: standIn !== undefined && standIn.baseUrl === entity.baseUrl,
      lastRun: lastRun ? toSyncRun(lastRun) : null,
      activeRun: activeRun ? toSyncRun(activeRun) : null,
      autoSync: toAutoSync(schedule, this.config),
      freshness: { maxAgeSeconds: entity.freshnessMaxAgeSeconds },
      deletionGuard: definition?.loadDeletionApplier ? deletionGuardOf(entity.deletionGuard) : null,
      canDryRun: entity.kind !== 'command' && definition?.canDryRun === true,
      health,
      updatedAt: entity.updatedAt,
    };
  }

  /** The connection as a client sees it: plain fields as they are, each secret only as `has<Field>`. */
  private connectionView(entity: SourceEntity): ConnectionSettings | null {
    if (entity.baseUrl === null) return null;
    const view: ConnectionSettings = { baseUrl: entity.baseUrl };
    const storedSecrets = this.settings.storedSecretNames(entity);
    for (const field of this.settings.settingsOf(entity).connection) {
      if (field.kind === 'secret') view[storedFlag(field.name)] = storedSecrets.has(field.name);
      else if (field.kind === 'text') view[field.name] = entity.connectionFields[field.name] ?? '';
    }
    return view;
  }
}
