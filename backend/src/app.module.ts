import { join } from 'node:path';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { HistoryModule } from './history/history.module';
import { SecretBox, loadOrCreateKey } from './common/crypto/secret-box';
import { APP_CONFIG, type AppConfig } from './config/config';
import { buildDataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { STAND_IN_CONNECTIONS, type StandInConnections } from './sync/stand-in-connections';
import { SyncModule } from './sync/sync.module';

// HistoryModule comes before SyncModule: its `GET /api/runs/export.csv` must be routed before `GET /api/runs/:id`.
export type AppModuleOptions = { config: AppConfig; standIns: StandInConnections };

@Global()
@Module({})
export class AppModule {
  static forRoot({ config, standIns }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [TypeOrmModule.forRoot(buildDataSourceOptions(config.databasePath)), AuditModule, AuthModule, HistoryModule, SyncModule],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: STAND_IN_CONNECTIONS, useValue: standIns },
        { provide: SecretBox, useFactory: () => new SecretBox(loadOrCreateKey(config.encryptionKey, join(config.dataDir, 'secret.key'))) },
      ],
      exports: [APP_CONFIG, STAND_IN_CONNECTIONS, SecretBox],
    };
  }
}
