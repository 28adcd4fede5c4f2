import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { RecordChangesController, RunChangesController } from './changes/run-changes.controller';
import { RunChangesService } from './changes/run-changes.service';
import { ConnectionTestController } from './connection-test.controller';
import { ConnectionTestService } from './connection-test.service';
import { RunLogLineEntity } from './entities/run-log-line.entity';
import { RunRejectionEntity } from './entities/run-rejection.entity';
import { SourceEntity } from './entities/source.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { DeletionsController } from './deletions/deletions.controller';
import { DeletionsService } from './deletions/deletions.service';
import { HeldDeletionEntity } from './deletions/held-deletion.entity';
import { EventsController } from './events/events.controller';
import { SourceHealthMonitor } from './health/source-health.monitor';
import { SourceHealthService } from './health/source-health.service';
import { SyncEventsService } from './events/sync-events.service';
import { RunRecorder } from './runner/run-recorder.service';
import { RunSupervisor } from './runner/run-supervisor.service';
import { SourceDataWatch } from './runner/source-data-watch.service';
import { RecordsController } from './records/records.controller';
import { RecordsService } from './records/records.service';
import { RunRejectionsController } from './rejections/run-rejections.controller';
import { RunRejectionsService } from './rejections/run-rejections.service';
import { RunsController } from './runs.controller';
import { AutoSyncScheduler } from './scheduler/auto-sync.scheduler';
import { SchedulesController } from './scheduler/schedules.controller';
import { SourceScheduleEntity } from './scheduler/source-schedule.entity';
import { SourcesController } from './sources.controller';
import { CommandSourcesService } from './command-sources.service';
import { SourceSeedingService } from './source-seeding.service';
import { SourceSettingsService } from './source-settings.service';
import { SourceViewService } from './source-view.service';
import { SyncService } from './sync.service';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { PgNotifyBus } from '../common/replicas/pg-notify-bus';
import { InProcessBus, REPLICA_BUS, type ReplicaBus } from '../common/replicas/replica-bus';
import { RelayedEventReader } from './events/relayed-event-reader.service';
import { RunLeases } from './runner/run-leases.service';

@Module({
  imports: [
    AuthModule,
    CalendarModule,
    ScheduleModule.forRoot(),
    TypeOrmModule.forFeature([SourceEntity, SyncRunEntity, RunLogLineEntity, RunRejectionEntity, SourceScheduleEntity, HeldDeletionEntity]),
  ],
  controllers: [
    SourcesController,
    RunsController,
    RunRejectionsController,
    RunChangesController,
    DeletionsController,
    EventsController,
    RecordsController,
    RecordChangesController,
    SchedulesController,
    ConnectionTestController,
  ],
  providers: [
    {
      provide: REPLICA_BUS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ReplicaBus => (config.replicaBusUrl ? new PgNotifyBus(config.replicaBusUrl, config.replicaId) : new InProcessBus()),
    },
    SyncEventsService,
    RelayedEventReader,
    RunLeases,
    RunRecorder,
    RunSupervisor,
    SourceDataWatch,
    CommandSourcesService,
    SourceSettingsService,
    SourceSeedingService,
    SourceViewService,
    SyncService,
    RunRejectionsService,
    RunChangesService,
    DeletionsService,
    RecordsService,
    AutoSyncScheduler,
    ConnectionTestService,
    SourceHealthService,
    SourceHealthMonitor,
  ],
  exports: [SyncService, SourceSettingsService, SourceViewService, SourceHealthService, SyncEventsService],
})
export class SyncModule {}
