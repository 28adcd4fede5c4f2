import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
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
    DeletionsController,
    EventsController,
    RecordsController,
    SchedulesController,
    ConnectionTestController,
  ],
  providers: [
    SyncEventsService,
    RunRecorder,
    RunSupervisor,
    SourceDataWatch,
    CommandSourcesService,
    SourceSettingsService,
    SourceSeedingService,
    SourceViewService,
    SyncService,
    RunRejectionsService,
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
