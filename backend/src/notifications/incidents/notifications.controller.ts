import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Incident, IncidentSummary, NotificationDelivery, Page } from '@hamgam/shared';
import { DeliveriesService } from '../delivery/deliveries.service';
import { ListDeliveriesDto, ListIncidentsDto } from '../dto/notification-queries.dto';
import { IncidentsService } from './incidents.service';

/** Incidents and deliveries, newest first; read by admins and auditors. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Get('incidents')
  listIncidents(@Query() query: ListIncidentsDto): Promise<Page<Incident>> {
    return this.incidents.list(query.status, query.page ?? 1, query.pageSize ?? 50);
  }

  /** The header's count. */
  @Get('incidents/summary')
  async summary(): Promise<IncidentSummary> {
    return { open: await this.incidents.openCount() };
  }

  @Get('deliveries')
  listDeliveries(@Query() query: ListDeliveriesDto): Promise<Page<NotificationDelivery>> {
    return this.deliveries.list(query.page ?? 1, query.pageSize ?? 50, query.channelId);
  }
}
