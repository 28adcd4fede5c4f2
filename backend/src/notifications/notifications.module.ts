import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SourceEntity } from '../sync/entities/source.entity';
import { SyncRunEntity } from '../sync/entities/sync-run.entity';
import { SyncModule } from '../sync/sync.module';
import { ChannelsController } from './channels/channels.controller';
import { ChannelsService } from './channels/channels.service';
import { DeliveriesService } from './delivery/deliveries.service';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher.service';
import { IncidentEntity } from './entities/incident.entity';
import { NotificationChannelEntity } from './entities/notification-channel.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { AlertMonitor } from './incidents/alert-monitor.service';
import { IncidentsService } from './incidents/incidents.service';
import { NotificationsController } from './incidents/notifications.controller';

/** Alerts (issue #13): channels, incidents and the delivery queue, run in the API process only. */
@Module({
  imports: [SyncModule, TypeOrmModule.forFeature([NotificationChannelEntity, IncidentEntity, NotificationDeliveryEntity, SourceEntity, SyncRunEntity])],
  controllers: [ChannelsController, NotificationsController],
  providers: [ChannelsService, DeliveriesService, DeliveryDispatcher, IncidentsService, AlertMonitor],
})
export class NotificationsModule {}
