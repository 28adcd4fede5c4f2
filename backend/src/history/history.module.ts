import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SyncRunEntity } from '../sync/entities/sync-run.entity';
import { RetentionService } from './retention.service';
import { RunHistoryController } from './run-history.controller';
import { RunHistoryService } from './run-history.service';

// ScheduleModule.forRoot() is global and idempotent: another module registering it too is harmless.
@Module({
  imports: [ScheduleModule.forRoot(), TypeOrmModule.forFeature([SyncRunEntity])],
  controllers: [RunHistoryController],
  providers: [RunHistoryService, RetentionService],
})
export class HistoryModule {}
