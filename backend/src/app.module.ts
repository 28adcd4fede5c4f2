import { join } from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { HistoryModule } from './history/history.module';
import { SecretBox, loadOrCreateKey } from './common/crypto/secret-box';
import { APP_CONFIG, type AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/data-source';
import { openDatabase } from './database/migrate';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { SOURCE_API_MODULES } from './sources/api-modules';
import { SOURCE_DEFINITIONS } from './sources/registry';
import { SOURCE_CATALOG, type SourceCatalog } from './sync/source-catalog';
import { SOURCE_SEEDS, type SourceSeeds } from './sync/source-seeds';
import { SyncModule } from './sync/sync.module';

// HistoryModule comes before SyncModule: its `GET /api/runs/export.csv` must be routed before `GET /api/runs/:id`.
export type AppModuleOptions = {
  config: AppConfig;
  /** First-start settings (the demo's stand-ins); empty in production. */
  seeds: SourceSeeds;
  /** The sources the core runs; the registry unless a test brings its own. */
  catalog?: SourceCatalog;
};

@Global()
@Module({})
export class AppModule {
  static forRoot({ config, seeds, catalog = SOURCE_DEFINITIONS }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => buildDataSourceOptions(config, catalog),
          dataSourceFactory: async (options) => openDatabase(options!),
        }),
        AuditModule,
        AuthModule,
        HistoryModule,
        SyncModule,
        MetricsModule,
        NotificationsModule,
        CalendarModule,
        ...SOURCE_API_MODULES,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: SOURCE_SEEDS, useValue: seeds },
        { provide: SOURCE_CATALOG, useValue: catalog },
        { provide: SecretBox, useFactory: () => new SecretBox(loadOrCreateKey(config.encryptionKey, join(config.dataDir, 'secret.key'))) },
      ],
      exports: [APP_CONFIG, SOURCE_SEEDS, SOURCE_CATALOG, SecretBox],
    };
  }
}
