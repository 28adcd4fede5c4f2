import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RunLogLineEntity } from './entities/run-log-line.entity';
import { RunRejectionEntity } from './entities/run-rejection.entity';
import { SourceEntity } from './entities/source.entity';
import { SyncRunEntity } from './entities/sync-run.entity';
import { EventsController } from './events/events.controller';
import { SyncEventsService } from './events/sync-events.service';
import { RunRecorder } from './runner/run-recorder.service';
import { RunSupervisor } from './runner/run-supervisor.service';
import { RunsController } from './runs.controller';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';
import { SyncService } from './sync.service';

@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity, SyncRunEntity, RunLogLineEntity, RunRejectionEntity])],
  controllers: [SourcesController, RunsController, EventsController],
  providers: [SyncEventsService, RunRecorder, RunSupervisor, SourcesService, SyncService],
  exports: [SyncService, SourcesService],
})
export class SyncModule {}
