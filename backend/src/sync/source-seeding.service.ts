import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { COMMAND_SETTINGS, CommandSourcesService } from './command-sources.service';
import { SourceEntity } from './entities/source.entity';
import type { ConnectionField } from './settings/source-settings';
import { SOURCE_CATALOG, type SourceCatalog } from './source-catalog';
import { SOURCE_SEEDS, type SourceSeeds } from './source-seeds';
import { SourceSettingsService } from './source-settings.service';

/** Every start: the stored secrets sealed as one ciphertext. First start: one row per source, its connection from the environment or the demo's seeds. */
@Injectable()
export class SourceSeedingService implements OnModuleInit {
  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(SOURCE_SEEDS) private readonly seeds: SourceSeeds,
    private readonly settings: SourceSettingsService,
    private readonly commandSources: CommandSourcesService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.settings.sealPerValueSecrets();
    const now = new Date().toISOString();
    for (const definition of this.catalog) {
      if (await this.sources.existsBy({ id: definition.id })) continue;
      const connection = this.seedConnection(definition.id, definition.settings.connection);
      const inserted = await this.insertOnce({
        id: definition.id,
        kind: 'connector',
        enabled: true,
        timeoutSeconds: definition.defaultTimeoutSeconds,
        ...this.settings.storedConnection(definition.settings.connection, connection),
        options: {},
        command: null,
        createdAt: now,
        updatedAt: now,
      });
      const options = this.seeds.options[definition.id];
      if (inserted && options) await this.sources.save({ ...(await this.sources.findOneByOrFail({ id: definition.id })), options });
    }
    await this.commandSources.applyConfiguration(async ({ id, timeoutSeconds, command }) => {
      await this.insertOnce({
        id,
        kind: 'command',
        enabled: true,
        timeoutSeconds,
        ...this.settings.storedConnection(COMMAND_SETTINGS.connection, this.seeds.connections[id] ?? null),
        options: {},
        command,
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  /** Inserts a source's first row; false when another replica booting at the same moment inserted it first. */
  private async insertOnce(row: Parameters<Repository<SourceEntity>['insert']>[0] & { id: string }): Promise<boolean> {
    try {
      await this.sources.insert(row);
      return true;
    } catch (error) {
      if (await this.sources.existsBy({ id: row.id })) return false;
      throw error;
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
}
