import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  imports: [SyncModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
