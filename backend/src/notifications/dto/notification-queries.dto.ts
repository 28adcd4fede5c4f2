import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { INCIDENT_STATUSES, type IncidentStatus } from '@hamgam/shared';
import { PageNumber, PageSize } from '../../common/paging';

export class ListIncidentsDto {
  @ApiPropertyOptional({ enum: INCIDENT_STATUSES })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}

export class ListDeliveriesDto {
  @ApiPropertyOptional({ description: 'Only this channel’s deliveries' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  channelId?: number;

  @PageNumber()
  page?: number;

  @PageSize(200, 50)
  pageSize?: number;
}
