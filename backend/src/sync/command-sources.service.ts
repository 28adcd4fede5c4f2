import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { CommandSettings, WorkerSettings } from '@hamgam/shared';
import { z } from 'zod';
import type { CommandSourceConfig } from '../config/command-sources';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SourceEntity } from './entities/source.entity';
import { commandEnvironment } from './runner/command-process';
import type { LaunchRequest } from './runner/run-supervisor.service';
import { SOURCE_CATALOG, findSourceDefinition, type SourceCatalog } from './source-catalog';
import { SOURCE_SEEDS, type SourceSeeds } from './source-seeds';
import { defineSourceSettings, type SourceSettings } from './settings/source-settings';

/** A command source's connection, handed to its command as HAMGAM_BASE_URL, HAMGAM_USERNAME and HAMGAM_PASSWORD. */
export const COMMAND_SETTINGS: SourceSettings = defineSourceSettings({
  connection: [
    { name: 'baseUrl', kind: 'url', isRequired: false },
    { name: 'username', kind: 'text', isRequired: false },
    { name: 'password', kind: 'secret', isRequired: false },
  ],
  options: z.object({}),
});

// Configured values under a secret-looking name are masked in the run's log like the password.
const SECRET_NAME = /PASS|SECRET|TOKEN|KEY|CREDENTIAL/i;

/**
 * Command sources, the core's one feature for running a legacy script instead of a connector: what each runs
 * comes from server configuration (`COMMAND_SOURCES_FILE`, or the demo's seeds), never from the database or the
 * API. This class alone knows that: their rows, their read-only view and how a run of one is launched.
 */
@Injectable()
export class CommandSourcesService {
  private readonly configured: Map<string, CommandSourceConfig>;

  constructor(
    @InjectRepository(SourceEntity) private readonly sources: Repository<SourceEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SOURCE_CATALOG) private readonly catalog: SourceCatalog,
    @Inject(SOURCE_SEEDS) seeds: SourceSeeds,
  ) {
    // The demo wiring seeds the legacy script's command; the configuration file wins.
    this.configured = new Map([...seeds.commandSources, ...config.commandSources].map((source) => [source.id, source]));
  }

  /**
   * Command sources are what configuration says, whatever was stored before: a new one gets its row (`insert`
   * adds its connection), a known one its configured command (an executable once written over the API is not
   * kept), and a command row no longer configured keeps its history but has no command, so it cannot run.
   */
  async applyConfiguration(insert: (row: Pick<SourceEntity, 'id' | 'timeoutSeconds' | 'command'>) => Promise<void>): Promise<void> {
    for (const configured of this.configured.values()) {
      if (findSourceDefinition(this.catalog, configured.id)) throw new Error(`command source "${configured.id}" has the id of a connector source`);
      const command = toCommandSettings(configured);
      if (await this.sources.existsBy({ id: configured.id })) await this.sources.update({ id: configured.id }, { kind: 'command', command });
      else await insert({ id: configured.id, timeoutSeconds: configured.timeoutSeconds, command });
    }
    for (const row of await this.sources.findBy({ kind: 'command' })) {
      if (!this.configured.has(row.id) && row.command !== null) await this.sources.update({ id: row.id }, { command: null });
    }
  }

  /** What a command source runs as a client sees it (read-only); null for a connector or one no longer configured. */
  view(entity: SourceEntity): CommandSettings | null {
    const configured = entity.kind === 'command' ? this.configured.get(entity.id) : undefined;
    return configured ? toCommandSettings(configured) : null;
  }

  /** 409 when the source is a command source with no command in configuration: it cannot run. */
  assertRunnable(entity: SourceEntity): void {
    if (entity.kind === 'command' && !this.configured.has(entity.id)) {
      throw new ConflictException({ message: `source "${entity.id}" has no command in server configuration (COMMAND_SOURCES_FILE)` });
    }
  }

  /** How a run of a command source starts: its configured command, with the connection in its environment. */
  launchRequest(entity: SourceEntity, runId: number, settings: WorkerSettings, secrets: string[]): LaunchRequest {
    const command = this.configured.get(entity.id);
    if (!command) throw new Error(`source "${entity.id}" has no command in server configuration`);
    const runEnv: Record<string, string> = { HAMGAM_RUN_ID: String(runId), HAMGAM_SOURCE_ID: entity.id };
    if (settings.connection) {
      Object.assign(runEnv, {
        HAMGAM_BASE_URL: settings.connection.baseUrl,
        HAMGAM_USERNAME: settings.connection.username,
        HAMGAM_PASSWORD: settings.connection.password,
      });
    }
    const env = commandEnvironment(this.config.env, command.env, runEnv);
    const configuredSecrets = Object.entries(command.env)
      .filter(([name]) => SECRET_NAME.test(name))
      .map(([, value]) => value);
    return { kind: 'command', runId, sourceId: entity.id, timeoutSeconds: entity.timeoutSeconds, secrets: [...secrets, ...configuredSecrets], command, env };
  }
}

function toCommandSettings(configured: CommandSourceConfig): CommandSettings {
  const { name, executable, args, cwd, countPattern, env } = configured;
  return { name, executable, args, cwd, countPattern, envNames: Object.keys(env).sort() };
}
